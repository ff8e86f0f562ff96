package dev.ekoolkit.mock.cli;

import dev.ekoolkit.core.credentials.CredentialFormat;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NewCredentialsCommandTest {

    @Test
    void prints_a_well_formed_pair_as_key_value_lines_by_default() {
        Cli.Result result = Cli.run("new-credentials");

        assertThat(result.status()).isZero();
        assertThat(result.out()).matches("client_id=[A-Za-z0-9]{32}\nclient_secret=[A-Za-z0-9]{40}\n");
        assertThat(CredentialFormat.check(value(result.out(), "client_id"), value(result.out(), "client_secret")))
                .isEmpty();
    }

    @Test
    void prints_the_same_lines_with_format_env() {
        assertThat(Cli.run("new-credentials", "--format=env").out())
                .matches("client_id=[A-Za-z0-9]{32}\nclient_secret=[A-Za-z0-9]{40}\n");
    }

    @Test
    void prints_one_json_object_with_format_json() {
        Cli.Result result = Cli.run("new-credentials", "--format", "json");

        assertThat(result.status()).isZero();
        assertThat(result.out()).matches("\\{\"client_id\":\"[A-Za-z0-9]{32}\",\"client_secret\":\"[A-Za-z0-9]{40}\"}\n");
    }

    @Test
    void prints_a_different_pair_each_time() {
        String first = Cli.run("new-credentials").out();
        String second = Cli.run("new-credentials").out();

        assertThat(value(first, "client_id")).isNotEqualTo(value(second, "client_id"));
        assertThat(value(first, "client_secret")).isNotEqualTo(value(second, "client_secret"));
    }

    @Test
    void rejects_an_unknown_format_with_exit_2_and_names_the_valid_ones() {
        Cli.Result result = Cli.run("new-credentials", "--format=yaml");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--format").contains("yaml").containsIgnoringCase("env").containsIgnoringCase("json");
        assertThat(result.out()).isEmpty();
    }

    private static String value(String out, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(out);
        assertThat(m.find()).as("a line starting with %s=", key).isTrue();
        return m.group(1);
    }
}
