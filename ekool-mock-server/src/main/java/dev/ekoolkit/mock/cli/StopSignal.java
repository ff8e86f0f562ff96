package dev.ekoolkit.mock.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-shot "please stop" for a running {@code serve}: the process's SIGINT/SIGTERM in production, a
 * call from the test in tests.
 */
final class StopSignal {

    private final CountDownLatch released = new CountDownLatch(1);
    private final boolean processSignals;

    private StopSignal(boolean processSignals) {
        this.processSignals = processSignals;
    }

    /** A signal that only {@link #release()} fires. */
    static StopSignal manual() {
        return new StopSignal(false);
    }

    /** A signal that, once {@link #arm() armed}, Ctrl-C (SIGINT) and SIGTERM fire. */
    static StopSignal onProcessSignals() {
        return new StopSignal(true);
    }

    /**
     * Starts listening for the process signals, if this signal is bound to them. Only {@code serve} arms
     * it, so Ctrl-C keeps its default meaning in every other command. Handling the signals ourselves,
     * instead of letting the JVM run its shutdown sequence, is what gives a clean stop the exit status 0
     * rather than 130/143; where the JVM does not allow it, the JVM's default (and serve's shutdown hook)
     * remain.
     */
    void arm() {
        if (!processSignals) {
            return;
        }
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> release());
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // This platform or JVM does not let us handle the signal: the default applies.
            }
        }
    }

    /** Asks the server to stop; later calls do nothing. */
    void release() {
        released.countDown();
    }

    /** Blocks until {@link #release()} has been called. */
    void await() throws InterruptedException {
        released.await();
    }

    /** Blocks at most {@code millis}; {@code true} when released. */
    boolean await(long millis) throws InterruptedException {
        return released.await(millis, TimeUnit.MILLISECONDS);
    }
}
