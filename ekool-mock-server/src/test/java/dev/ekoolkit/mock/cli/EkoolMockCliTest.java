package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EkoolMockCliTest {

    @Test
    void version_prints_the_build_version_from_the_filtered_resource() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.status()).isZero();
        assertThat(result.out()).matches("ekool-mock \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void help_lists_every_command_and_the_exit_statuses() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.status()).isZero();
        assertThat(result.out())
                .contains("serve", "check-credentials", "new-credentials", "registration-email")
                .contains("Exit status:");
    }

    @Test
    void an_unknown_command_is_a_usage_error_with_exit_2() {
        Cli.Result result = Cli.run("frobnicate");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument at index 0: 'frobnicate'").contains("--help");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void runs_serve_when_no_command_is_given() {
        assertThat(EkoolMockCli.withDefaultCommand()).containsExactly("serve");
    }

    @Test
    void gives_leading_options_to_serve_when_no_command_is_given() {
        assertThat(EkoolMockCli.withDefaultCommand("--port", "0")).containsExactly("serve", "--port", "0");
    }

    @Test
    void keeps_a_named_command_as_it_is() {
        assertThat(EkoolMockCli.withDefaultCommand("new-credentials", "--format=json"))
                .containsExactly("new-credentials", "--format=json");
    }

    @Test
    void keeps_help_and_version_for_the_top_level_command() {
        assertThat(EkoolMockCli.withDefaultCommand("--help")).containsExactly("--help");
        assertThat(EkoolMockCli.withDefaultCommand("-V")).containsExactly("-V");
    }

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    @Test
    void main_tells_jetty_16_references_per_cache_line_when_nothing_else_was_set() {
        String before = System.clearProperty(REFERENCES_PER_CACHE_LINE);
        try {
            EkoolMockCli.jettyWithoutJmx();

            assertThat(System.getProperty(REFERENCES_PER_CACHE_LINE)).isEqualTo("16");
        } finally {
            restore(before);
        }
    }

    @Test
    void main_leaves_a_references_per_cache_line_set_on_the_command_line_as_it_is() {
        String before = System.setProperty(REFERENCES_PER_CACHE_LINE, "8");
        try {
            EkoolMockCli.jettyWithoutJmx();

            assertThat(System.getProperty(REFERENCES_PER_CACHE_LINE)).isEqualTo("8");
        } finally {
            restore(before);
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(REFERENCES_PER_CACHE_LINE);
        } else {
            System.setProperty(REFERENCES_PER_CACHE_LINE, before);
        }
    }
}
