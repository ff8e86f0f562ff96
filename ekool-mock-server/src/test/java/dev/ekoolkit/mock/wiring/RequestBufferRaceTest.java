package dev.ekoolkit.mock.wiring;

import io.javalin.Javalin;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13's desync, reproduced deterministically on Jetty's own {@link HttpConnection}: the race is forced with
 * latches at calls Jetty makes into the connection's {@link ByteArrayEndPoint}, not hoped for.
 *
 * <p>The Jetty code path (12.1.12; {@code HttpConnection} compiles to the same bytecode in 12.1.13 and 12.1.14):
 * a request head over the header limit makes {@code HttpParser} call {@code badMessage} inside
 * {@code HttpConnection.onFillable}, which hands the error handling (the 431 answer) to another thread. On that
 * path {@code onFillable} never set its {@code _handling} flag, so when the answer is written,
 * {@code HttpStreamOverHTTP1.succeeded()} takes its "non-current completion" branch and calls {@code resume()},
 * which dispatches {@code HttpConnection.run()}, a second {@code onFillable} on a pool thread, while the first one
 * is still running and still holds the request buffer. Both then work on the same {@code _requestBuffer}: the
 * first releases it ({@code _requestHandler._failure != null}), the second fills it. If both reach
 * {@code releaseRequestBuffer()} together, both release it (the double release the tracking pool recorded once);
 * if the first releases while the second fills, the second reads the client's next bytes into a buffer that is
 * back in the pool. That interleaving is the one forced here.
 *
 * <p>The double release itself cannot be forced: {@code releaseRequestBuffer()} reads {@code _requestBuffer} and
 * sets it to {@code null} with no call in between, so no hook can hold a thread between the two; only a real
 * race puts both threads there. What a pooled buffer released twice does is shown on the pool directly.
 *
 * <p>The first five tests pin Jetty's behaviour, not the project's: they are meant to go red when Jetty changes this
 * path (for instance fixes it), which is the moment to revisit the connector's {@code NON_POOLING} choice. The last
 * one pins that choice on the mock's own connector.
 */
class RequestBufferRaceTest {

    /** The request buffers' size. */
    private static final int INPUT_BUFFER = 16 * 1024;

    /** A head over the header limit: refused with 431, and the connection is closed after the answer. */
    private static final String OVERSIZED = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
            + "h".repeat(2_000) + "\r\n\r\n";

    /** What the same client sends next on its connection, after the oversized head. */
    private static final String NEXT_ON_FIRST = "GET /smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /** The only request the second connection's client sends. */
    private static final String ON_SECOND = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    private Server server;

    /**
     * The first failure inside a hook that Jetty calls: Jetty's {@code onFillable} catches what its callbacks throw
     * (it logs it and closes the end point), so a hook's failure is kept here and reported by {@link #race}.
     */
    private final AtomicReference<Throwable> hookFailure = new AtomicReference<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null)
            server.stop();
    }

    @Test
    void after_a_431_jetty_runs_a_second_on_fillable_that_fills_the_buffer_the_first_released() throws Exception {
        Race race = race(new ArrayByteBufferPool());

        assertThat(race.secondFillerStack()).as("the thread that filled after the 431: Jetty's resume() dispatch")
                .anySatisfy(f -> assertThat(f).isEqualTo(HttpConnection.class.getName() + ".run"));
        assertThat(race.firstAnswer()).as("what the first connection's client read").startsWith("HTTP/1.1 431 ");
        assertThat(race.releasedBeforeTheSecondFill()).as("the request buffer was released before the second"
                + " onFillable filled it").isTrue();
    }

    @Test
    void on_a_pooling_pool_the_next_connection_answers_a_request_its_client_never_sent() throws Exception {
        Race race = race(new ArrayByteBufferPool());

        assertThat(race.secondConnectionBuffer()).as("the second connection's request buffer is the one the first"
                + " connection's late onFillable filled").isSameAs(race.lateFillBuffer());
        assertThat(race.handledOnSecond()).as("requests the second connection handled; its client sent one")
                .containsExactly("/health", "/smuggled");
        assertThat(statuses(race.secondAnswers())).as("answers the second connection's client read for its one"
                + " request (the desync: an answer nobody asked for)").containsExactly(200, 200);
    }

    @Test
    void on_the_mocks_non_pooling_heap_buffers_the_same_interleaving_reaches_no_other_connection() throws Exception {
        Race race = race(ByteBufferPool.NON_POOLING);

        assertThat(race.releasedBeforeTheSecondFill()).as("the same race: released, then filled").isTrue();
        assertThat(race.secondConnectionBuffer()).isNotSameAs(race.lateFillBuffer());
        assertThat(race.handledOnSecond()).containsExactly("/health");
        assertThat(statuses(race.secondAnswers())).containsExactly(200);
    }

    @Test
    void a_pooled_buffer_released_twice_is_lent_to_two_users_at_once() {
        ArrayByteBufferPool pool = new ArrayByteBufferPool();
        pool.acquire(INPUT_BUFFER, false).release(); // a warm pool, as on a server that has served requests

        RetainableByteBuffer first = pool.acquire(INPUT_BUFFER, false);
        first.release();                                                  // the first onFillable's release
        RetainableByteBuffer second = pool.acquire(INPUT_BUFFER, false); // another connection takes it
        first.release();                                                  // the late second release
        RetainableByteBuffer third = pool.acquire(INPUT_BUFFER, false);  // and a third connection too

        assertThat(third.getByteBuffer()).as("two users now hold one buffer").isSameAs(second.getByteBuffer());
    }

    @Test
    void a_non_pooling_buffer_released_twice_is_refused_and_lent_to_nobody() {
        ByteBufferPool pool = ByteBufferPool.NON_POOLING;

        RetainableByteBuffer first = pool.acquire(INPUT_BUFFER, false);
        first.release();
        RetainableByteBuffer second = pool.acquire(INPUT_BUFFER, false);

        assertThatThrownBy(first::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
        assertThat(second.getByteBuffer()).isNotSameAs(first.getByteBuffer());
        assertThat(pool.acquire(INPUT_BUFFER, false).getByteBuffer()).isNotSameAs(second.getByteBuffer());
    }

    @Test
    void the_mocks_connector_lends_no_buffer_twice_it_does_not_pool_and_uses_heap_buffers() {
        AtomicReference<Server> captured = new AtomicReference<>();
        Javalin app = Javalin.create(c -> {
            Routes.serverSettings(c, "127.0.0.1", 0, Duration.ofSeconds(5));
            c.jetty.modifyServer(captured::set);
        }).start();
        try {
            Connector connector = captured.get().getConnectors()[0];
            HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
            assertThat(connector.getByteBufferPool()).isSameAs(ByteBufferPool.NON_POOLING);
            assertThat(http.isUseInputDirectByteBuffers()).as("direct input buffers").isFalse();
            assertThat(http.isUseOutputDirectByteBuffers()).as("direct output buffers").isFalse();
        } finally {
            app.stop();
        }
    }

    private static List<Integer> statuses(String answers) {
        Matcher m = STATUS_LINE.matcher(answers);
        List<Integer> out = new ArrayList<>();
        while (m.find())
            out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    /** What one forced run of the race left behind. */
    private record Race(List<String> secondFillerStack, String firstAnswer, boolean releasedBeforeTheSecondFill,
                        ByteBuffer lateFillBuffer, ByteBuffer secondConnectionBuffer, List<String> handledOnSecond,
                        String secondAnswers) {
    }

    /**
     * Runs the race on a server whose connector takes its buffers from {@code pool}: connection one gets the
     * oversized head on this thread; its second onFillable (on a pool thread) is held inside {@code fill} until
     * the first one has finished; then connection two, on this thread, reads its one request, and while it is
     * inside its own {@code fill} the late onFillable of connection one reads the next bytes of its client.
     */
    private Race race(ByteBufferPool pool) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(1024);
        // Request buffers of a size no response buffer has (the mock's are 8 KiB, like its response header and
        // aggregation buffers), so that the one buffer of that size in the pool when the second connection asks for
        // its request buffer is the one the first connection released.
        config.setInputBufferSize(INPUT_BUFFER);
        config.setUseInputDirectByteBuffers(false);
        config.setUseOutputDirectByteBuffers(false);
        LocalConnector connector = new LocalConnector(server, null, null, pool, -1, new HttpConnectionFactory(config));
        server.addConnector(connector);
        List<String> handledOnSecond = new CopyOnWriteArrayList<>();
        AtomicReference<Connection> second = new AtomicReference<>();
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (request.getConnectionMetaData().getConnection() == second.get())
                    handledOnSecond.add(request.getHttpURI().getPath());
                response.setStatus(HttpStatus.OK_200);
                response.write(true, BufferUtil.toBuffer("ok"), callback);
                return true;
            }
        });
        server.start();

        Thread test = Thread.currentThread();
        CountDownLatch lateFillerInFill = new CountDownLatch(1);
        CountDownLatch lateFillerMayFill = new CountDownLatch(1);
        CountDownLatch lateFillerFilled = new CountDownLatch(1);
        AtomicReference<List<String>> lateStack = new AtomicReference<>(List.of());
        AtomicReference<ByteBuffer> lateBuffer = new AtomicReference<>();
        AtomicReference<Boolean> releasedFirst = new AtomicReference<>();
        AtomicReference<HttpConnection> one = new AtomicReference<>();
        AtomicBoolean holdFirst = new AtomicBoolean(false);

        ByteArrayEndPoint firstEnd = new ByteArrayEndPoint(new byte[0], 1024, true) {
            @Override
            public int fill(ByteBuffer buffer) throws IOException {
                if (Thread.currentThread() == test)
                    return super.fill(buffer);
                // the late onFillable: say it is here, with the buffer it took from the connection, and wait
                lateStack.set(StackWalker.getInstance()
                        .walk(s -> s.map(f -> f.getClassName() + "." + f.getMethodName()).toList()));
                lateBuffer.set(buffer);
                lateFillerInFill.countDown();
                await(lateFillerMayFill, "the second connection to be reading");
                releasedFirst.set(requestBufferIsNull(one.get()));
                try {
                    return super.fill(buffer);
                } finally {
                    lateFillerFilled.countDown();
                }
            }

            @Override
            public Connection getConnection() {
                // The first onFillable asks this right after parsing, before it releases the request buffer: hold
                // it there until the late onFillable is filling. (The 431 is written meanwhile on another thread.)
                if (Thread.currentThread() == test && holdFirst.compareAndSet(true, false)) {
                    String caller = StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getMethodName();
                    if (!caller.equals("onFillable"))
                        fail(new AssertionError("the first onFillable no longer asks for its connection after parsing"
                                + " (asked from " + caller + ")"));
                    await(lateFillerInFill, "Jetty's second onFillable after the 431");
                }
                return super.getConnection();
            }
        };
        HttpConnectionFactory factory = connector.getConnectionFactory(HttpConnectionFactory.class);
        HttpConnection firstConnection = (HttpConnection) factory.newConnection(connector, firstEnd);
        firstEnd.setConnection(firstConnection);
        one.set(firstConnection);

        firstEnd.addInput(OVERSIZED);
        holdFirst.set(true);
        firstConnection.onFillable(); // the first onFillable, on this thread: 431, then the request buffer is released
        firstEnd.addInput(NEXT_ON_FIRST); // the client's next bytes, for the late onFillable to read

        AtomicReference<ByteBuffer> secondBuffer = new AtomicReference<>();
        ByteArrayEndPoint secondEnd = new ByteArrayEndPoint(new byte[0], 1024, true) {
            @Override
            public int fill(ByteBuffer buffer) throws IOException {
                int filled = super.fill(buffer);
                if (secondBuffer.compareAndSet(null, buffer)) {
                    lateFillerMayFill.countDown();
                    await(lateFillerFilled, "the late onFillable of connection one to read");
                }
                return filled;
            }
        };
        HttpConnection secondConnection = (HttpConnection) factory.newConnection(connector, secondEnd);
        secondEnd.setConnection(secondConnection);
        second.set(secondConnection);
        secondEnd.addInput(ON_SECOND);
        secondConnection.onFillable();

        Throwable failure = hookFailure.get();
        if (failure != null)
            throw new AssertionError("the forced interleaving did not happen, so Jetty may have changed this path (if it no"
                    + " longer runs a second onFillable after a 431, the connector's NON_POOLING in Routes.serverSettings"
                    + " can be reconsidered): " + failure.getMessage(), failure);
        return new Race(lateStack.get(), firstEnd.getOutputString(), Boolean.TRUE.equals(releasedFirst.get()),
                lateBuffer.get(), secondBuffer.get(), List.copyOf(handledOnSecond), secondEnd.getOutputString());
    }

    /** Whether the connection has let go of its request buffer (Jetty's field is private; read for assertions only). */
    private static boolean requestBufferIsNull(HttpConnection connection) {
        try {
            var field = HttpConnection.class.getDeclaredField("_requestBuffer");
            field.setAccessible(true);
            return field.get(connection) == null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("HttpConnection._requestBuffer: " + e, e);
        }
    }

    private void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS))
                fail(new AssertionError("waited 30 s for " + what));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new AssertionError("interrupted waiting for " + what, e));
        }
    }

    /** Keeps a hook's failure for {@link #race} (Jetty would swallow it) and throws it. */
    private void fail(AssertionError e) {
        hookFailure.compareAndSet(null, e);
        throw e;
    }
}
