package dev.dcerrors.cli;

/** A command line that cannot be run: the message says why; the exit status is 2, with the usage. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
