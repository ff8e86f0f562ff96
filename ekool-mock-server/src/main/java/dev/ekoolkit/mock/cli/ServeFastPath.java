package dev.ekoolkit.mock.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code serve} without picocli, for the plain command lines that scripts and the launcher use. Picocli is
 * compiled for Java 5 (class file version 49), which class-data sharing cannot archive, so parsing with it costs
 * a fresh JVM 100-150 ms on its main thread, the largest single item before the server listens
 * (docs/performance.md). Only a command line whose meaning is beyond doubt takes this path: {@code serve}
 * followed by {@code --port}, {@code --host}, {@code --config}, {@code --admin-token-env}, {@code --auto-login},
 * {@code --env-file}, {@code --public-url}, {@code --pkce} and {@code --fresh-key}, each at most once, and
 * {@code --redirect-uri}, any number of times, with plain values. Anything else (help, version, an unknown or repeated
 * option, an unusual value) goes to picocli, which owns every usage message. {@code ServeFastPathTest} checks
 * that both read the command lines alike.
 */
final class ServeFastPath {

    private static final Pattern PORT = Pattern.compile("0|[1-9][0-9]{0,4}");

    /** The one option that may be given more than once; every value counts, in order. */
    private static final String REPEATABLE = "--redirect-uri";

    private ServeFastPath() {
    }

    /**
     * The {@code serve} command that {@code effective} (already starting with the command name) asks for, or
     * {@code null} when picocli should read it.
     */
    static ServeCommand parse(Io io, String... effective) {
        if (effective.length == 0 || !EkoolMockCli.SERVE.equals(effective[0])) {
            return null;
        }
        ServeCommand serve = new ServeCommand(io);
        serve.port = ServeCommand.DEFAULT_PORT;
        serve.host = "127.0.0.1";
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < effective.length; i++) {
            String arg = effective[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!seen.add(name) && !REPEATABLE.equals(name)) {
                return null;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < effective.length && plain(effective[i + 1])) {
                value = effective[i + 1];
            } else {
                value = null;
            }
            boolean tookNext = eq < 0 && value != null;
            switch (name) {
                case "--fresh-key":
                    if (eq >= 0) {
                        return null;
                    }
                    serve.freshKey = true;
                    tookNext = false;
                    break;
                case "--auto-login":
                    if (value != null && !plain(value)) {
                        return null;
                    }
                    serve.autoLogin = value == null ? ServeCommand.FIRST_USER : value;
                    break;
                case "--port":
                    if (value == null || !PORT.matcher(value).matches()) {
                        return null;
                    }
                    serve.port = Integer.parseInt(value);
                    break;
                case "--host":
                    if (value == null || !plain(value)) {
                        return null;
                    }
                    serve.host = value;
                    break;
                case "--admin-token-env":
                    if (value == null || !plain(value)) {
                        return null;
                    }
                    serve.adminTokenEnv = value;
                    break;
                case "--config":
                    serve.config = path(value);
                    if (serve.config == null) {
                        return null;
                    }
                    break;
                case "--public-url":
                    if (value == null || !plain(value)) {
                        return null;
                    }
                    serve.publicUrl = value;
                    break;
                case "--pkce":
                    // Taken as written, as picocli does: ServeCommand checks the policy when it runs.
                    if (value == null || !plain(value)) {
                        return null;
                    }
                    serve.pkce = value;
                    break;
                case "--env-file":
                    serve.envFile = path(value);
                    if (serve.envFile == null) {
                        return null;
                    }
                    break;
                case REPEATABLE:
                    if (value == null || !plain(value)) {
                        return null;
                    }
                    serve.redirectUris.add(value);
                    break;
                default:
                    return null;
            }
            if (tookNext) {
                i++;
            }
        }
        return serve;
    }

    /** Runs {@code serve} and answers its exit status, reporting failures as picocli's handler does. */
    static int run(Io io, ServeCommand serve) {
        int status;
        try {
            status = serve.call();
        } catch (CliFailure failure) {
            io.err().println(failure.getMessage());
            status = failure.exitStatus();
        } catch (Exception e) {
            PrintStream err = io.err();
            err.println("ekool-mock " + EkoolMockCli.SERVE + ": unexpected internal error, please report it:");
            e.printStackTrace(err);
            status = EkoolMockCli.BUG;
        }
        io.out().flush();
        io.err().flush();
        return status;
    }

    /** The path a plain {@code value} names, or {@code null} for picocli to judge. */
    private static Path path(String value) {
        if (value == null || !plain(value)) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A value picocli takes as it is: not empty, not option-like. */
    private static boolean plain(String value) {
        return !value.isEmpty() && !value.startsWith("-");
    }
}
