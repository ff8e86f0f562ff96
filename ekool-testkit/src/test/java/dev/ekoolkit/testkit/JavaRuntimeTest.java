package dev.ekoolkit.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java 25 compatibility check (docs/release.md) is a second surefire execution of these tests with
 * {@code <jvm>} set to the JDK 25 launcher. This test makes that claim checkable: each execution says, in the
 * system property {@code ekool.test.java-feature}, on which Java release its tests must run (the default execution:
 * Maven's own; the {@code java25} execution: 25), and the test fails if the JVM running it is another one. Without
 * it, a {@code <jvm>} that surefire ignored or that pointed at another JDK would pass as "Java 25 checked".
 */
class JavaRuntimeTest {

    @Test
    void runs_on_the_java_release_its_surefire_execution_names() {
        String expected = System.getProperty("ekool.test.java-feature");

        assertThat(expected).as("system property ekool.test.java-feature (set by ekool-testkit/pom.xml's surefire"
                + " configuration)").isNotBlank();
        assertThat(Runtime.version().feature()).as("the Java release running this test (java.home %s)",
                System.getProperty("java.home")).isEqualTo(Integer.parseInt(expected));
    }
}
