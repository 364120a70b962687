package dev.dcerrors.logback;

import dev.dcerrors.core.RecognizerOptions;

/**
 * The logback.xml elements of recognition, declared once for {@link DevCenterErrorTurboFilter} and
 * {@link DevCenterErrorAppender}: each a thin setter over {@link RecognizerOptions}, which names, defaults and validates
 * them. Joran finds these default methods as it finds a component's own setters, repeatable {@code <extraKey>} and
 * {@code <messageKey>} included.
 */
public interface RecognizerOptionsElements {

    /** The options the elements below fill in; the component builds its recognizer from them when it starts. */
    RecognizerOptions recognizerOptions();

    /** {@code <maxScanChars>}: see {@link RecognizerOptions.Option#MAX_SCAN_CHARS}. */
    default void setMaxScanChars(int maxScanChars) {
        recognizerOptions().setMaxScanChars(maxScanChars);
    }

    /** {@code <maxCodesPerEvent>}: see {@link RecognizerOptions.Option#MAX_CODES_PER_EVENT}. */
    default void setMaxCodesPerEvent(int maxCodesPerEvent) {
        recognizerOptions().setMaxCodesPerEvent(maxCodesPerEvent);
    }

    /** {@code <errorCodeRange>}: see {@link RecognizerOptions.Option#ERROR_CODE_RANGE}. */
    default void setErrorCodeRange(String errorCodeRange) {
        recognizerOptions().setErrorCodeRange(errorCodeRange);
    }

    /** {@code <extraKey>}, repeatable: see {@link RecognizerOptions.Option#EXTRA_KEY}. */
    default void addExtraKey(String extraKey) {
        recognizerOptions().addExtraKey(extraKey);
    }

    /** {@code <messageKey>}, repeatable: see {@link RecognizerOptions.Option#MESSAGE_KEY}. */
    default void addMessageKey(String messageKey) {
        recognizerOptions().addMessageKey(messageKey);
    }

    /** {@code <ignoreKeyCase>}: see {@link RecognizerOptions.Option#IGNORE_KEY_CASE}. */
    default void setIgnoreKeyCase(boolean ignoreKeyCase) {
        recognizerOptions().setIgnoreKeyCase(ignoreKeyCase);
    }

    /** {@code <scanArguments>}: see {@link RecognizerOptions.Option#SCAN_ARGUMENTS}. */
    default void setScanArguments(String scanArguments) {
        recognizerOptions().setScanArguments(scanArguments);
    }

    /** {@code <scanThrowables>}: see {@link RecognizerOptions.Option#SCAN_THROWABLES}. */
    default void setScanThrowables(boolean scanThrowables) {
        recognizerOptions().setScanThrowables(scanThrowables);
    }

    /** {@code <catalog>}: see {@link RecognizerOptions.Option#CATALOG}. */
    default void setCatalog(String catalog) {
        recognizerOptions().setCatalog(catalog);
    }

    /** {@code <counts>}: see {@link RecognizerOptions.Option#COUNTS}; looked up in the logger context ({@link LogbackCounts}). */
    default void setCounts(String counts) {
        recognizerOptions().setCounts(counts);
    }

    /** {@code <maxUnknownCodes>}: see {@link RecognizerOptions.Option#MAX_UNKNOWN_CODES}. */
    default void setMaxUnknownCodes(int maxUnknownCodes) {
        recognizerOptions().setMaxUnknownCodes(maxUnknownCodes);
    }
}
