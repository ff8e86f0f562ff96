package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every shell example of the README and the docs, page by page, in order, with bash, against the runnable
 * jar (see {@link DocExamples} for the markers). Each page runs in a directory of its own that holds the jar and
 * the launcher at the paths the docs use ({@code ekool-mock-server/target/ekool-mock.jar},
 * {@code ekool-mock-server/bin/ekool-mock}). A {@code serve} example is started with {@code --port 0} (replacing
 * any {@code --port}), and the page's later examples reach it where they say {@code http://127.0.0.1:8089}, the
 * default address; a shell example before any {@code serve} example runs against {@code serve --port 0
 * --env-file .env}. Every mock must stop on SIGTERM with exit status 0. Run by failsafe, which passes the jar.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@EnabledIfSystemProperty(named = "ekool.mock.jar", matches = ".+")
class ShellExamplesIT {

    static final String DEFAULT_ORIGIN = "http://127.0.0.1:" + ServeCommand.DEFAULT_PORT;
    static final long TIMEOUT_SECONDS = 120;
    static final Pattern PORT_OPTION = Pattern.compile("--port[= ]\\d+");

    static List<Path> pagesWithShellExamples() {
        return DocExamples.pages().stream()
                .filter(page -> DocExamples.in(page).stream().anyMatch(e -> "shell".equals(e.kind()) || "serve".equals(e.kind())))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesWithShellExamples")
    void every_shell_example_runs_as_documented(Path page, @TempDir Path work) throws Exception {
        Path moduleDir = work.resolve("ekool-mock-server");
        Files.createDirectories(moduleDir.resolve("target"));
        Files.createDirectories(moduleDir.resolve("bin"));
        Files.copy(RunnableJarIT.jar(), moduleDir.resolve("target").resolve("ekool-mock.jar"));
        Path launcher = Files.copy(LauncherIT.LAUNCHER, moduleDir.resolve("bin").resolve("ekool-mock"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        Mock current = null;
        int n = 0;
        try {
            for (DocExamples.Example example : DocExamples.in(page)) {
                n++;
                if ("file".equals(example.kind())) {
                    Files.writeString(work.resolve(example.attributes().get("name")), example.body());
                } else if ("serve".equals(example.kind())) {
                    Mock mock = Mock.start(work, example, n);
                    if (example.attributes().containsKey("alone")) {
                        mock.stopWithExit0();
                    } else {
                        if (current != null) {
                            current.stopWithExit0();
                        }
                        current = mock;
                    }
                } else if ("shell".equals(example.kind())) {
                    if (current == null) {
                        current = Mock.startDefault(work);
                    }
                    run(example, current, work, n);
                }
            }
            if (current != null) {
                Mock last = current;
                current = null;
                last.stopWithExit0();
            }
        } finally {
            if (current != null) {
                current.kill();
            }
        }
    }

    private static void run(DocExamples.Example example, Mock mock, Path work, int n) throws Exception {
        Path script = Files.writeString(work.resolve(".example-" + n + ".sh"),
                example.body().replace(DEFAULT_ORIGIN, mock.values.get("login_url")));
        ProcessBuilder builder = bash(work, script, n);
        if (example.attributes().containsKey("env")) {
            EnvFile.VARIABLES.forEach((name, key) -> builder.environment().put(name, mock.values.get(key)));
        }
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(work.resolve(".example-" + n + ".out")) + Files.readString(work.resolve(".example-" + n + ".err"));
        assertThat(ended).as("%s ended within %s s; output: %s", example.where(), TIMEOUT_SECONDS, output).isTrue();
        assertThat(process.exitValue()).as("exit status of %s; output: %s", example.where(), output)
                .isEqualTo(Integer.parseInt(example.attributes().get("exit")));
        if (example.attributes().containsKey("prints")) {
            assertThat(output).as("output of %s", example.where()).contains(example.attributes().get("prints"));
        }
    }

    /** bash running {@code script} in {@code work}, with the test's own {@code java} first on the PATH. */
    static ProcessBuilder bash(Path work, Path script, int n) {
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", script.getFileName().toString())
                .directory(work.toFile())
                .redirectOutput(work.resolve(".example-" + n + ".out").toFile())
                .redirectError(work.resolve(".example-" + n + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("EKOOL_"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        env.put("PATH", javaBin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    /** A mock started by a {@code serve} example: its process and the values it printed. */
    static final class Mock {
        final Process process;
        final Path err;
        final String where;
        final Map<String, String> values = new HashMap<>();

        private Mock(Process process, Path err, String where) {
            this.process = process;
            this.err = err;
            this.where = where;
        }

        /** The example's commands, the last one exec'd on a free port. */
        static Mock start(Path work, DocExamples.Example example, int n) throws Exception {
            List<String> lines = example.body().lines().toList();
            int last = lines.size() - 1;
            while (last >= 0 && (lines.get(last).isBlank() || lines.get(last).trim().startsWith("#"))) {
                last--;
            }
            assertThat(last).as("a command in the serve example at %s", example.where()).isNotNegative();
            String command = lines.get(last);
            Matcher port = PORT_OPTION.matcher(command);
            command = port.find() ? port.replaceFirst("--port 0") : command + " --port 0";
            StringBuilder script = new StringBuilder();
            lines.subList(0, last).forEach(line -> script.append(line).append('\n'));
            script.append("exec ").append(command).append('\n');
            return start(work, script.toString(), example.where(), n);
        }

        /** What a page without a serve example runs against. */
        static Mock startDefault(Path work) throws Exception {
            return start(work, "exec java -jar ekool-mock-server/target/ekool-mock.jar serve --port 0 --env-file .env\n",
                    "the default mock", 0);
        }

        private static Mock start(Path work, String script, String where, int n) throws Exception {
            Path file = Files.writeString(work.resolve(".serve-" + n + ".sh"), script);
            Process process = bash(work, file, 1000 + n).start();
            Mock mock = new Mock(process, work.resolve(".example-" + (1000 + n) + ".err"), where);
            try {
                mock.awaitServing(work.resolve(".example-" + (1000 + n) + ".out"));
            } catch (Throwable t) {
                mock.kill();
                throw t;
            }
            return mock;
        }

        private void awaitServing(Path out) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!values.containsKey("authorize_url")) {
                assertThat(System.nanoTime() < deadline).as("%s printed authorize_url= within %s s; stderr: %s", where,
                        TIMEOUT_SECONDS, Files.readString(err)).isTrue();
                assertThat(process.isAlive()).as("%s is running; stderr: %s", where, Files.readString(err)).isTrue();
                for (String line : Files.readAllLines(out)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        values.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                Thread.sleep(50);
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(values.get("login_url") + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("%s answers /health", where).isEqualTo(200);
        }

        void stopWithExit0() throws Exception {
            try {
                process.destroy(); // SIGTERM
                assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s stopped", where).isTrue();
                assertThat(process.exitValue()).as("exit status of %s; stderr: %s", where, Files.readString(err)).isZero();
            } finally {
                kill();
            }
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
