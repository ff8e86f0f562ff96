package dev.ekoolkit.mock.security;

import dev.ekoolkit.mock.wiring.BufferTracking;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test of {@link GeneratedBadInputTest}, the same seeded cases, against a server whose connector takes its
 * buffers from Jetty's tracking pool; afterwards no buffer may have been released twice (a buffer back in the pool
 * while a connection still reads or writes it could put one request's bytes into another connection's stream, the
 * issue 13 hypothesis) and, once the server is closed, none may still be held. Jetty 12.1.12 to 12.1.14 itself
 * sometimes releases a request buffer twice after a 431, when two {@code onFillable} race
 * ({@code RequestBufferRaceTest}, docs/security.md), so this runs only when asked for, with
 * {@code -Dekool.track.buffers=true}.
 */
@EnabledIfSystemProperty(named = "ekool.track.buffers", matches = "true",
        disabledReason = "runs on Jetty's tracking buffer pool only with -Dekool.track.buffers=true (docs/security.md)")
class TrackedBuffersGeneratedBadInputTest extends GeneratedBadInputTest {

    private static ArrayByteBufferPool.Tracking pool;

    /** Hides {@link GeneratedBadInputTest#start()}: the same server, on the tracking pool. */
    @BeforeAll
    static void start() {
        pool = BufferTracking.start();
        try {
            GeneratedBadInputTest.start();
        } finally {
            BufferTracking.stop();
        }
    }

    /** Hides {@link GeneratedBadInputTest#stop()}: closes the server, then reads the pool's records. */
    @AfterAll
    static void stop() {
        long pooled = pool.getDirectByteBufferCount() + pool.getHeapByteBufferCount();
        GeneratedBadInputTest.stop();
        List<String> overReleased = pool.getLeaks().stream().map(ArrayByteBufferPool.Tracking.TrackedBuffer::dump)
                .filter(d -> d.contains("Over-released by")).toList(); // the stack Jetty records per extra release
        Fuzzing.note("[security] buffer-tracking pooled=" + pooled + " leaks=" + pool.getLeaks().size()
                + " over-released=" + overReleased.size());
        assertThat(pooled).as("buffers the server returned to the tracking pool (none: the pool was not used)").isPositive();
        assertThat(overReleased).as("buffers released more often than acquired and retained").isEmpty();
        assertThat(pool.getLeaks()).as("buffers still held after the server closed: %s", pool.dumpLeaks()).isEmpty();
    }

    @Test
    void the_tracking_pool_reports_a_buffer_released_twice() {
        ArrayByteBufferPool.Tracking own = new ArrayByteBufferPool.Tracking();
        var buffer = own.acquire(1024, false);
        buffer.release();
        try {
            buffer.release();
        } catch (IllegalStateException expected) {
            // Jetty throws on the extra release, and records it
        }
        assertThat(own.getLeaks()).singleElement().extracting(ArrayByteBufferPool.Tracking.TrackedBuffer::dump)
                .asString().contains("Over-released by");
    }
}
