package dev.dcerrors.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Which response bodies may hold an envelope, by their content type. */
final class BodyTypes {

    private BodyTypes() {
    }

    /** Whether a body of this content type may hold an envelope: not an event stream, binary, multipart or media; no type at all may. */
    static boolean readable(@Nullable String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        type = type.trim();
        return !(type.equals("text/event-stream") || type.startsWith("multipart/") || type.startsWith("image/") || type.startsWith("audio/")
                || type.startsWith("video/") || type.endsWith("/octet-stream") || type.contains("ndjson") || type.contains("protobuf")
                || type.contains("grpc") || type.endsWith("stream+json"));
    }
}
