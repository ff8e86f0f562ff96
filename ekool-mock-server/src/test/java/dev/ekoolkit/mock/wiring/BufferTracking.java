package dev.ekoolkit.mock.wiring;

import org.eclipse.jetty.io.ArrayByteBufferPool;

/**
 * Runs servers on Jetty's tracking buffer pool ({@link ArrayByteBufferPool.Tracking}), which records every buffer
 * acquired and not released and every buffer released more often than it was acquired and retained, with the
 * stacks that did it. For tests only (issue 13: request bytes seen inside a response stream).
 */
public final class BufferTracking {

    private BufferTracking() {
    }

    /**
     * Makes the servers started from now on until {@link #stop()} use a fresh tracking pool.
     *
     * @return the pool, to read its records once the servers are closed
     */
    public static ArrayByteBufferPool.Tracking start() {
        ArrayByteBufferPool.Tracking pool = new ArrayByteBufferPool.Tracking();
        Routes.bufferPoolForTests = pool;
        return pool;
    }

    /** Servers started from now on use Jetty's own pool again. */
    public static void stop() {
        Routes.bufferPoolForTests = null;
    }
}
