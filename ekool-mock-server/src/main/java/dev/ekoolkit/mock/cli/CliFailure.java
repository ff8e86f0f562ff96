package dev.ekoolkit.mock.cli;

/**
 * An expected way for a command to fail (bad configuration, port in use, unset environment variable):
 * its message goes to standard error as it is, without a stack trace, and the process exits with
 * {@link #exitStatus()}.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    CliFailure(int exitStatus, String message) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    CliFailure(int exitStatus, String message, Throwable cause) {
        super(message, cause, false, false);
        this.exitStatus = exitStatus;
    }

    int exitStatus() {
        return exitStatus;
    }
}
