package dev.ekoolkit.mock.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose standard output lines arrive, time-stamped, in a queue (and in a log file), and whose
 * standard error goes to a log file.
 */
final class Proc implements AutoCloseable {

    /** A line of standard output and the {@link System#nanoTime()} at which it was read. */
    record Line(String text, long nanos) {
    }

    private static final Line EOF = new Line(null, 0);

    final Process process;
    final long startNanos;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    private Proc(Process process, long startNanos, Path log) {
        this.process = process;
        this.startNanos = startNanos;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String s = r.readLine(); s != null; s = r.readLine()) {
                    long t = System.nanoTime();
                    synchronized (all) {
                        all.add(s);
                    }
                    lines.add(new Line(s, t));
                }
            } catch (IOException ignored) {
                // process gone
            } finally {
                lines.add(EOF);
                if (log != null) {
                    synchronized (all) {
                        try {
                            Files.write(log, all, StandardCharsets.UTF_8);
                        } catch (IOException ignored) {
                            // best effort
                        }
                    }
                }
            }
        }, "stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command}; standard error goes to {@code log}.err, standard output to {@code log}. */
    static Proc start(List<String> command, Path log) {
        return start(command, java.util.Map.of(), log);
    }

    /** Starts {@code command} with more environment variables. */
    static Proc start(List<String> command, java.util.Map<String, String> env, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        pb.redirectError(log == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.to(log.resolveSibling(log.getFileName() + ".err").toFile()));
        long t0 = System.nanoTime();
        try {
            return new Proc(pb.start(), t0, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    /** The next output line, or {@code null} at end of output or after the timeout. */
    Line next(long timeoutMillis) throws InterruptedException {
        Line l = lines.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (l == EOF) {
            lines.add(EOF);
            return null;
        }
        return l;
    }

    /** Every output line up to the end of the output. */
    List<String> drain(long timeoutMillis) throws InterruptedException {
        List<String> out = new ArrayList<>();
        long end = System.currentTimeMillis() + timeoutMillis;
        for (;;) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return out;
            }
            Line l = next(left);
            if (l == null) {
                return out;
            }
            out.add(l.text());
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Stops the process (SIGTERM, then SIGKILL after 20 s) and waits for it; then stops any child it left
     * behind (the launcher runs java as a child while it records its archive), so no server outlives a run.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroy();
                    if (!child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join().isAlive()) {
                        continue;
                    }
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
