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
}
