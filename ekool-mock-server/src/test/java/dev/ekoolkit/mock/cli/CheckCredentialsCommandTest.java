package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

class CheckCredentialsCommandTest {

    static final String ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    static final String SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";

    @Test
    void accepts_a_well_formed_pair_with_the_secret_on_standard_input_and_exits_0() {
        Cli.Result result = Cli.withStdin(SECRET + "\n", "check-credentials", ID);

        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("client_id and client_secret are well-formed\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void strips_a_windows_line_terminator_as_the_terminator_it_is() {
        assertThat(Cli.withStdin(SECRET + "\r\n", "check-credentials", ID).status()).isZero();
    }

    @Test
    void accepts_a_secret_without_any_line_terminator() {
        assertThat(Cli.withStdin(SECRET, "check-credentials", ID).status()).isZero();
    }

    @Test
    void reads_only_the_first_line_of_standard_input() {
        assertThat(Cli.withStdin(SECRET + "\nsomething else\n", "check-credentials", ID).status()).isZero();
    }

    @Test
    void reports_a_trailing_space_before_the_line_terminator_instead_of_trimming_it() {
        Cli.Result result = Cli.withStdin(SECRET + " \n", "check-credentials", ID);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("client_secret must not end with whitespace; got a space at position 41");
    }

    @Test
    void reports_every_violation_of_both_fields_and_exits_1() {
        Cli.Result result = Cli.withStdin("short!\n", "check-credentials", "abc-");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly(
                "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9); got 4 characters",
                "client_id must contain only letters and digits (A-Z, a-z, 0-9); got '-' (U+002D) at position 4",
                "client_secret must be exactly 40 letters or digits (A-Z, a-z, 0-9); got 6 characters",
                "client_secret must contain only letters and digits (A-Z, a-z, 0-9);"
                        + " got a character outside that alphabet at position 6");
    }

    @Test
    void reports_empty_standard_input_as_a_missing_secret_and_says_where_it_was_read() {
        Cli.Result result = Cli.withStdin("", "check-credentials", ID);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err())
                .contains("client_secret must be exactly 40 letters or digits (A-Z, a-z, 0-9); got no value")
                .contains("first line of standard input");
    }

    @Test
    void reports_a_blank_first_line_with_the_hint_that_the_secret_must_be_on_the_first_line() {
        Cli.Result result = Cli.withStdin("\n" + SECRET + "\n", "check-credentials", ID);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err())
                .contains("got an empty value")
                .contains("first line of standard input, which was blank: the secret must be on the first line");
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void never_echoes_a_malformed_secret_read_from_standard_input() {
        String secret = SECRET + "x";

        Cli.Result result = Cli.withStdin(secret + "\n", "check-credentials", ID);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void never_echoes_any_secret_whatever_is_wrong_with_it() {
        // 40 letters or digits with one character replaced, inserted or appended: the likeliest typos.
        qt().withExamples(200)
                .forAll(strings().betweenCodePoints('0', 'z').ofLength(40),
                        integers().between(0, 40),
                        strings().allPossible().ofLength(1))
                .checkAssert((base, at, bad) -> {
                    String secret = base.substring(0, at) + bad + base.substring(at);
                    Cli.Result result = Cli.withStdin(secret + "\n", "check-credentials", ID);
                    assertThat(result.all()).doesNotContain(base.substring(0, 20)).doesNotContain(base.substring(20));
                });
    }

    @Test
    void never_echoes_a_well_formed_secret() {
        assertThat(Cli.withStdin(SECRET + "\n", "check-credentials", ID).all()).doesNotContain(SECRET);
    }

    @Test
    void reads_the_secret_from_the_environment_variable_named_by_secret_env() {
        Cli.Result result = Cli.run("", Map.of("EKOOL_CLIENT_SECRET", SECRET),
                "check-credentials", ID, "--secret-env", "EKOOL_CLIENT_SECRET");

        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("client_id and client_secret are well-formed\n");
    }

    @Test
    void checks_a_secret_from_the_environment_without_trimming_or_echoing_it() {
        Cli.Result result = Cli.run("", Map.of("S", SECRET + "\n"), "check-credentials", ID, "--secret-env", "S");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("client_secret must not end with whitespace; got a line feed (\\n) at position 41");
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void prefers_the_environment_variable_over_standard_input() {
        Cli.Result result = Cli.run("not the secret\n", Map.of("S", SECRET), "check-credentials", ID, "--secret-env=S");

        assertThat(result.status()).isZero();
    }

    @Test
    void names_an_unset_environment_variable_and_exits_2() {
        Cli.Result result = Cli.run("", Map.of(), "check-credentials", ID, "--secret-env", "EKOOL_CLIENT_SECRET");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("no environment variable named EKOOL_CLIENT_SECRET is set");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void refuses_a_secret_given_to_secret_env_as_if_it_were_a_name_without_echoing_it() {
        Cli.Result result = Cli.run("", Map.of(), "check-credentials", ID, "--secret-env", SECRET);

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("takes the NAME of an environment variable");
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void refuses_a_secret_on_the_command_line_without_echoing_it_and_exits_2() {
        Cli.Result result = Cli.withStdin("", "check-credentials", ID, SECRET);

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("never taken from the command line");
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void refuses_an_unknown_option_carrying_the_secret_without_echoing_it() {
        Cli.Result result = Cli.withStdin("", "check-credentials", ID, "--client-secret=" + SECRET);

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void names_a_mistyped_option_and_the_option_it_meant_but_only_counts_other_arguments() {
        Cli.Result result = Cli.withStdin("", "check-credentials", ID, "--secret-evn", "MY_SECRET_VARIABLE");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("unknown option '--secret-evn' (did you mean --secret-env?)")
                .contains("1 more argument (not shown, in case one is the secret)")
                .doesNotContain("MY_SECRET_VARIABLE");
    }

    @Test
    void names_an_unknown_option_but_never_its_value() {
        Cli.Result result = Cli.withStdin("", "check-credentials", ID, "--client-secret=" + SECRET);

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("unknown option '--client-secret' (its value not shown)");
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void a_missing_client_id_is_a_usage_error_with_exit_2() {
        Cli.Result result = Cli.withStdin(SECRET + "\n", "check-credentials");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'CLIENT_ID'");
        assertThat(result.all()).doesNotContain(SECRET);
    }
}
