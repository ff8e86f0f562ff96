package dev.ekoolkit.mock.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} running in-process on a thread of its own, with its output captured; {@link #stop()}
 * plays Ctrl-C.
 */
final class RunningServe implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Capture out = new Capture();
    private final Capture err = new Capture();
    private final StopSignal stop = StopSignal.manual();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();

    private RunningServe(Map<String, String> env, String... args) {
        Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env, stop);
        Thread thread = new Thread(() -> {
            try {
                status.complete(EkoolMockCli.run(io, args));
            } catch (Throwable t) {
                status.completeExceptionally(t);
            }
        }, "serve-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts {@code ekool-mock serve} with {@code args} (the test adds {@code --port 0} itself where it wants it). */
    static RunningServe start(String... args) {
        return new RunningServe(Map.of(), args);
    }

    /** Starts {@code ekool-mock serve} with {@code args} and these environment variables. */
    static RunningServe startWithEnv(Map<String, String> env, String... args) {
        return new RunningServe(env, args);
    }

    /** The value of the first {@code key=} line printed, waiting for it; fails when serve ends without it. */
    String awaitLine(String key) throws InterruptedException {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = line.matcher(out.text());
            if (m.find()) {
                return m.group(1);
            }
            if (status.isDone()) {
                throw new AssertionError("serve ended (" + status.join() + ") without printing " + key
                        + "=; stdout: " + out.text() + "; stderr: " + err.text());
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + key + "= line within " + TIMEOUT + "; stdout: " + out.text());
    }

    /** The exit status, waiting for serve to end on its own (such as on a start-up error). */
    int awaitExit() throws Exception {
        return status.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Plays Ctrl-C and returns the exit status. */
    int stop() throws Exception {
        stop.release();
        return awaitExit();
    }

    String out() {
        return out.text();
    }

    String err() {
        return err.text();
    }

    @Override
    public void close() throws Exception {
        if (!status.isDone()) {
            stop();
        }
    }

    /** A thread-safe byte sink whose text can be read while it is written. */
    private static final class Capture extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
