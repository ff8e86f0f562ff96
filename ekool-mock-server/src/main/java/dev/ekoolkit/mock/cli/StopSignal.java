package dev.ekoolkit.mock.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A one-shot "please stop" for a running {@code serve}: the process's SIGINT/SIGTERM in production, a
 * call from the test in tests.
 */
final class StopSignal {

    /** What a second Ctrl-C exits with while the first is still stopping the server: 128 + SIGINT. */
    static final int IMPATIENT_EXIT = 130;

    private final CountDownLatch released = new CountDownLatch(1);
    private final boolean processSignals;
    private final Map<sun.misc.Signal, sun.misc.SignalHandler> previous = new LinkedHashMap<>();

    private StopSignal(boolean processSignals) {
        this.processSignals = processSignals;
    }

    /** A signal that only {@link #release()} fires. */
    static StopSignal manual() {
        return new StopSignal(false);
    }

    /** A signal that, while {@link #arm() armed}, Ctrl-C (SIGINT) and SIGTERM fire. */
    static StopSignal onProcessSignals() {
        return new StopSignal(true);
    }

    /**
     * Starts listening for the process signals, if this signal is bound to them. Only {@code serve} arms
     * it, and {@link #disarm()} gives the signals back, so Ctrl-C keeps its default meaning everywhere
     * else. Handling the signals ourselves, instead of letting the JVM run its shutdown sequence, is what
     * gives a clean stop the exit status 0 rather than 130/143; where the JVM does not allow it, the JVM's
     * default (and serve's shutdown hook) remain. A second signal while stopping ends the process at once.
     */
    synchronized void arm() {
        if (!processSignals || !previous.isEmpty()) {
            return;
        }
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                previous.put(signal, sun.misc.Signal.handle(signal, s -> onSignal()));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // This platform or JVM does not let us handle the signal: the default applies.
            }
        }
    }

    /** Gives the process signals back to the handlers they had before {@link #arm()}. */
    synchronized void disarm() {
        previous.forEach((signal, handler) -> {
            try {
                sun.misc.Signal.handle(signal, handler);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Cannot happen for a signal we could handle; nothing better to do than keep ours.
            }
        });
        previous.clear();
    }

    private void onSignal() {
        if (isReleased()) {
            Runtime.getRuntime().halt(IMPATIENT_EXIT);
        }
        release();
    }

    /** Asks the server to stop; later calls do nothing. */
    void release() {
        released.countDown();
    }

    /** {@code true} once {@link #release()} has been called. */
    boolean isReleased() {
        return released.getCount() == 0;
    }

    /** Blocks until {@link #release()} has been called. */
    void await() throws InterruptedException {
        released.await();
    }
}
