package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar, run as {@code java -jar} in a separate JVM: proves it is self-contained and that its
 * manifest, services and filtered resources survived shading. Run by failsafe in {@code verify}, which
 * passes the jar's path as the system property {@code ekool.mock.jar}.
 */
@EnabledIfSystemProperty(named = "ekool.mock.jar", matches = ".+")
class RunnableJarIT {

    static final String ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    static final String SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";

    @Test
    void prints_its_version() throws Exception {
        Run run = java("", "--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).matches("ekool-mock \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void prints_new_credentials() throws Exception {
        Run run = java("", "new-credentials");

        assertThat(run.status()).isZero();
        assertThat(run.out()).matches("client_id=[A-Za-z0-9]{32}\nclient_secret=[A-Za-z0-9]{40}\n");
    }

    @Test
    void checks_credentials_with_the_secret_on_standard_input_without_echoing_it() throws Exception {
        Run run = java(SECRET + "x\n", "check-credentials", ID);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("client_secret must be exactly 40 letters or digits");
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void serves_until_sigterm_and_then_exits_0() throws Exception {
        Path out = Files.createTempFile("ekool-mock", ".out");
        Path err = Files.createTempFile("ekool-mock", ".err");
        Process process = new ProcessBuilder(command("--port", "0", "--auto-login"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            String loginUrl = awaitLine(process, out, "login_url");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(loginUrl + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            process.destroy(); // SIGTERM on Unix, as a service manager or 'kill' sends it

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the server stopped").isTrue();
            assertThat(process.exitValue()).as("exit status; stderr: %s", Files.readString(err)).isZero();
            assertThat(Files.readString(err)).contains("stopped").doesNotContain("\tat ");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void a_port_in_use_prints_the_clear_message_alone_and_exits_2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = java("", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is already"
                    + " in use (another ekool-mock?). Choose another with --port, or --port 0 for a free one.\n");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void an_address_not_on_this_machine_prints_the_clear_message_alone_and_exits_2() throws Exception {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): documentation only, never an address of this machine
        Run run = java("", "--host", "192.0.2.1", "--port", "0");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("cannot listen on 192.0.2.1:0: ").endsWith("(is --host 192.0.2.1 an address of this machine?)"));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_training_run_logs_in_once_and_then_stops_by_itself_with_exit_0() throws Exception {
        Run run = trainingRun();

        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("authorize_url=");
        assertThat(run.err().lines()).as("stderr").containsOnlyOnce(
                "training run: authorize 302, code grant 200, /user/me/basic 200, refresh grant 200");
        assertThat(run.err()).contains("eKool mock server stopped").doesNotContain("\tat ");
    }

    @Test
    void a_start_and_a_login_load_neither_jmx_nor_the_jdk_http_client_nor_jackson() throws Exception {
        Path classes = Files.createTempFile("ekool-mock", ".classes");
        try {
            Run run = trainingRun("-Xlog:class+load=info:file=" + classes);

            assertThat(run.status()).as("exit status; stderr: %s", run.err()).isZero();
            assertThat(Files.readString(classes))
                    .as("the login was served").contains("dev.ekoolkit.mock.token.")
                    .as("Jetty's MemoryUtils asked the platform MBean server").doesNotContain("javax.management.MBeanServer ")
                    .as("an HttpClient was built").doesNotContain("java.net.http.HttpClient ")
                    .as("Jackson was set up (JSON answers are written with Nimbus' writer)")
                    .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper ");
        } finally {
            Files.deleteIfExists(classes);
        }
    }

    /** {@code serve --port 0 --auto-login} as the launcher's training run, with {@code jvmOptions} before -jar. */
    private static Run trainingRun(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(command("serve", "--port", "0", "--auto-login"));
        command.addAll(1, List.of(jvmOptions));
        command.add(1, "-D" + TrainingRun.PROPERTY + "=true");
        Path out = Files.createTempFile("ekool-mock", ".out");
        Path err = Files.createTempFile("ekool-mock", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the training run ended").isTrue();
                return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                process.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String awaitLine(Process process, Path out, String key) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1);
                }
            }
            assertThat(process.isAlive()).as("the server is running").isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no " + key + "= line within 60 s");
    }

    record Run(int status, String out, String err) {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("ekool.mock.jar"));
        assertThat(jar).as("the runnable jar built by the package phase").isRegularFile();
        return jar;
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    static Run java(String stdin, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ekool-mock", ".out");
        Path err = Files.createTempFile("ekool-mock", ".err");
        try {
            Process process = new ProcessBuilder(command(args))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
