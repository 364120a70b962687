package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.event.KeyValuePair;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A million generated log calls, hostile inputs included, go through a context with the filter and one
 * without: no exception escapes, and the appenders receive exactly the same events.
 */
class NeverBreaksLoggingTest {

    private static final long SEED = 20261129L;
    private static final String TEN_MEGABYTES = "{\"code\":5147,\"data\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

    /** Folds every received event into a digest: level, formatted message, key-value pairs, throwable. */
    static final class DigestAppender extends AppenderBase<ILoggingEvent> {
        long events;
        long digest = 17;

        @Override
        protected void append(ILoggingEvent event) {
            events++;
            long h = event.getLevel().levelInt;
            h = 31 * h + String.valueOf(event.getFormattedMessage()).hashCode();
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair pair : event.getKeyValuePairs()) {
                    h = 31 * h + String.valueOf(pair.key).hashCode() + 7 * safeToString(pair.value).hashCode();
                }
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                h = 31 * h + t.getClassName().hashCode() + 7 * String.valueOf(t.getMessage()).hashCode();
            }
            digest = 1_000_003 * digest + h;
        }
    }

    /** Like an appender's own formatting: a value whose toString() fails is shown as such. */
    static String safeToString(Object value) {
        try {
            String text = String.valueOf(value);
            return text == null ? "null" : text; // a toString() that returns null
        } catch (RuntimeException e) {
            return "[FAILED toString()]";
        }
    }

    private static final class Throwing {
        @Override
        public String toString() {
            throw new IllegalStateException("toString failed");
        }
    }

    private static final class ReturnsNull {
        @Override
        public String toString() {
            return null;
        }
    }

    private static final class Blocking {
        @Override
        public String toString() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{\"code\":5148,\"msg\":\"blocked\"}";
        }
    }

    private static final String GRAMMAR_CHARS = "code\":= {}5147\\'?&";

    private static String randomUnicode(SplittableRandom random, int maxLength) {
        int length = random.nextInt(maxLength);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                sb.append((char) (0xD800 + random.nextInt(0x800))); // unpaired surrogate
            } else if (kind == 1) {
                sb.append((char) random.nextInt(0x20)); // control character
            } else if (kind < 5) {
                sb.append(GRAMMAR_CHARS.charAt(random.nextInt(GRAMMAR_CHARS.length())));
            } else {
                sb.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
        }
        return sb.toString();
    }

    private static String truncatedJson(SplittableRandom random) {
        String json = "{\"code\":" + (4000 + random.nextInt(2000)) + ",\"msg\":\"m\",\"data\":{\"list\":[1,2,3]},\"extMsg\":null}";
        return json.substring(0, random.nextInt(json.length() + 1));
    }

    private static String nestedJson(SplittableRandom random) {
        int depth = 1 + random.nextInt(200);
        return "{\"a\":".repeat(depth) + "{\"code\":5032,\"msg\":\"x\"}" + "}".repeat(random.nextInt(depth + 1));
    }

    private static Object argument(SplittableRandom random, boolean hostileObjects) {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return randomUnicode(random, 120);
        } else if (kind < 50) {
            return truncatedJson(random);
        } else if (kind < 60) {
            return nestedJson(random);
        } else if (kind < 65) {
            return null;
        } else if (kind < 70) {
            return random.nextInt();
        } else if (kind < 80 && hostileObjects && random.nextInt(2000) == 0) {
            // Rare: SLF4J's own formatter prints a stack trace for each toString() that throws.
            return random.nextBoolean() ? new Throwing() : new ReturnsNull();
        } else if (kind < 81 && hostileObjects && random.nextInt(2000) == 0) {
            return new Blocking();
        } else {
            return new StringBuilder(truncatedJson(random));
        }
    }

    /** Makes {@code calls} log calls of every shape with generated arguments; returns the calls that threw. */
    static int drive(Logger log, int calls, boolean hostileObjects, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int escaped = 0;
        for (int i = 0; i < calls; i++) {
            try {
                switch (random.nextInt(9)) {
                    case 0 -> log.info(randomUnicode(random, 200));
                    case 1 -> log.info("response {}", argument(random, hostileObjects));
                    case 2 -> log.warn("user {} response {}", argument(random, hostileObjects), argument(random, hostileObjects));
                    case 3 -> log.info("{} {} {}", argument(random, hostileObjects), argument(random, hostileObjects), argument(random, hostileObjects));
                    case 4 -> log.atInfo().addKeyValue("code", argument(random, hostileObjects)).log(truncatedJson(random));
                    case 5 -> log.error("failed " + nestedJson(random), new IllegalStateException(randomUnicode(random, 60)));
                    case 6 -> log.debug("dropped {}", argument(random, hostileObjects));
                    case 7 -> log.info((String) null);
                    default -> log.atWarn().setMessage("code={}").addArgument(argument(random, hostileObjects)).addKeyValue("userId", (Object) null).log();
                }
                if (i % 333_333 == 0) {
                    log.info("huge {}", TEN_MEGABYTES);
                }
            } catch (RuntimeException | Error e) {
                escaped++;
            }
        }
        return escaped;
    }

    private static LoggingSetup run(String xml, int calls, boolean hostile, List<LoggingSetup> setups) {
        LoggingSetup setup = LoggingSetup.fromXml(xml);
        setups.add(setup);
        DigestAppender digest = new DigestAppender();
        digest.setContext(setup.context);
        digest.setName("DIGEST");
        digest.start();
        setup.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(digest);
        assertThat(drive(setup.logger("fuzz"), calls, hostile, SEED)).as("log calls that threw").isZero();
        return setup;
    }

    private static DigestAppender digest(LoggingSetup setup) {
        return (DigestAppender) setup.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("DIGEST");
    }

    private static String config(String filterOptions) {
        return "<configuration>"
                + (filterOptions == null ? "" : "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts>" + filterOptions + "</turboFilter>")
                + "<root level=\"INFO\"/></configuration>";
    }

    @Test
    @Tag("slow")
    void aMillionGeneratedCallsReachTheAppendersExactlyAsWithoutTheFilter() {
        List<LoggingSetup> setups = new ArrayList<>();
        try {
            LoggingSetup with = run(config(""), 1_000_000, true, setups);
            LoggingSetup without = run(config(null), 1_000_000, true, setups);
            assertThat(digest(with).events).isEqualTo(digest(without).events).isGreaterThan(500_000);
            assertThat(digest(with).digest).isEqualTo(digest(without).digest);
            assertThat(with.counts.errorCount() + with.counts.successCount()).as("the filter did count").isGreaterThan(10_000);
            assertThat(with.errors()).isEmpty();
        } finally {
            setups.forEach(LoggingSetup::stop);
        }
    }

    @Test
    @Tag("slow")
    void withEveryScanOptionOnTheAppendersStillReceiveTheSameEvents() {
        List<LoggingSetup> setups = new ArrayList<>();
        try {
            String options = "<scanArguments>all</scanArguments><scanThrowables>true</scanThrowables><includeDisabledLevels>true</includeDisabledLevels>"
                    + "<extraKey>errorCode</extraKey><ignoreKeyCase>true</ignoreKeyCase><maxScanChars>4096</maxScanChars>";
            LoggingSetup with = run(config(options), 200_000, true, setups);
            LoggingSetup without = run(config(null), 200_000, true, setups);
            assertThat(digest(with).events).isEqualTo(digest(without).events);
            assertThat(digest(with).digest).isEqualTo(digest(without).digest);
            // toString() failures were skipped and reported once, not per event.
            assertThat(with.statusMessages(ch.qos.logback.core.status.Status.WARN)).filteredOn(m -> m.contains("toString() threw")).hasSize(1);
        } finally {
            setups.forEach(LoggingSetup::stop);
        }
    }

    @Test
    void anArgumentThatLogsFromItsToStringNeitherThrowsNorRecursesWithoutEnd() {
        LoggingSetup setup = LoggingSetup.fromXml(config("<scanArguments>all</scanArguments>"));
        try {
            Logger log = setup.logger("recursive");
            Object recursive = new Object() {
                private int depth;

                @Override
                public String toString() {
                    if (depth++ < 3) {
                        log.info("nested {}", this);
                    }
                    return "{\"code\":5148,\"msg\":\"blocked\"}";
                }
            };
            assertThatCode(() -> log.info("outer {}", recursive)).doesNotThrowAnyException();
            assertThat(setup.counts.count(5148)).isPositive();
        } finally {
            setup.stop();
        }
    }

    /** Kotlin's {@code TODO()} throws one of these: an {@code Error}, not an exception. */
    static final class NotImplementedError extends Error {
        NotImplementedError(String message) {
            super(message);
        }
    }

    /** A response DTO whose code getter fails with an {@code Error}, as a failed assertion or Kotlin's TODO() do. */
    public static final class FailingDto {
        private final Error failure;

        FailingDto(Error failure) {
            this.failure = failure;
        }

        public int getCode() {
            throw failure;
        }

        public String getMsg() {
            return "x";
        }

        @Override
        public String toString() {
            throw failure;
        }
    }

    @Test
    void anErrorThrownByAnAccessorOrToStringStaysInsideTheFilter() {
        for (String mode : List.of("envelopes", "all")) {
            LoggingSetup setup = LoggingSetup.fromXml(config("<scanArguments>" + mode + "</scanArguments>"));
            try {
                Logger log = setup.logger("failing");
                FailingDto assertion = new FailingDto(new AssertionError("not loaded"));
                FailingDto todo = new FailingDto(new NotImplementedError("An operation is not implemented."));
                assertThatCode(() -> log.info("response {} then {}", assertion, "{\"code\":5147,\"msg\":\"locked\"}"))
                        .as(mode).doesNotThrowAnyException();
                assertThatCode(() -> log.warn("response {}", todo)).as(mode).doesNotThrowAnyException();
                assertThat(setup.counts.count(5147)).as("the other argument of the call still counts").isEqualTo(1);
                assertThat(setup.statusMessages(ch.qos.logback.core.status.Status.WARN)).as(mode)
                        .filteredOn(m -> m.contains("FailingDto") || m.contains("toString() threw")).hasSize(1);
            } finally {
                setup.stop();
            }
        }
    }
}
