package dev.ekoolkit.mock.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may touch of the outside world: its streams, its environment, and the signal that
 * stops {@code serve}. Passing these in (rather than reaching for {@code System}) is what lets the tests
 * run every command in-process.
 *
 * @param out  standard output: results, and the {@code key=value} lines scripts read
 * @param err  standard error: usage errors and diagnostics
 * @param in   standard input: where {@code check-credentials} reads the secret
 * @param env  the environment variables
 * @param stop released when {@code serve} should stop (Ctrl-C in a terminal, the test in a test)
 */
record Io(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, StopSignal stop) {

    Io {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
        Objects.requireNonNull(stop, "stop");
    }
}
