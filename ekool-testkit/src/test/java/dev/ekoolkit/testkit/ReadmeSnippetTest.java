package dev.ekoolkit.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's JUnit example is the marked region of {@link ReadmeExampleTest}, which compiles and runs here, and the
 * invoker project src/it/readme-example runs the same region against the installed artifact; this test keeps the
 * three identical so the docs cannot rot.
 */
class ReadmeSnippetTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path README = MODULE.resolveSibling("README.md");

    @Test
    void the_readme_example_is_the_compiled_test_region() throws IOException {
        assertThat(readmeBlock()).isEqualTo(region(MODULE.resolve(
                "src/test/java/dev/ekoolkit/testkit/ReadmeExampleTest.java")));
    }

    @Test
    void the_separate_project_runs_the_same_region() throws IOException {
        assertThat(region(MODULE.resolve("src/it/readme-example/src/test/java/example/ReadmeExampleTest.java")))
                .isEqualTo(region(MODULE.resolve("src/test/java/dev/ekoolkit/testkit/ReadmeExampleTest.java")));
    }

    /** The lines between "// readme-example:start" and "// readme-example:end". */
    static String region(Path source) throws IOException {
        String text = Files.readString(source);
        int start = text.indexOf("// readme-example:start\n");
        int end = text.indexOf("// readme-example:end");
        assertThat(start).as("start marker in %s", source).isNotNegative();
        assertThat(end).as("end marker in %s", source).isGreaterThan(start);
        return text.substring(start + "// readme-example:start\n".length(), end);
    }

    /** The java block of README.md between the testkit example markers. */
    static String readmeBlock() throws IOException {
        String text = Files.readString(README);
        String startMarker = "<!-- testkit:readme-example:start -->\n```java\n";
        int start = text.indexOf(startMarker);
        int end = text.indexOf("```\n<!-- testkit:readme-example:end -->");
        assertThat(start).as("README start marker").isNotNegative();
        assertThat(end).as("README end marker").isGreaterThan(start);
        return text.substring(start + startMarker.length(), end);
    }
}
