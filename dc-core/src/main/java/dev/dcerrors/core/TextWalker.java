package dev.dcerrors.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * One forward walk over a text in which {@link CodeScanner} found a code key: it follows the text's structure
 * ({@link Frames}: objects, groups, strings, JSON quoted without escaping), recognizes code and message keys where a
 * key may start, and reports each code when its place allows (the envelope rule of {@link CodeScanner}):
 *
 * <ul>
 *   <li>a code outside any object (prose, logfmt, the top of a string's text) is reported at once;</li>
 *   <li>a code in an object that has shown a message key, or whose message key comes right after the code's
 *       value with only a comma between ({@code "code":5147,"msg":…}), is reported at once;</li>
 *   <li>otherwise it waits in its object: reported when a message key of that object follows, dropped when
 *       the object closes, when the text (or the scan limit) ends first, or when the walk stops.</li>
 * </ul>
 *
 * <p>Each character is read about once by the walk, plus a bounded look-ahead where a key starts (the key, its
 * separator and its value) and where a quote opens a string (whether JSON quoted without escaping follows:
 * {@link #quotedJsonAt}). A string whose content cannot change the answer is opened and closed at once, its closing
 * quote found with {@code String.indexOf} ({@link #skippableStringEnd}). An object or array that holds no code key
 * occurrence and whose keys can only be its own is jumped over to its closer ({@link #skipValue}: a code waiting past
 * a large {@code data}, a request body's items before its code), following only its brackets and its strings' quotes.
 * The walk ends early once no code key occurs
 * further on and either no code waits or no message key occurs further on ({@link #pendingReach}; {@code String.indexOf},
 * per code key and per message anchor, each search resuming where the last one stopped). It stops, dropping the
 * codes that wait, when more than {@link Frames#MAX_DEPTH} frames are open.
 *
 * <p>Walkers are scratch shared by all threads through a small lock-free pool ({@link #acquire},
 * {@link #release}): a scan takes the walker of its thread's slot with one atomic swap and puts it back. A walker
 * is made only when a slot is first used or when more scans run at once than the slots near a thread's hold.
 * No thread-local: a thread that outlives an application (a container's pool) keeps nothing of it, so an
 * undeployed application's class loader can be collected.
 */
final class TextWalker {

    /** Pool slots: a power of two, four per processor, 8 to 128. */
    private static final int SLOTS = Math.min(128, Integer.highestOneBit(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()) * 2 - 1));
    /** Slots this far apart in the array do not share a cache line. */
    private static final int STRIDE = 16;
    /** How many slots, from a thread's own, a scan tries before it makes a walker. */
    private static final int PROBES = 4;
    private static final AtomicReferenceArray<TextWalker> POOL = new AtomicReferenceArray<>(SLOTS * STRIDE);
    /** {@link #horizon}: no code key occurs any more. */
    private static final int NO_MORE = Integer.MAX_VALUE;
    /** {@link #nextKeyAt}: not searched yet from the current position. */
    private static final int STALE = -1;
    /** A key's form, besides the number of backslashes of its double quotes: bare ({@code code=}), single-quoted. */
    private static final int BARE = -1;
    private static final int SINGLE_QUOTED = -2;
    /** The characters that open a frame in a string's text, counted to bound the frames a skipped string could open. */
    private static final String OPENERS = "{[(";
    /** {@link #skippedStringEnd}: a key may start the string's text, which would be a key of the innermost object around. */
    private static final int KEY_AT_START = -2;
    /** A value whose opener is this close to the next code key occurrence is not tried: the key is in it ({"code":…). */
    private static final int NEAR = 16;
    /** How many values read to their closer {@link #skipValue} keeps for the walk when it gives up. */
    private static final int KNOWN = 64;
    /** {@link #skipValue}'s classes of ASCII characters; every other character is {@link #S_PLAIN}. */
    private static final byte S_PLAIN = 0;
    private static final byte S_QUOTE = 1;
    private static final byte S_BACKSLASH = 2;
    private static final byte S_OPEN_BRACE = 3;
    private static final byte S_CLOSE_BRACE = 4;
    private static final byte S_OPEN_BRACKET = 5;
    private static final byte S_CLOSE_BRACKET = 6;
    private static final byte S_PAREN = 7;
    private static final byte[] SKIP_CLASS = new byte[128];

    static {
        SKIP_CLASS['"'] = S_QUOTE;
        SKIP_CLASS['\\'] = S_BACKSLASH;
        SKIP_CLASS['{'] = S_OPEN_BRACE;
        SKIP_CLASS['}'] = S_CLOSE_BRACE;
        SKIP_CLASS['['] = S_OPEN_BRACKET;
        SKIP_CLASS[']'] = S_CLOSE_BRACKET;
        SKIP_CLASS['('] = S_PAREN;
        SKIP_CLASS[')'] = S_PAREN;
    }

    private final Frames frames = new Frames();
    /** Per code key, where it occurs next (or {@link #NO_MORE}, {@link #STALE}). */
    private int[] nextKeyAt = new int[4];
    /** Per message anchor ({@link CodeScanner#messageAnchors}), where it occurs next (or {@link #NO_MORE}, {@link #STALE}): searched only while codes wait. */
    private int[] nextMessageAt = new int[8];
    /** The pool slot this walker goes back to. */
    private int slot;

    // The walk in progress; references are cleared when it ends.
    private @Nullable CodeScanner scanner;
    private @Nullable CharSequence text;
    private @Nullable Object @Nullable [] args;
    private @Nullable CodeSink sink;
    private boolean template;
    private boolean intrinsic;
    private int end;
    private int length;
    private int budget;
    private int counted;
    private boolean stopped;
    /** The position being read. */
    private int pos;
    /** The character before {@link #pos}, or {@link Chars#END}. */
    private int previous;
    /** How many backslashes immediately precede {@link #pos}. */
    private int backslashes;
    /** How many SLF4J placeholders {@code {}} start before {@link #pos}. */
    private int placeholders;
    /** The nearest code key occurrence at or after which the walk must go on. */
    private int horizon;
    /** Where the walk goes on after a string {@link #onQuote} opened and closed at once, or -1. */
    private int skipTo = -1;
    /** Where the value read by the last {@link #valueAt} ends, its closing quote included. */
    private int valueEnd;
    /** The positions of the openers {@link #skipValue} gave up on, ascending, from {@link #refusedNext} on: not tried again. */
    private final int[] refusedAt = new int[2 * Frames.MAX_DEPTH];
    private final int[] refusedScratch = new int[2 * Frames.MAX_DEPTH];
    private int refusedCount;
    private int refusedNext;
    /**
     * Values inside the last value {@link #skipValue} gave up on that it read to their closer and that the walk will
     * reach (children of the frames open where it gave up): opener, closer + 1, and depth in that value. Ascending by
     * opener from {@link #knownNext} on; the walk jumps over them without reading them again.
     */
    private int[] knownOpen = new int[KNOWN];
    private int[] knownAfter = new int[KNOWN];
    private int knownCount;
    private int knownNext;
    /** {@link #skipValue}'s scratch: the values it read to their closer, as {@link #knownOpen} (with their depth). */
    private int[] readOpen = new int[KNOWN];
    private int[] readAfter = new int[KNOWN];
    private final int[] readDepth = new int[KNOWN];
    private int readCount;
    /** {@link #skipValue}'s scratch: the positions of the openers of the frames it has open. */
    private final int[] skipOpeners = new int[Frames.MAX_DEPTH];
    /** Per opener character of {@link #OPENERS}, where it occurs next (or {@link #NO_MORE}, {@link #STALE}); Strings only. */
    private final int[] nextOpenerAt = new int[OPENERS.length()];
    /** Where the search that found {@link #nextOpenerAt} started: no such opener lies between the two. */
    private final int[] openerSearchedFrom = new int[OPENERS.length()];
    /** Hex digits still to read of a {@code \}{@code uXXXX} escape, and the value read so far. */
    private int unicodeDigitsLeft;
    private int unicodeValue;

    private TextWalker() {
    }

    /** A walker from the pool: its thread's slot's, or a nearby one's, or a new one. */
    static TextWalker acquire() {
        int home = (int) Thread.currentThread().getId();
        for (int i = 0; i < PROBES; i++) {
            int slot = ((home + i) & (SLOTS - 1)) * STRIDE;
            TextWalker walker = POOL.getAndSet(slot, null);
            if (walker != null) {
                walker.slot = slot;
                return walker;
            }
        }
        TextWalker walker = new TextWalker(); // a slot's first use, or many scans at once
        walker.slot = (home & (SLOTS - 1)) * STRIDE;
        return walker;
    }

    private void release() {
        POOL.setRelease(slot, this);
    }

    /**
     * Walks {@code text}, where code key {@code firstKey} occurs at {@code firstAt} (and no code key before
     * it occurs at all); returns how many codes the sink accepted, at most {@code budget}.
     */
    int walk(CodeScanner scanner, CharSequence text, @Nullable Object @Nullable [] args, boolean template, CodeSink sink,
            int budget, int firstKey, int firstAt, boolean intrinsic) {
        try {
            start(scanner, text, args, template, sink, budget, intrinsic);
            int keys = scanner.codeKeyCount();
            if (nextKeyAt.length < keys) {
                nextKeyAt = new int[keys];
            }
            for (int k = 0; k < keys; k++) {
                nextKeyAt[k] = k < firstKey ? NO_MORE : k == firstKey ? firstAt : STALE;
            }
            int anchors = scanner.messageAnchors().length;
            if (nextMessageAt.length < anchors) {
                nextMessageAt = new int[anchors];
            }
            java.util.Arrays.fill(nextMessageAt, 0, anchors, STALE);
            horizon = firstAt;
            run(text);
            return counted;
        } finally {
            this.scanner = null;
            this.text = null;
            this.args = null;
            this.sink = null;
            release();
        }
    }

    private void start(CodeScanner scanner, CharSequence text, @Nullable Object @Nullable [] args, boolean template,
            CodeSink sink, int budget, boolean intrinsic) {
        this.scanner = scanner;
        this.text = text;
        this.args = args;
        this.template = template;
        this.sink = sink;
        this.budget = budget;
        this.intrinsic = intrinsic;
        this.length = text.length();
        this.end = Math.min(length, scanner.maxScanChars());
        counted = 0;
        stopped = false;
        pos = 0;
        previous = Chars.END;
        backslashes = 0;
        placeholders = 0;
        unicodeDigitsLeft = 0;
        skipTo = -1;
        refusedCount = 0;
        refusedNext = 0;
        knownCount = 0;
        knownNext = 0;
        java.util.Arrays.fill(nextOpenerAt, STALE);
        java.util.Arrays.fill(openerSearchedFrom, 0);
        frames.clear();
    }

    /**
     * The walk: characters that change nothing (no structure, no escape, no key start) are passed over in
     * registers; the others go to {@link #step}, with the walk's position and state in fields. When no code
     * waits, the walk ends past the last code key occurrence.
     */
    private void run(CharSequence text) {
        CodeScanner scanner = scanner();
        boolean skipsValues = !template && scanner.skipsValues();
        int p = pos;
        int stopAfter = horizon;
        boolean previousJoins = false;
        while (p < end) {
            if (p > stopAfter) {
                pos = p;
                horizon = nextKeyOccurrence();
                stopAfter = frames.pendingCount() == 0 ? horizon : pendingReach();
                if (stopAfter == NO_MORE) {
                    return; // no code key follows, and nothing waits or no message key follows for what waits
                }
            }
            char c = text.charAt(p);
            int flags = scanner.flagsOf(c);
            boolean joins = (flags & CodeScanner.IDENTIFIER) != 0;
            boolean plain = (flags & CodeScanner.SPECIAL) == 0 && ((flags & CodeScanner.KEY_START) == 0 || (joins && previousJoins));
            if (plain && backslashes == 0 && unicodeDigitsLeft == 0) {
                int runEnd = plainRunEnd(text, scanner, p + 1, joins);
                previous = runEnd == p + 1 ? c : text.charAt(runEnd - 1);
                previousJoins = Chars.isIdentifierChar(previous);
                p = runEnd;
                continue;
            } else {
                int limit;
                if ((c == '{' || c == '[') && skipsValues && (limit = p > horizon ? keyOccurrenceFrom(p) : horizon) - p > NEAR && !refused(p)) {
                    int after = known(p);
                    if (after < 0) {
                        after = skipValue(text, p, limit);
                    }
                    if (after > p) {
                        p = after; // past a value that cannot change the answer (skipValue)
                        previous = text.charAt(after - 1);
                        previousJoins = false;
                        backslashes = 0;
                        unicodeDigitsLeft = 0;
                        continue;
                    }
                }
                pos = p;
                step(c);
                if (stopped) {
                    return;
                }
                if (skipTo > p) {
                    p = skipTo; // past a string opened and closed at once (onQuote)
                    skipTo = -1;
                    previousJoins = false;
                    stopAfter = frames.pendingCount() == 0 ? horizon : pendingReach();
                    continue;
                }
                joins = Chars.isIdentifierChar(previous);
                stopAfter = frames.pendingCount() == 0 ? horizon : pendingReach();
            }
            previousJoins = joins;
            p++;
        }
    }

    /**
     * When a quote of {@code level} before {@code from} opens a string whose content cannot change the answer, the
     * position of the quote that closes it; else -1. The content of a string is a text of its own: it holds a key of
     * the objects around only at its start (a quoted key, {@code "msg"}), and whatever opens inside it closes with
     * it. So the string may be opened and closed at once, its content found with {@code String.indexOf} where the
     * text is a String, when
     * <ul>
     *   <li>no key starts at its first character (the walk reads quoted keys there);</li>
     *   <li>it is not JSON quoted without escaping (whose content is structure to follow; the caller knows);</li>
     *   <li>the quote that ends it has its level: quotes of higher levels open and close strings inside it, one of a
     *       lower level would close more than this string;</li>
     *   <li>no code key occurs before that quote (nothing in the string can be reported);</li>
     *   <li>the string and its content cannot open frames past {@link Frames#MAX_DEPTH} (which would end the walk):
     *       the content is shorter than the frames left;</li>
     *   <li>the text is not a template (a {@code {}} in it would shift the placeholders' arguments).</li>
     * </ul>
     * Each character is read at most once more, by the search (and a run of backslashes once more before its quote).
     */
    private int skippableStringEnd(CharSequence text, int from, int level) {
        int room = Frames.MAX_DEPTH - frames.depth() - 1; // frames the content could open once the string is open
        if (template || room < 0 || from >= end) {
            return -1;
        }
        CodeScanner scanner = scanner();
        char first = text.charAt(from);
        if (scanner.mayStartKey(first)) {
            for (int k = 0, keys = scanner.keyCount(); k < keys; k++) {
                if (scanner.keyStartsWith(k, first) && scanner.keyEndAt(k, text, from, end, length) >= 0) {
                    return -1;
                }
            }
        }
        int i = from;
        while (true) {
            int q = quoteAt(text, i, end);
            if (q < 0 || q - from > room) {
                return -1;
            }
            int quoteLevel = Chars.quoteLevel(backslashesBefore(text, q, from));
            if (quoteLevel <= level) {
                if (quoteLevel < level) {
                    return -1;
                }
                if (horizon < from) {
                    keyOccurrenceFrom(from);
                }
                return horizon <= q ? -1 : q;
            }
            i = q + 1;
        }
    }

    /** The first {@code "} at or after {@code from} within the scan limit, or -1: the search where the text is no String. */
    private int genericQuoteAt(CharSequence text, int from) {
        for (int i = from; i < end; i++) {
            if (text.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the run of characters that change nothing, from {@code from} on, ends: a loop with no call and no
     * field written, which the compiler keeps in registers.
     */
    private int plainRunEnd(CharSequence text, CodeScanner scanner, int from, boolean previousJoins) {
        int p = from;
        boolean prevJoins = previousJoins;
        while (p < end) {
            int flags = scanner.flagsOf(text.charAt(p));
            boolean joins = (flags & CodeScanner.IDENTIFIER) != 0;
            if ((flags & CodeScanner.SPECIAL) != 0 || ((flags & CodeScanner.KEY_START) != 0 && !(joins && prevJoins))) {
                break;
            }
            prevJoins = joins;
            p++;
        }
        return p;
    }

    /** The first code key occurrence at or after {@code from}, which lies past {@link #horizon}. */
    private int keyOccurrenceFrom(int from) {
        int at = pos;
        pos = from;
        horizon = nextKeyOccurrence();
        pos = at;
        return horizon;
    }

    /** Where a value that opens at {@code p} and that {@link #skipValue} read to its closer before ends, or -1. */
    private int known(int p) {
        while (knownNext < knownCount && knownOpen[knownNext] < p) {
            knownNext++;
        }
        return knownNext < knownCount && knownOpen[knownNext] == p ? knownAfter[knownNext] : -1;
    }

    /** Whether {@link #skipValue} gave up on the opener at {@code p} before: it would again. */
    private boolean refused(int p) {
        while (refusedNext < refusedCount && refusedAt[refusedNext] < p) {
            refusedNext++;
        }
        return refusedNext < refusedCount && refusedAt[refusedNext] == p;
    }

    /**
     * Where the walk may go on past the object or array that opens at {@code open} (a {@code {} or {@code [}) when
     * nothing in it can change the answer: the position after its closer; else -1, having read at most up to where
     * it gave up. Nothing in such a value can:
     * <ul>
     *   <li>it holds no code key occurrence ({@code limit}, the next one, lies past its closer), so no code is found in it;</li>
     *   <li>its keys are the keys of objects inside it, which close with it: a key belongs to the innermost object
     *       around it, so no key of the objects around the value is in it, and no code waiting there is reported or
     *       dropped in it. Where only arrays of the value are open, a key would be the enclosing object's, so the
     *       value is given up at anything that could start a key there (a letter that starts one, a string whose text
     *       does, a backslash);</li>
     *   <li>its closers match its openers one to one (a closer the walk would match with a frame outside the value,
     *       or a parenthesis, gives it up);</li>
     *   <li>its strings close at a quote of their own level inside it (a quote that would close a string around the
     *       value gives it up), and none may be JSON quoted without escaping (a string that starts with a brace
     *       gives it up);</li>
     *   <li>it cannot take the walk past {@link Frames#MAX_DEPTH} frames: its own frames, and those a string's text
     *       could open (no more than its openers and quotes), are counted.</li>
     * </ul>
     * So the walk, reading the value, would end it with the same frames open, the same codes waiting and nothing
     * reported: jumping over it gives the same answer. String contents are passed over with {@code String.indexOf}.
     * An opener it gave up on is not tried again ({@link #refused}), nor are the openers around the place where it
     * gave up, which would give up there again: each character is read by at most one try that gives up.
     */
    private int skipValue(CharSequence text, int open, int limit) {
        CodeScanner scanner = scanner();
        int base = frames.depth();
        int s = frames.innermostString();
        // Outside the value's own strings, a quote of a lower level than this closes a string around the value.
        int minOpenLevel = s == Frames.NONE ? 0 : frames.isQuotedJson(s) ? frames.quoteLevel(s) : frames.quoteLevel(s) + 1;
        int stop = Math.min(end, limit);
        int[] openers = skipOpeners;
        long brackets = 0; // bit d: frame d of the value is an array (or a record's [), else an object {
        int depth = 0;
        int objects = 0; // how many objects of the value are open: none, and a key would be the enclosing object's
        int runOfBackslashes = 0;
        boolean previousJoins = false;
        // Most strings close at the next quote, found with one search where the text is a String.
        String string = intrinsic ? (String) text : null;
        int roomForText = Frames.MAX_DEPTH - base - 1; // less the value's frames: what a string's text may open
        // Bit d: a key could start in frame d of the value (an array), were it read on its own; such a value is not
        // kept for the walk (knownOpen), whose keys would be the keys of the object around it.
        long keyish = 0;
        boolean inArray = false; // the innermost frame of the value is an array
        readCount = 0;
        int i = open;
        while (i < stop) {
            char c = text.charAt(i);
            int kind = c < 128 ? SKIP_CLASS[c] : S_PLAIN;
            if (kind == S_PLAIN) {
                if (inArray) {
                    if ((scanner.flagsOf(c) & CodeScanner.KEY_START) != 0 && !(previousJoins && Chars.isIdentifierChar(c))) {
                        if (objects == 0) {
                            return giveUp(depth); // a key could start here, of the object around the value
                        }
                        keyish |= arraysAboveInnermostObject(brackets, depth);
                    }
                    previousJoins = Chars.isIdentifierChar(c);
                }
                runOfBackslashes = 0;
                i++;
                continue;
            }
            if (kind == S_QUOTE) {
                int level = Chars.quoteLevel(runOfBackslashes);
                if (string != null && !inArray && level >= minOpenLevel && i + 1 < stop) {
                    // The common case: nothing in the string's text is a quote, it closes at the next one.
                    int q = string.indexOf('"', i + 1);
                    char first = string.charAt(i + 1);
                    if (q > i + 1 && q < stop && first != '{' && first != '[' && q - i - 1 <= roomForText - depth
                            && Chars.quoteLevel(backslashesBefore(string, q, i + 1)) == level) {
                        i = q + 1;
                        runOfBackslashes = 0;
                        continue;
                    }
                }
                int closing = skippedStringEnd(text, i, level, minOpenLevel, base + depth, inArray, stop);
                if (closing < 0) {
                    if (objects == 0 || closing != KEY_AT_START) {
                        return giveUp(depth);
                    }
                    keyish |= arraysAboveInnermostObject(brackets, depth); // its text starts with a key
                    closing = skippedStringEnd(text, i, level, minOpenLevel, base + depth, false, stop);
                    if (closing < 0) {
                        return giveUp(depth);
                    }
                }
                i = closing + 1;
                runOfBackslashes = 0;
                previousJoins = false;
                continue;
            }
            if (kind == S_BACKSLASH) {
                if (inArray) {
                    if (objects == 0) {
                        return giveUp(depth); // an escape could stand for a character before a key
                    }
                    keyish |= arraysAboveInnermostObject(brackets, depth);
                }
                runOfBackslashes++;
                i++;
                continue;
            }
            if (kind == S_OPEN_BRACE || kind == S_OPEN_BRACKET) {
                if (base + depth == Frames.MAX_DEPTH) {
                    return giveUp(depth);
                }
                openers[depth] = i;
                if (kind == S_OPEN_BRACKET) {
                    brackets |= 1L << depth;
                } else {
                    objects++;
                }
                depth++;
                inArray = kind == S_OPEN_BRACKET;
            } else if (kind == S_CLOSE_BRACE || kind == S_CLOSE_BRACKET) {
                long bracket = kind == S_CLOSE_BRACKET ? 1L : 0L;
                if (depth == 0 || ((brackets >>> (depth - 1)) & 1L) != bracket) {
                    return giveUp(depth); // a closer the walk would match with a frame outside the value
                }
                depth--;
                boolean keepable = ((keyish >>> depth) & 1L) == 0;
                if (bracket != 0) {
                    brackets &= ~(1L << depth);
                    keyish &= ~(1L << depth);
                } else {
                    objects--;
                }
                if (depth == 0) {
                    return i + 1;
                }
                inArray = ((brackets >>> (depth - 1)) & 1L) != 0;
                while (readCount > 0 && readDepth[readCount - 1] > depth) {
                    readCount--; // values inside this one, which the walk jumps over with it
                }
                if (keepable && readCount < KNOWN) {
                    readOpen[readCount] = openers[depth];
                    readAfter[readCount] = i + 1;
                    readDepth[readCount++] = depth;
                }
            } else {
                return giveUp(depth); // a parenthesis: a Lombok object or a group, left to the walk
            }
            runOfBackslashes = 0;
            previousJoins = false;
            i++;
        }
        return giveUp(depth);
    }

    /** How many backslashes stand right before {@code q}, from {@code from} on. */
    private static int backslashesBefore(CharSequence text, int q, int from) {
        int b = 0;
        while (q - b - 1 >= from && text.charAt(q - b - 1) == '\\') {
            b++;
        }
        return b;
    }

    /** For {@link #skipValue}: the bits of the frames of the value that are arrays above its innermost object. */
    private static long arraysAboveInnermostObject(long brackets, int depth) {
        long open = depth == 64 ? -1L : (1L << depth) - 1;
        long objectFrames = ~brackets & open;
        int innermostObject = 63 - Long.numberOfLeadingZeros(objectFrames); // -1 when none
        return open & ~((2L << innermostObject) - 1) & brackets;
    }

    /**
     * For {@link #skipValue}: where the string whose quote of {@code level} is at {@code quote} closes (the position
     * of its closing quote), when the walk would open it there and pass over its text without effect on the
     * frames around; else -1.
     */
    private int skippedStringEnd(CharSequence text, int quote, int level, int minOpenLevel, int depth, boolean keysOfEnclosing, int stop) {
        int from = quote + 1;
        if (level < minOpenLevel || from >= stop) {
            return -1;
        }
        char first = text.charAt(from);
        if (first == '{' || first == '[') {
            return -1; // perhaps JSON quoted without escaping, whose text the walk follows
        }
        if (keysOfEnclosing && scanner().mayStartKey(first)) {
            return KEY_AT_START; // perhaps a quoted key of the innermost object around
        }
        int inner = 0;
        int i = from;
        while (true) {
            int q = quoteAt(text, i, stop);
            if (q < 0) {
                return -1;
            }
            int quoteLevel = Chars.quoteLevel(backslashesBefore(text, q, from));
            if (quoteLevel == level) {
                int room = Frames.MAX_DEPTH - depth - 1; // frames the text may open once the string is open
                if (room < 0 || (q - from > room && inner + openersIn(text, from, q, room - inner) > room)) {
                    return -1;
                }
                return q;
            }
            if (quoteLevel < level) {
                return -1; // it would close a string around this one
            }
            inner++;
            i = q + 1;
        }
    }

    /** The first quote at or after {@code from} and before {@code stop} (at most the scan limit), or -1. */
    private int quoteAt(CharSequence text, int from, int stop) {
        int q = intrinsic ? ((String) text).indexOf('"', from) : genericQuoteAt(text, from);
        return q >= stop ? -1 : q;
    }

    /** How many of {@link #OPENERS} occur in [{@code from}, {@code to}), counted up to one more than {@code max}. */
    private int openersIn(CharSequence text, int from, int to, int max) {
        int count = 0;
        if (!intrinsic) {
            for (int i = from; i < to && count <= max; i++) {
                if (OPENERS.indexOf(text.charAt(i)) >= 0) {
                    count++;
                }
            }
            return count;
        }
        String string = (String) text;
        for (int k = 0; k < OPENERS.length() && count <= max; k++) {
            int at = nextOpenerAt[k];
            if (openerSearchedFrom[k] > from || at == STALE) {
                at = string.indexOf(OPENERS.charAt(k), from); // a value read again, after a try that gave up
                at = at < 0 ? NO_MORE : at;
                openerSearchedFrom[k] = from;
            }
            while (at < from) {
                at = string.indexOf(OPENERS.charAt(k), from);
                at = at < 0 ? NO_MORE : at;
                openerSearchedFrom[k] = from;
            }
            while (at < to && count <= max) {
                count++;
                openerSearchedFrom[k] = at + 1;
                at = string.indexOf(OPENERS.charAt(k), at + 1);
                at = at < 0 ? NO_MORE : at;
            }
            nextOpenerAt[k] = at;
        }
        return count;
    }

    /**
     * {@link #skipValue} gives up with {@code depth} frames of the value open: their openers, which hold the place
     * where it gave up, are not tried again; nor are those given up on before that lie ahead.
     */
    private int giveUp(int depth) {
        int[] merged = refusedScratch;
        int n = 0;
        int a = 0;
        int r = refusedNext;
        while ((a < depth || r < refusedCount) && n < merged.length) {
            int next;
            if (r >= refusedCount || (a < depth && skipOpeners[a] <= refusedAt[r])) {
                next = skipOpeners[a++];
            } else {
                next = refusedAt[r++];
            }
            if (n == 0 || merged[n - 1] != next) {
                merged[n++] = next;
            }
        }
        System.arraycopy(merged, 0, refusedAt, 0, n);
        refusedCount = n;
        refusedNext = 0;
        // The values read to their closer lie before those known from an earlier try that are still ahead.
        int kept = readCount;
        for (int k = knownNext; k < knownCount && kept < KNOWN; k++) {
            if (knownOpen[k] > skipOpeners[0]) {
                readOpen[kept] = knownOpen[k];
                readAfter[kept++] = knownAfter[k];
            }
        }
        int[] swap = knownOpen;
        knownOpen = readOpen;
        readOpen = swap;
        swap = knownAfter;
        knownAfter = readAfter;
        readAfter = swap;
        knownCount = kept;
        knownNext = 0;
        return -1;
    }

    private void step(char c) {
        if (unicodeDigitsLeft > 0 && readUnicodeDigit(c)) {
            backslashes = 0;
            return;
        }
        int seenAs = c;
        switch (c) {
            case '\\':
                backslashes++;
                previous = c;
                return;
            case '"':
                onQuote();
                break;
            case '{':
                countPlaceholder();
                open(Frames.BRACE, true);
                break;
            case '(':
                open(Frames.PAREN, Chars.isIdentifierChar(previous)); // Result(code=…): an object; (code=…): a group
                break;
            case '[':
                open(Frames.BRACKET, Chars.isIdentifierChar(previous)); // Result[code=…]: an object; […]: a group
                break;
            case '}':
                close(Frames.BRACE);
                break;
            case ')':
                close(Frames.PAREN);
                break;
            case ']':
                close(Frames.BRACKET);
                break;
            default:
                if (backslashes > 0 && Chars.isEscapeLetter(c)) {
                    seenAs = ' '; // \n, \t, …: white space of the text a JSON string holds
                    if (c == 'u') {
                        unicodeDigitsLeft = 4;
                        unicodeValue = 0;
                    }
                } else if (startsWord(c) && scanner().mayStartKey(c)) {
                    onKeyStart(c);
                }
        }
        backslashes = 0;
        previous = seenAs;
    }

    /** Whether {@code c} does not continue an identifier: a key may start here ({@code x错误码} holds {@code 错误码}). */
    private boolean startsWord(char c) {
        return !Chars.isIdentifierChar(c) || !Chars.isIdentifierChar(previous);
    }

    /**
     * Reads a hex digit of a {@code \}{@code uXXXX} escape; after the fourth, the previous character is the one
     * it stands for (Gson writes {@code =} and {@code &} as {@code \}{@code u003d} and {@code \}{@code u0026}).
     * False, ending the escape, when {@code c} is not a hex digit.
     */
    private boolean readUnicodeDigit(char c) {
        int digit = Chars.hexValue(c);
        if (digit < 0) {
            unicodeDigitsLeft = 0;
            return false;
        }
        unicodeValue = unicodeValue * 16 + digit;
        previous = --unicodeDigitsLeft == 0 ? unicodeValue : c;
        return true;
    }

    /**
     * While codes wait for a message key: how far the walk must go before it looks again, the farther of the
     * nearest code key occurrence ({@link #horizon}, perhaps already passed) and some message key occurrence at or
     * after {@link #pos}; {@link #NO_MORE} when neither follows. A waiting code is reported only where a message key
     * of its object is read, and every such key is an occurrence of a message key's text: past the last one and the
     * last code key, nothing more can be reported. Any occurrence ahead will do (the walk looks again when it
     * passes it), and so will any place at or past one where it lies before the walk looks again: the searches are
     * for the parts every message key holds one of ({@link CodeScanner#messageAnchors}, {@code sg} and
     * {@code message} for the defaults), in order until one is found, each search resuming where that anchor's last
     * one stopped. Where the text is no String (or keys ignore case) no search is made and the walk goes on to the
     * end, as v2 did: there every search would be a character loop.
     */
    private int pendingReach() {
        if (!intrinsic) {
            return Integer.MAX_VALUE - 1; // never passed: the walk reads on to the end
        }
        String[] anchors = scanner().messageAnchors();
        int message = NO_MORE;
        for (int m = 0; m < anchors.length; m++) {
            int at = nextMessageAt[m];
            if (at != NO_MORE && at < pos) {
                at = ((String) text()).indexOf(anchors[m], pos);
                at = at < 0 ? NO_MORE : at;
                nextMessageAt[m] = at;
            }
            if (at != NO_MORE) {
                message = at;
                break;
            }
        }
        if (message == NO_MORE) {
            return horizon; // NO_MORE only when no code key follows either
        }
        return horizon == NO_MORE ? message : Math.max(horizon, message);
    }

    /** The first code key occurrence at or after {@link #pos}, or {@link #NO_MORE}. */
    private int nextKeyOccurrence() {
        CodeScanner scanner = scanner();
        int nearest = NO_MORE;
        for (int k = 0, keys = scanner.codeKeyCount(); k < keys; k++) {
            if (nextKeyAt[k] < pos) {
                int at = scanner.occurrence(text(), k, pos, end, intrinsic);
                nextKeyAt[k] = at < 0 ? NO_MORE : at;
            }
            nearest = Math.min(nearest, nextKeyAt[k]);
        }
        return nearest;
    }

    // --- structure ---

    /**
     * A quote opens a string, or closes the innermost one. Its level ({@link Chars#quoteLevel}) tells which:
     * a quote of the innermost string's level closes it; a higher level opens a string inside it (escaped
     * JSON in a JSON string); a lower level closes strings down to its own.
     */
    private void onQuote() {
        int level = Chars.quoteLevel(backslashes);
        while (true) {
            int s = frames.innermostString();
            if (s == Frames.NONE || level > frames.quoteLevel(s) || (level == frames.quoteLevel(s) && frames.holdsOpenJson(s))) {
                boolean json = quotedJsonAt(pos + 1, level);
                if (!json) {
                    int closing = skippableStringEnd(text(), pos + 1, level);
                    if (closing >= 0) {
                        skipTo = closing + 1; // the string opens and closes: nothing in it can change the answer
                        return;
                    }
                }
                if (!frames.pushString(level, pos + 1, json)) {
                    stopped = true;
                }
                return;
            }
            boolean closesIt = level == frames.quoteLevel(s);
            frames.closeFrom(s);
            if (closesIt) {
                return;
            }
        }
    }

    /**
     * Whether the quote of {@code level} before {@code i} opens JSON quoted without escaping: an object, or an array
     * of objects, whose first member's key is written with quotes of the same level and followed by {@code :}
     * ({@code "{"code":…}"}, {@code "[{"code":…}]"}, {@code \"{\"code\":…}\"} in a JSON string; white space, real or
     * escaped, may stand around the braces and the key: pretty-printed bodies). In well-formed JSON a string that
     * starts with a brace ends before such a key could follow (a string's closing quote is followed by white space
     * and a comma, colon or closing bracket, which no key read here holds), so the JSON string value
     * {@code "{"} stays a string. A look-ahead over the braces, the key and white space, each character of which no other quote's
     * look-ahead reads again.
     */
    private boolean quotedJsonAt(int i, int level) {
        int q = i;
        int c = at(q);
        if (c == '[') {
            q = skipJsonSpace(q + 1);
            c = at(q);
        }
        if (c != '{') {
            return false;
        }
        int quoteBackslashes = (1 << Math.min(level, 30)) - 1;
        q = skipJsonSpace(q + 1);
        if (!closesWith(q, quoteBackslashes)) {
            return false;
        }
        q += quoteBackslashes + 1;
        int keyStart = q;
        while (Chars.isPlainKeyChar(at(q))) {
            q++;
        }
        if (q == keyStart || !closesWith(q, quoteBackslashes)) {
            return false;
        }
        return at(skipJsonSpace(q + quoteBackslashes + 1)) == ':';
    }

    /**
     * Past white space, real or escaped at any level ({@code \n}, {@code \\n}, …: a run of backslashes and {@code n},
     * {@code r} or {@code t}), or a line break as Spring prints it in an exception's message ({@code <EOL>}:
     * {@code LogFormatUtils} replaces the line breaks of a pretty-printed body with it).
     */
    private int skipJsonSpace(int i) {
        int q = i;
        while (true) {
            int c = at(q);
            if (Chars.isSpace(c)) {
                q++;
            } else if (c == '<' && at(q + 1) == 'E' && at(q + 2) == 'O' && at(q + 3) == 'L' && at(q + 4) == '>') {
                q += 5;
            } else if (c == '\\') {
                int r = q + 1;
                while (at(r) == '\\') {
                    r++;
                }
                int letter = at(r);
                if (letter != 'n' && letter != 'r' && letter != 't') {
                    return q;
                }
                q = r + 1;
            } else {
                return q;
            }
        }
    }

    private void open(int kind, boolean object) {
        if (!frames.push(kind, object)) {
            stopped = true; // deeper than MAX_DEPTH: the rest of the text is not read
        }
    }

    /** A closer closes the innermost frame of its kind in the current text (not outside the innermost string); else it is prose. */
    private void close(int kind) {
        int f = frames.innermost(kind);
        if (f != Frames.NONE && f > frames.innermostString()) {
            frames.closeFrom(f);
        }
    }

    /** An SLF4J placeholder {@code {}} starts here, unless escaped as {@code \{}} (SLF4J: {@code \\{}} is one). */
    private void countPlaceholder() {
        if (template && backslashes != 1 && at(pos + 1) == '}') {
            placeholders++;
        }
    }

    // --- keys ---

    private void onKeyStart(char c) {
        CodeScanner scanner = scanner();
        for (int k = 0, keys = scanner.keyCount(); k < keys; k++) {
            if (scanner.keyStartsWith(k, c)) {
                int keyEnd = scanner.keyEndAt(k, text(), pos, end, length);
                if (keyEnd >= 0 && recognize(k, keyEnd)) {
                    return;
                }
            }
        }
    }

    /**
     * Whether key {@code k}, found at {@link #pos} up to {@code keyEnd}, is a key here: quoted ({@code "code"},
     * at any escaping level), single-quoted ({@code 'code'}) or bare, then a separator; a code key then needs
     * a value. Reports or defers the code, or marks the message key.
     */
    private boolean recognize(int k, int keyEnd) {
        int owner;
        int q;
        int keyForm;
        int s = frames.innermostString();
        int afterQuote = s == Frames.NONE || frames.contentStart(s) != pos ? -1 : afterClosingQuote(keyEnd, frames.quoteLevel(s));
        if (afterQuote >= 0) {
            owner = frames.ownerBelow(s); // the whole string is the key: a key of the text around the string
            q = afterQuote;
            keyForm = afterQuote - keyEnd - 1; // the backslashes of its quotes
        } else if (previous == '\'' && at(keyEnd) == '\'') {
            owner = frames.owner();
            q = keyEnd + 1;
            keyForm = SINGLE_QUOTED;
        } else if (Chars.isParameterStart(previous)) {
            return false; // ?code=, &code=: a URL query or form parameter, e.g. an SMS code the user typed
        } else {
            owner = frames.owner();
            q = keyEnd;
            keyForm = BARE;
        }
        q = afterSeparator(q);
        if (q < 0) {
            return false;
        }
        if (scanner().isMessageKey(k)) {
            onMessageKey(owner);
            return true;
        }
        int value = valueAt(q);
        if (value < 0) {
            return false;
        }
        onCode(owner, value, keyForm);
        return true;
    }

    /** After a key of string content ending at {@code i}: the position after the quote that closes that string, or -1. */
    private int afterClosingQuote(int i, int level) {
        int backslashesBefore = (1 << Math.min(level, 30)) - 1; // the closing quote is written with exactly these
        for (int j = 0; j < backslashesBefore; j++) {
            if (at(i + j) != '\\') {
                return -1;
            }
        }
        return at(i + backslashesBefore) == '"' ? i + backslashesBefore + 1 : -1;
    }

    /**
     * Past optional white space, a separator and optional white space; -1 when there is no separator. The
     * separator may be escaped in a JSON string as {@code \}{@code u003d} or {@code \}{@code u003a} (Gson).
     */
    private int afterSeparator(int i) {
        int q = skipSpaces(i);
        if (Chars.isSeparator(at(q))) {
            q++;
        } else {
            q = afterEscapedSeparator(q);
            if (q < 0) {
                return -1;
            }
        }
        return skipSpaces(q);
    }

    /** Past backslashes, {@code u} and four hex digits that stand for a separator at {@code i}; else -1. */
    private int afterEscapedSeparator(int i) {
        int q = i;
        while (at(q) == '\\') {
            q++;
        }
        if (q == i || at(q) != 'u') {
            return -1;
        }
        int c = 0;
        for (int j = 1; j <= 4; j++) {
            int digit = Chars.hexValue(at(q + j));
            if (digit < 0) {
                return -1;
            }
            c = c * 16 + digit;
        }
        return Chars.isSeparator(c) ? q + 5 : -1;
    }

    /**
     * Reports a code found in prose, or in an object known to have a message key, or in an object whose message
     * key comes right after the code's value ({@code "code":5147,"msg":…}, {@code code=5049, msg=…}: only a comma
     * between, so the same object); else the code waits in its object.
     */
    private void onCode(int owner, int value, int keyForm) {
        if (!frames.isObject(owner) || frames.hasMessage(owner)) {
            emit(value); // prose, the top of a string's text, or an object known to be a response
        } else if (messageKeyFollows(valueEnd, keyForm)) {
            frames.markMessage(owner);
            emit(value);
        } else {
            frames.defer(owner, value);
        }
    }

    /**
     * Whether a message key written like the code key ({@code keyForm}: the backslashes of its double quotes,
     * {@link #SINGLE_QUOTED} or {@link #BARE}) and a separator follow {@code i} after a comma: the next key of
     * the same object. A shortcut that decides what the walk would decide at that key, bounded by the key's length.
     */
    private boolean messageKeyFollows(int i, int keyForm) {
        int q = skipSpaces(i);
        if (at(q) != ',') {
            return false;
        }
        q = skipSpaces(q + 1);
        int keyStart = q + (keyForm == BARE ? 0 : keyForm == SINGLE_QUOTED ? 1 : keyForm + 1);
        if (keyForm == SINGLE_QUOTED ? at(q) != '\'' : keyForm != BARE && !closesWith(q, keyForm)) {
            return false;
        }
        CodeScanner scanner = scanner();
        for (int k = scanner.codeKeyCount(), keys = scanner.keyCount(); k < keys; k++) {
            int keyEnd = scanner.keyEndAt(k, text(), keyStart, end, length);
            if (keyEnd < 0) {
                continue;
            }
            int afterKey = keyForm == BARE ? keyEnd
                    : keyForm == SINGLE_QUOTED ? (at(keyEnd) == '\'' ? keyEnd + 1 : -1)
                    : (closesWith(keyEnd, keyForm) ? keyEnd + keyForm + 1 : -1);
            if (afterKey >= 0 && afterSeparator(afterKey) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void onMessageKey(int owner) {
        if (!frames.isObject(owner)) {
            return; // a message key in prose decides nothing
        }
        frames.markMessage(owner);
        int first = frames.firstPendingOf(owner);
        for (int i = first; i < frames.pendingCount() && !stopped; i++) {
            emit(frames.pendingValue(i));
        }
        frames.dropPendingFrom(first);
    }

    private void emit(int value) {
        if (sink().accept(value) && ++counted >= budget) {
            stopped = true;
        }
    }

    // --- values ---

    /**
     * The code value starting at {@code i}, or -1: an integer of one to nine digits without a sign or a leading
     * zero, optionally followed by a fraction of zeros ({@code 5049.0}); in a template, the placeholder
     * {@code {}}, whose argument gives the value. Bare, or in quotes written like its opening quote
     * ({@code "5049"}, {@code \"5049\"}). A bare value ends at the end of the text or at a character that does not
     * join identifiers; a {@code .} ends it unless a digit follows ({@code 5049.} ends a sentence,
     * {@code 5032.5} is a decimal). In a template, a placeholder right after the value stands for what its argument
     * prints ({@link #printedAt}). A value cut by the scan limit is not a value.
     */
    private int valueAt(int i) {
        int q = i;
        int c = at(q);
        int quoteBackslashes = -1; // a bare value
        if (c == '"' || c == '\\') {
            quoteBackslashes = 0;
            while (c == '\\') {
                c = at(q + ++quoteBackslashes);
            }
            if (c != '"') {
                return -1;
            }
            q += quoteBackslashes + 1;
            c = at(q);
        }
        int value;
        if (template && c == '{' && at(q + 1) == '}') {
            value = CodeScanner.codeValue(argumentAt(q));
            q += 2;
        } else {
            if (!Chars.isDigit(c) || (c == '0' && Chars.isDigit(at(q + 1)))) {
                return -1; // no number, a sign, or a leading zero
            }
            value = 0;
            int digitsEnd = q + CodeScanner.MAX_DIGITS;
            do {
                if (q == digitsEnd) {
                    return -1;
                }
                value = value * 10 + (c - '0');
                c = at(++q);
            } while (Chars.isDigit(c));
            q = afterZeroFraction(q, c);
            if (q < 0) {
                return -1;
            }
        }
        boolean ends = quoteBackslashes >= 0 ? closesWith(q, quoteBackslashes) : endsBareValue(q);
        valueEnd = quoteBackslashes >= 0 ? q + quoteBackslashes + 1 : q;
        return ends ? value : -1;
    }

    /** Past {@code .0}, {@code .00}, … at {@code i}, whose character is {@code c} (none: {@code i}); -1 for a fraction with another digit. */
    private int afterZeroFraction(int i, int c) {
        if (c != '.' || !Chars.isDigit(at(i + 1))) {
            return i;
        }
        int q = i + 1;
        while (at(q) == '0') {
            q++;
        }
        return Chars.isDigit(at(q)) ? -1 : q;
    }

    private boolean closesWith(int i, int quoteBackslashes) {
        for (int j = 0; j < quoteBackslashes; j++) {
            if (at(i + j) != '\\') {
                return false;
            }
        }
        return at(i + quoteBackslashes) == '"';
    }

    private boolean endsBareValue(int i) {
        int next = printedAt(i);
        if (next == '.') {
            int after = printedAt(i + 1);
            return after != Chars.TRUNCATED && !Chars.isDigit(after); // 5049. Retrying, but not 5032.5
        }
        return next == Chars.END || (next != Chars.TRUNCATED && !Chars.isIdentifierChar(next));
    }

    /**
     * The character at {@code i} (which follows a value, so no backslash escapes it) as the log line prints it: in
     * a template, a placeholder {@code {}} there prints its argument, so {@code code={}{}} with 5049 and 1 prints
     * {@code code=50491} and {@code code={}.{}} with 5049 and 5 prints {@code code=5049.5}, neither of which ends at
     * 5049. As everywhere in the walk, a {@code {}} cut by the scan limit after its opening brace is no placeholder.
     */
    private int printedAt(int i) {
        int c = at(i);
        return template && c == '{' && at(i + 1) == '}' ? firstPrintedChar(argumentAt(i)) : c;
    }

    /**
     * The first character {@code argument} prints, where that is known without printing it: a text's first
     * character; for a number, {@code -} when negative, else a digit ({@code 0} stands for any), or the letter
     * of {@code NaN} and {@code Infinity}. For anything else (null, no argument, an empty text, another object) a
     * letter, which joins the value before it: such a value is not counted.
     */
    private static int firstPrintedChar(@Nullable Object argument) {
        if (argument instanceof CharSequence) {
            CharSequence printed = (CharSequence) argument;
            return printed.length() > 0 ? printed.charAt(0) : 'x';
        }
        if (argument instanceof Integer || argument instanceof Long || argument instanceof Short || argument instanceof Byte) {
            return ((Number) argument).longValue() < 0 ? '-' : '0';
        }
        if (argument instanceof Double || argument instanceof Float) {
            double v = ((Number) argument).doubleValue();
            if (Double.isNaN(v)) {
                return 'N';
            }
            if (Math.copySign(1.0, v) < 0) {
                return '-'; // -0.0 and -Infinity too
            }
            return Double.isInfinite(v) ? 'I' : '0';
        }
        if (argument instanceof BigInteger) {
            return ((BigInteger) argument).signum() < 0 ? '-' : '0';
        }
        if (argument instanceof BigDecimal) {
            return ((BigDecimal) argument).signum() < 0 ? '-' : '0';
        }
        return 'x';
    }

    /** The argument of the placeholder at {@code brace}, or null when there is none: SLF4J counts the placeholders before it. */
    private @Nullable Object argumentAt(int brace) {
        int index = placeholders + countPlaceholders(pos, brace);
        Object[] arguments = args;
        return arguments != null && index < arguments.length ? arguments[index] : null;
    }

    /** How many unescaped {@code {}} start in [{@code from}, {@code to}). */
    private int countPlaceholders(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (at(i) == '{' && at(i + 1) == '}') {
                boolean escaped = i >= 1 && at(i - 1) == '\\' && !(i >= 2 && at(i - 2) == '\\');
                if (!escaped) {
                    count++;
                }
            }
        }
        return count;
    }

    private int skipSpaces(int i) {
        int q = i;
        while (Chars.isSpace(at(q))) {
            q++;
        }
        return q;
    }

    private int at(int i) {
        return Chars.at(text(), i, end, length);
    }

    private CodeScanner scanner() {
        return scanner;
    }

    private CharSequence text() {
        return text;
    }

    private CodeSink sink() {
        return sink;
    }
}
