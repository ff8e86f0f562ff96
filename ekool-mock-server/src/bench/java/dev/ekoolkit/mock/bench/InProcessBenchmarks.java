package dev.ekoolkit.mock.bench;

import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * In-process figures in a warm JVM (JMH sample time, milliseconds): what a test pays to build and start an
 * {@link EkoolMockServer}, and what a shared server's {@code reset()} costs between tests.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InProcessBenchmarks {

    /** Holds the server the {@code start} benchmark started, closed after every invocation. */
    @State(Scope.Thread)
    public static class Fresh {
        EkoolMockServer server;

        @TearDown(Level.Invocation)
        public void close() {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    /** A started server that each invocation finds holding what a test typically leaves behind. */
    @State(Scope.Thread)
    public static class Used {
        EkoolMockServer server;
        private final Scopes basic = Scopes.parse("users-basic");

        @Setup(Level.Trial)
        public void start() {
            server = EkoolMockServer.builder().port(0).build().start();
        }

        @Setup(Level.Invocation)
        public void dirty() {
            server.issueTokens("mari", null, basic);
            server.issueTokens("mari", null, basic);
            server.loginAs("mari");
            server.failNext(Endpoint.TOKEN, Fault.httpStatus(503));
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.close();
        }
    }

    @Benchmark
    public EkoolMockServer start(Fresh f) {
        f.server = EkoolMockServer.builder().port(0).build().start();
        return f.server;
    }

    @Benchmark
    public void reset(Used u) {
        u.server.reset();
    }
}
