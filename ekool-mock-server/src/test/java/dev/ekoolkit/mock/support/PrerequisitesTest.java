package dev.ekoolkit.mock.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrerequisitesTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private PrintStream printed() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    @Test
    void on_ci_a_missing_prerequisite_fails_and_says_what_to_install() {
        assertThatThrownBy(() -> Prerequisites.require(false, "BrowserLoginTest", "Chromium and chromedriver",
                "apt-get install chromium chromium-driver", true, printed()))
                .isInstanceOf(AssertionError.class)
                .hasMessage("CI=true, so a missing prerequisite fails instead of skipping: BrowserLoginTest needs"
                        + " Chromium and chromedriver, which this machine lacks; apt-get install chromium chromium-driver");
    }

    @Test
    void elsewhere_a_missing_prerequisite_skips_with_its_reason() {
        assertThatThrownBy(() -> Prerequisites.require(false, "NonLoopbackAdminTest", "a non-loopback IPv4 address",
                "connect a network", false, printed()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("NonLoopbackAdminTest needs a non-loopback IPv4 address, which this machine lacks;"
                        + " connect a network");
        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("[skipped] NonLoopbackAdminTest needs a non-loopback"
                + " IPv4 address, which this machine lacks; connect a network" + System.lineSeparator());
    }

    @Test
    void a_present_prerequisite_neither_fails_nor_skips_nor_prints_on_ci_or_elsewhere() {
        assertThatCode(() -> Prerequisites.require(true, "T", "x", "y", true, printed())).doesNotThrowAnyException();
        assertThatCode(() -> Prerequisites.require(true, "T", "x", "y", false, printed())).doesNotThrowAnyException();
        assertThat(output.size()).isZero();
    }

    @Test
    void ci_means_the_variable_says_true_or_1() {
        assertThat(Prerequisites.onCi("true")).isTrue();
        assertThat(Prerequisites.onCi("TRUE")).isTrue();
        assertThat(Prerequisites.onCi("1")).isTrue();
        assertThat(Prerequisites.onCi(null)).isFalse();
        assertThat(Prerequisites.onCi("false")).isFalse();
        assertThat(Prerequisites.onCi("")).isFalse();
    }
}
