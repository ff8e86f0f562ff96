package dev.ekoolkit.mock.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in-process with captured streams. */
final class Cli {

    private Cli() {
    }

    /** What one run printed and returned. */
    record Result(int status, String out, String err) {

        /** Everything printed, to assert that something appears nowhere. */
        String all() {
            return out + err;
        }
    }

    static Result run(String... args) {
        return run("", Map.of(), args);
    }

    static Result withStdin(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    static Result run(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Io io = new Io(o, e, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env,
                    StopSignal.manual());
            status = EkoolMockCli.run(io, args);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
