package dev.dcerrors.core;

/**
 * The open frames of the text being walked, innermost last, and the codes that wait in their object for a
 * message key. A frame is one of:
 *
 * <ul>
 *   <li>an <em>object</em>: {@code {…}} (JSON, {@code Map.toString()}), {@code Name(…)} (Lombok),
 *       {@code Name[…]} (record); its keys are decided together (the envelope rule);</li>
 *   <li>a <em>group</em>: {@code (…)} or {@code […]} without a name before it (prose, a JSON array); it is
 *       transparent: a key in it belongs to the innermost object around it;</li>
 *   <li>a <em>string</em>: the content of a quoted string, which is a text of its own: a key in it belongs to
 *       an object opened inside the string, or to no object.</li>
 * </ul>
 *
 * <p>Fixed-size arrays, no allocation after construction: at most {@link #MAX_DEPTH} frames and
 * {@link #MAX_PENDING} waiting codes. Every operation is O(1) but {@link #closeFrom} and {@link #firstPendingOf},
 * whose cost is paid by the frames they close and the codes that then leave the list, each added once. Not
 * thread-safe: one per {@link TextWalker}.
 */
final class Frames {

    static final int MAX_DEPTH = 64;
    static final int MAX_PENDING = MAX_DEPTH;
    static final int NONE = -1;

    static final int BRACE = 0;
    static final int PAREN = 1;
    static final int BRACKET = 2;
    static final int STRING = 3;

    private final int[] kind = new int[MAX_DEPTH];
    private final boolean[] object = new boolean[MAX_DEPTH];
    private final boolean[] hasMessage = new boolean[MAX_DEPTH];
    /** The innermost object or string frame at or below each frame: whose keys a key at that frame is. */
    private final int[] owner = new int[MAX_DEPTH];
    /** The next frame of the same kind below each frame, so that a closer finds its opener in O(1). */
    private final int[] sameKindBelow = new int[MAX_DEPTH];
    /** For string frames: the quoting level of the opening quote (see {@link Chars#quoteLevel}). */
    private final int[] quoteLevel = new int[MAX_DEPTH];
    /** For string frames: the position of the first character inside the quotes. */
    private final int[] contentStart = new int[MAX_DEPTH];
    /** For string frames: whether the quotes hold JSON quoted without escaping ({@code "{"code":…}"}). */
    private final boolean[] quotedJson = new boolean[MAX_DEPTH];
    private final int[] innermost = new int[4];
    private int depth;

    /** Codes waiting for a message key in their object, by frame, innermost frame last. */
    private final int[] pendingFrame = new int[MAX_PENDING];
    private final int[] pendingValue = new int[MAX_PENDING];
    private int pending;

    Frames() {
        clear();
    }

    void clear() {
        depth = 0;
        pending = 0;
        innermost[BRACE] = NONE;
        innermost[PAREN] = NONE;
        innermost[BRACKET] = NONE;
        innermost[STRING] = NONE;
    }

    /** Opens an object or group frame; false when {@link #MAX_DEPTH} frames are open already. */
    boolean push(int frameKind, boolean isObject) {
        if (depth == MAX_DEPTH) {
            return false;
        }
        int f = depth++;
        kind[f] = frameKind;
        object[f] = isObject;
        hasMessage[f] = false;
        owner[f] = isObject ? f : ownerBelow(f);
        sameKindBelow[f] = innermost[frameKind];
        innermost[frameKind] = f;
        return true;
    }

    /**
     * Opens a string whose opening quote has {@code level}; {@code json} when it holds JSON quoted without escaping,
     * whose own quotes have the same level. False when {@link #MAX_DEPTH} frames are open already.
     */
    boolean pushString(int level, int firstCharAt, boolean json) {
        if (!push(STRING, false)) {
            return false;
        }
        int f = depth - 1;
        owner[f] = f;
        quoteLevel[f] = level;
        contentStart[f] = firstCharAt;
        quotedJson[f] = json;
        return true;
    }

    /** How many frames are open. */
    int depth() {
        return depth;
    }

    boolean isQuotedJson(int stringFrame) {
        return quotedJson[stringFrame];
    }

    /** Whether string frame {@code f} holds quoted JSON and a frame (its object, array or one of their strings) is open inside it. */
    boolean holdsOpenJson(int stringFrame) {
        return quotedJson[stringFrame] && depth - 1 > stringFrame;
    }

    /** Closes {@code frame} and every frame inside it; the codes waiting in them are dropped. */
    void closeFrom(int frame) {
        while (depth > frame) {
            depth--;
            innermost[kind[depth]] = sameKindBelow[depth];
        }
        while (pending > 0 && pendingFrame[pending - 1] >= frame) {
            pending--;
        }
    }

    /** The innermost open frame of {@code frameKind}, or {@link #NONE}. */
    int innermost(int frameKind) {
        return innermost[frameKind];
    }

    int innermostString() {
        return innermost[STRING];
    }

    /** Whose keys a key at the current position is: the innermost object or string frame, or {@link #NONE}. */
    int owner() {
        return ownerBelow(depth);
    }

    /** Whose keys a key just outside {@code frame} is (a quoted key: its quotes are {@code frame}). */
    int ownerBelow(int frame) {
        return frame == 0 ? NONE : owner[frame - 1];
    }

    boolean isObject(int frame) {
        return frame != NONE && object[frame];
    }

    boolean hasMessage(int frame) {
        return hasMessage[frame];
    }

    void markMessage(int frame) {
        hasMessage[frame] = true;
    }

    int quoteLevel(int stringFrame) {
        return quoteLevel[stringFrame];
    }

    int contentStart(int stringFrame) {
        return contentStart[stringFrame];
    }

    /**
     * Keeps {@code value} until its object gets a message key or closes. A code's object is the innermost
     * object open, so the waiting codes stay ordered by frame. False when {@link #MAX_PENDING} codes wait
     * already: the code is dropped.
     */
    boolean defer(int frame, int value) {
        if (pending == MAX_PENDING) {
            return false;
        }
        pendingFrame[pending] = frame;
        pendingValue[pending] = value;
        pending++;
        return true;
    }

    int pendingCount() {
        return pending;
    }

    /** The index of the first code waiting in {@code frame}; its codes are the last ones, up to {@link #pendingCount()}. */
    int firstPendingOf(int frame) {
        int i = pending;
        while (i > 0 && pendingFrame[i - 1] == frame) {
            i--;
        }
        return i;
    }

    int pendingValue(int index) {
        return pendingValue[index];
    }

    /** Forgets the waiting codes from {@code index} on. */
    void dropPendingFrom(int index) {
        pending = Math.min(pending, index);
    }
}
