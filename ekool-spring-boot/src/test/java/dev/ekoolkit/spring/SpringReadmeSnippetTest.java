package dev.ekoolkit.spring;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot example is the marked region of the sample application's MariSignsInTest, which
 * {@code ./mvnw verify} compiles and runs (on Spring Boot 4.0 and 3.5) in examples/spring-boot-app; this keeps the
 * two identical.
 */
class SpringReadmeSnippetTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void the_readme_example_is_the_sample_applications_test_region() throws IOException {
        String source = Files.readString(ROOT.resolve("examples/spring-boot-app/src/test/java/example/app/MariSignsInTest.java"));
        String region = between(source, "// readme-example:start\n", "// readme-example:end");
        String readme = between(Files.readString(ROOT.resolve("README.md")),
                "<!-- spring:readme-example:start -->\n```java\n", "```\n<!-- spring:readme-example:end -->");
        assertThat(readme).isEqualTo(region);
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("marker %s", start.strip()).isNotNegative();
        assertThat(to).as("marker %s", end.strip()).isGreaterThan(from);
        return text.substring(from + start.length(), to);
    }
}
