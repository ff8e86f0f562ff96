package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the README's "start the mock server" section true to the build and to what serve prints. */
class ReadmeCommandTest {

    // Surefire runs in the module's directory.
    static final Path README = Path.of("..", "README.md");
    static final Path POM = Path.of("pom.xml");

    static final Path LAUNCHER = Path.of("bin", "ekool-mock");

    @Test
    void runs_the_jar_that_the_build_writes_through_the_launcher() throws IOException {
        assertThat(Files.readString(README))
                .contains("./mvnw -q -pl ekool-mock-server -am package -DskipTests && ekool-mock-server/bin/ekool-mock   #");
        assertThat(Files.readString(POM)).contains("<outputFile>${project.build.directory}/ekool-mock.jar</outputFile>");
        assertThat(Files.readString(LAUNCHER)).contains("jar=\"${EKOOL_MOCK_JAR:-$here/../target/ekool-mock.jar}\"");
        assertThat(Files.isExecutable(LAUNCHER)).as("%s is executable", LAUNCHER).isTrue();
    }

    @Test
    void states_the_default_port_that_serve_uses() throws IOException {
        assertThat(Files.readString(README))
                .contains("`--port` (default " + ServeCommand.DEFAULT_PORT + ";")
                .contains("login_url=http://127.0.0.1:" + ServeCommand.DEFAULT_PORT + "\n");
    }

    @Test
    void shows_the_lines_serve_prints_in_the_order_it_prints_them() throws Exception {
        Matcher block = Pattern.compile("```text\n(login_url=.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        assertThat(block.find()).as("a text block starting with login_url= in the README").isTrue();
        List<String> documented = block.group(1).lines().map(ReadmeCommandTest::key).toList();

        try (RunningServe serve = RunningServe.start("--port", "0")) {
            serve.awaitLine("authorize_url");

            assertThat(serve.out().lines().map(ReadmeCommandTest::key)).containsExactlyElementsOf(documented);
        }
    }

    private static String key(String line) {
        return line.substring(0, line.indexOf('='));
    }
}
