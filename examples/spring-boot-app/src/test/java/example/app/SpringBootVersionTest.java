package example.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The toolkit's build runs this sample twice, on Spring Boot 4.0.7 and, with {@code -Dspring-boot.version=3.5.7
 * -Dboot3}, on 3.5.7. This test makes the second run's claim checkable: the Spring Boot on the test class path is the
 * one the build names (the pom passes {@code ${spring-boot.version}} to the tests) and of the major version whose
 * starters the active profile chose ({@code boot4}, or {@code boot3} with {@code -Dboot3}), so a {@code -Dboot3} run
 * whose version property did not arrive, or a dependency that pulled another Boot in, fails here instead of passing
 * as "checked on 3.5".
 */
class SpringBootVersionTest {

    @Test
    void the_tests_run_on_the_spring_boot_version_the_build_names() {
        assertThat(SpringBootVersion.getVersion()).as("Spring Boot on the test class path")
                .isEqualTo(System.getProperty("expected.spring-boot.version"))
                .as("Spring Boot on the test class path, for the starters of profile boot%s",
                        System.getProperty("expected.spring-boot.line"))
                .startsWith(System.getProperty("expected.spring-boot.line") + ".");
    }
}
