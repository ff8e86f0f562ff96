package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
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
