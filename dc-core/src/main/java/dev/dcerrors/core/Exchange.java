package dev.dcerrors.core;

/**
 * The HTTP exchanges under way on this thread, so that each response counts once in the counts, whether it is seen
 * where it is answered or received (its source: {@link ResponseCounter}) or in a log call on the same thread, or in
 * both. An exchange remembers the codes counted during it:
 *
 * <ul>
 *   <li>a log call counted by {@link ErrorRecognizer#counter()} during an exchange skips the codes the exchange
 *       counted, and the codes it counts are remembered by the exchange;</li>
 *   <li>the source, when it counts the response, skips a code a log call of the exchange counted already (the server:
 *       the handler logs its answer, then returns it).</li>
 * </ul>
 *
 * <p>When an exchange begins and ends:
 *
 * <ul>
 *   <li>server side: it begins when the request reaches the server ({@link #beginServer}) and ends when the request
 *       completes ({@link #endServer}); nested begins (a forward, an include) belong to the outermost;</li>
 *   <li>client side: it begins when a call is sent ({@link #beginClient}) and stays under way after the response has
 *       been received, so that the application's own log of that response ({@code log.warn("DC call failed: {}",
 *       body)}) is the same response; it ends when the next client call on this thread begins, or when the server
 *       exchange around it ends.</li>
 * </ul>
 *
 * <p>A response received by a client and a response answered by the server are two responses: a log call skips a
 * code either of them counted, but the server's answer counts even when it carries the code the client received.
 * Without an exchange under way (no source counting: the plain Logback setup) nothing is remembered and log calls count
 * as they always did. Log calls on another thread (a reactive chain that moves threads, an executor) are not part of
 * the exchange and count on their own.
 *
 * <p>The state is one {@code int[]} per thread, as the recognizer's per-call codes: no thread keeps a reference into the
 * class loader of an undeployed application, and nothing is allocated per exchange. At most
 * {@link #MAX_REMEMBERED} codes are remembered per exchange; a code past that is counted again if seen again.
 */
public final class Exchange {

    /** How many codes one exchange remembers. */
    public static final int MAX_REMEMBERED = 32;

    private static final int SERVER_DEPTH = 0;
    private static final int SERVER_SIZE = 1;
    private static final int CLIENT_OPEN = 2;
    private static final int CLIENT_SIZE = 3;
    /** Where {@link ErrorRecognizer#responseCode} leaves the code it found. */
    static final int FOUND = 4;
    /** Each remembered code takes two ints: the {@link ErrorCounts#id()} of the counts that counted it, and the code. */
    private static final int SERVER_CODES = 5;
    private static final int CLIENT_CODES = SERVER_CODES + 2 * MAX_REMEMBERED;
    private static final int LENGTH = CLIENT_CODES + 2 * MAX_REMEMBERED;

    private static final ThreadLocal<int[]> STATE = ThreadLocal.withInitial(() -> new int[LENGTH]);

    /** The side of an exchange: where the response is seen. */
    public enum Side {
        /** A response this application answers. */
        SERVER("server"),
        /** A response this application receives. */
        CLIENT("client");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        /** The {@code side} label. */
        public String label() {
            return label;
        }
    }

    private Exchange() {
    }

    static int[] state() {
        return STATE.get();
    }

    /** A server request begins on this thread; a nested begin (forward, include) joins the one under way. */
    public static void beginServer() {
        int[] s = STATE.get();
        if (s[SERVER_DEPTH]++ == 0) {
            s[SERVER_SIZE] = 0;
            s[CLIENT_OPEN] = 0;
            s[CLIENT_SIZE] = 0;
        }
    }

    /** The server request of the matching {@link #beginServer} completes: the outermost forgets its codes and any client exchange's. */
    public static void endServer() {
        int[] s = STATE.get();
        if (s[SERVER_DEPTH] > 0 && --s[SERVER_DEPTH] == 0) {
            s[SERVER_SIZE] = 0;
            s[CLIENT_OPEN] = 0;
            s[CLIENT_SIZE] = 0;
        }
    }

    /** A client call begins on this thread: the previous client exchange, if any, ends. */
    public static void beginClient() {
        int[] s = STATE.get();
        s[CLIENT_OPEN] = 1;
        s[CLIENT_SIZE] = 0;
    }

    /** Whether an exchange (server or client) is under way on this thread. */
    public static boolean underWay() {
        int[] s = STATE.get();
        return s[SERVER_DEPTH] > 0 || s[CLIENT_OPEN] != 0;
    }

    /**
     * Whether a log call on this thread must skip {@code code} for the counts {@code counts} (an {@link ErrorCounts#id()}):
     * an exchange under way counted it there. Other counts (another application's filter on the same logger context)
     * count it on their own.
     */
    static boolean counted(int[] s, int counts, int code) {
        return s[CLIENT_OPEN] != 0 && contains(s, CLIENT_CODES, s[CLIENT_SIZE], counts, code)
                || s[SERVER_DEPTH] > 0 && contains(s, SERVER_CODES, s[SERVER_SIZE], counts, code);
    }

    /** A log call counted {@code code}: the innermost exchange under way remembers it (the client's, else the server's). */
    static void rememberLogged(int[] s, int counts, int code) {
        if (s[CLIENT_OPEN] != 0) {
            add(s, CLIENT_SIZE, CLIENT_CODES, counts, code);
        } else if (s[SERVER_DEPTH] > 0) {
            add(s, SERVER_SIZE, SERVER_CODES, counts, code);
        }
    }

    /** Whether the exchange of {@code side} counted {@code code} already (a log call during it, or its source). */
    static boolean countedBy(int[] s, Side side, int counts, int code) {
        return side == Side.SERVER
                ? s[SERVER_DEPTH] > 0 && contains(s, SERVER_CODES, s[SERVER_SIZE], counts, code)
                : s[CLIENT_OPEN] != 0 && contains(s, CLIENT_CODES, s[CLIENT_SIZE], counts, code);
    }

    /** The source of {@code side} counted {@code code}: its exchange remembers it, when one is under way. */
    static void rememberSource(int[] s, Side side, int counts, int code) {
        if (side == Side.SERVER) {
            if (s[SERVER_DEPTH] > 0) {
                add(s, SERVER_SIZE, SERVER_CODES, counts, code);
            }
        } else if (s[CLIENT_OPEN] != 0) {
            add(s, CLIENT_SIZE, CLIENT_CODES, counts, code);
        }
    }

    private static boolean contains(int[] s, int from, int size, int counts, int code) {
        for (int i = from, end = from + 2 * size; i < end; i += 2) {
            if (s[i + 1] == code && s[i] == counts) {
                return true;
            }
        }
        return false;
    }

    private static void add(int[] s, int sizeIndex, int from, int counts, int code) {
        int size = s[sizeIndex];
        if (size < MAX_REMEMBERED) {
            s[from + 2 * size] = counts;
            s[from + 2 * size + 1] = code;
            s[sizeIndex] = size + 1;
        }
    }
}
