package dev.dcerrors.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Counts responses at their source: a body a server answers or a client receives, read with a recognizer's rules and
 * readers, counted once per {@link Exchange} in the recognizer's counts ({@code devcenter_errors_total},
 * {@code devcenter_responses_total}) and, for an error, in the {@link EndpointCounts} by endpoint and side. What the
 * integrations (the Spring Boot starter, the HTTP client interceptors) share; thread-safe.
 */
public final class ResponseCounter {

    /** Created on first use: {@link #shared()}. */
    private static final class Shared {
        static final ResponseCounter INSTANCE = create();

        private static ResponseCounter create() {
            ErrorRecognizer recognizer = new RecognizerOptions().build(ErrorCounts.shared(), RecognizerOptions.Reporter.failing());
            return new ResponseCounter(java.util.Objects.requireNonNull(recognizer), EndpointCounts.shared(),
                    FailureReporter.once((problem, cause) -> System.err.println("DC Error Analytics: " + problem)));
        }
    }

    private final ErrorRecognizer recognizer;
    private final EndpointCounts endpoints;
    private final FailureReporter failures;
    private final int maxBodyBytes;

    /**
     * @param failures where a body's accessor that threw is reported (once is enough: {@link FailureReporter#once})
     */
    public ResponseCounter(ErrorRecognizer recognizer, EndpointCounts endpoints, FailureReporter failures) {
        this.recognizer = recognizer;
        this.endpoints = endpoints;
        this.failures = failures;
        this.maxBodyBytes = recognizer.maxScanChars();
    }

    /**
     * The counter the HTTP client interceptors use when given none: the default recognition options over
     * {@link ErrorCounts#shared()} (where a turbo filter with no options counts, and a binder with no arguments
     * publishes) and {@link EndpointCounts#shared()}. Failures of a body's accessors go to standard error, once.
     */
    public static ResponseCounter shared() {
        return Shared.INSTANCE;
    }

    /**
     * Counts a response body this server answers at endpoint {@code method route} ({@code POST /v2/login/{id}}: the
     * route template, never the raw path): an object read through the recognizer's readers, or text.
     *
     * @return the code counted at the endpoint, or -1 when the body has no response code
     */
    public int countServerBody(@Nullable Object body, @Nullable String method, @Nullable String route) {
        return count(Exchange.Side.SERVER, recognizer.responseCode(body, failures), method, route);
    }

    /**
     * Counts a response body this server answers at endpoint {@code method route}, from a copy of its first encoded
     * bytes (a reactive server writes the body as bytes): read as {@link #countClientBody} reads a client's.
     *
     * @return the code counted, or -1 when none was found
     */
    public int countServerBytes(byte[] bytes, int length, @Nullable String method, @Nullable String route) {
        CharSequence text = asText(bytes, Math.min(length, bytes.length));
        return count(Exchange.Side.SERVER, text == null ? -1 : recognizer.responseCode(text, failures), method, route);
    }

    /**
     * Counts a response body this client received from endpoint {@code method target} (a URI template, else the host),
     * from a copy of its first bytes: {@code length} bytes of {@code bytes}, at most {@link #maxBodyBytes()} of them
     * read. A gzip body is inflated as far as the copy goes; any other body is read as text, whatever its encoding (the
     * keys and digits of an envelope are ASCII). Not JSON, empty or cut short: counted when a code is found, else not.
     *
     * @return the code counted, or -1 when none was found
     */
    public int countClientBody(byte[] bytes, int length, @Nullable String method, @Nullable String target) {
        CharSequence text = asText(bytes, Math.min(length, bytes.length));
        return count(Exchange.Side.CLIENT, text == null ? -1 : recognizer.responseCode(text, failures), method, target);
    }

    /**
     * Counts a response body this client is receiving as a stream, from a copy of its first {@link #maxBodyBytes()}
     * bytes, and returns the stream the application reads instead: the copy, then the rest of {@code body}, so that it
     * receives every byte, unchanged; closing it closes {@code body}. Reads until the copy is full or the body ends.
     *
     * @param contentLength the body's length when the response says it (the copy is no larger), else -1
     * @throws IOException what reading {@code body} threw; the caller passes it on as the client would have
     */
    public InputStream countClientStream(InputStream body, long contentLength, @Nullable String method, @Nullable String target)
            throws IOException {
        byte[] copy = new byte[contentLength >= 0 && contentLength < maxBodyBytes ? (int) contentLength : maxBodyBytes];
        int n = 0;
        int r;
        while (n < copy.length && (r = body.read(copy, n, copy.length - n)) >= 0) {
            n += r;
        }
        countClientBody(copy, n, method, target);
        return new java.io.SequenceInputStream(new ByteArrayInputStream(copy, 0, n), body);
    }

    /** Counts a response body this client received, in hand as an object or text (a decoded envelope). */
    public int countClientObject(@Nullable Object body, @Nullable String method, @Nullable String target) {
        return count(Exchange.Side.CLIENT, recognizer.responseCode(body, failures), method, target);
    }

    private int count(Exchange.Side side, int code, @Nullable String method, @Nullable String target) {
        if (code < 0) {
            return -1;
        }
        recognizer.countResponse(code, side);
        endpoints.record(side, method, target, code);
        return code;
    }

    /** How many bytes of a client's body are copied and read at most: the recognizer's {@code maxScanChars}. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The endpoint counts. */
    public EndpointCounts endpoints() {
        return endpoints;
    }

    /** The recognizer. */
    public ErrorRecognizer recognizer() {
        return recognizer;
    }

    private @Nullable CharSequence asText(byte[] bytes, int length) {
        if (length <= 0) {
            return null;
        }
        if (length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            return inflated(bytes, length);
        }
        return new Latin1(bytes, length);
    }

    /** As much of a gzip copy as inflates, up to {@link #maxBodyBytes}; null when nothing does. */
    private @Nullable CharSequence inflated(byte[] bytes, int length) {
        byte[] out = new byte[maxBodyBytes];
        int n = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes, 0, length))) {
            int r;
            while (n < out.length && (r = in.read(out, n, out.length - n)) > 0) {
                n += r;
            }
        } catch (IOException e) {
            // a copy cut short ends the stream early: read what inflated
        }
        return n == 0 ? null : new Latin1(out, n);
    }

    /** Bytes read as characters one for one: enough for the ASCII keys and digits of an envelope, whatever the encoding. */
    private static final class Latin1 implements CharSequence {
        private final byte[] bytes;
        private final int from;
        private final int length;

        Latin1(byte[] bytes, int length) {
            this(bytes, 0, length);
        }

        Latin1(byte[] bytes, int from, int length) {
            this.bytes = bytes;
            this.from = from;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[from + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Latin1(bytes, from + start, end - start);
        }

        @Override
        public String toString() {
            return new String(bytes, from, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
