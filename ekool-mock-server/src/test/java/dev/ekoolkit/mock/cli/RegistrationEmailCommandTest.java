package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationEmailCommandTest {

    static final String[] VALID = {
        "registration-email",
        "--institution", "Tartu Example School",
        "--first-name", "Mari",
        "--last-name", "Maasikas",
        "--email", "mari.maasikas@example.ee",
        "--phone", "+372 5123 4567",
        "--purpose", "Sign-in with eKool for our school library app.",
        "--redirect-uri", "https://library.example.ee/oauth2/callback"};

    @Test
    void prints_the_recipient_subject_and_body_and_exits_0() {
        Cli.Result result = Cli.run(VALID);

        assertThat(result.status()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("To: help@ekool.eu\nSubject: eKool API client request: Tartu Example School\n\n");
    }

    @Test
    void puts_every_detail_the_help_article_asks_for_in_the_body() {
        assertThat(Cli.run(VALID).out()).contains(
                "Institution or company: Tartu Example School",
                "Responsible person: Mari Maasikas",
                "E-mail: mari.maasikas@example.ee",
                "Telephone: +372 5123 4567",
                "Sign-in with eKool for our school library app.",
                "- https://library.example.ee/oauth2/callback");
    }

    @Test
    void requests_users_basic_when_no_scope_is_given() {
        assertThat(Cli.run(VALID).out()).contains("Requested scope:\n- users-basic\n");
    }

    @Test
    void requests_every_repeated_scope_in_order() {
        Cli.Result result = Cli.run(with("--scope", "users-basic", "--scope", "mkool-api"));

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("Requested scopes:\n- users-basic\n- mkool-api\n");
    }

    @Test
    void lists_every_repeated_redirect_uri() {
        Cli.Result result = Cli.run(with("--redirect-uri", "http://localhost:8080/oauth2/callback"));

        assertThat(result.out()).contains("Redirect URIs:\n- https://library.example.ee/oauth2/callback\n"
                + "- http://localhost:8080/oauth2/callback\n");
    }

    @Test
    void lists_every_invalid_field_by_its_flag_and_exits_1() {
        Cli.Result result = Cli.run("registration-email",
                "--institution", "",
                "--first-name", "Mari",
                "--last-name", "",
                "--email", "not-an-address",
                "--phone", "5123 4567",
                "--purpose", "",
                "--redirect-uri", "http://library.example.ee/callback");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines())
                .anySatisfy(line -> assertThat(line).startsWith("--institution: organisation"))
                .anySatisfy(line -> assertThat(line).startsWith("--last-name: surname"))
                .anySatisfy(line -> assertThat(line).startsWith("--email: email_address must look like"))
                .anySatisfy(line -> assertThat(line).startsWith("--phone: phone must be in international format"))
                .anySatisfy(line -> assertThat(line).startsWith("--purpose: purpose"))
                .anySatisfy(line -> assertThat(line).startsWith("--redirect-uri: redirect_uris entry 1"))
                .hasSize(6);
    }

    @Test
    void a_missing_required_option_is_a_usage_error_with_exit_2_naming_every_missing_option() {
        Cli.Result result = Cli.run("registration-email", "--first-name", "Mari", "--email", "mari@example.ee");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Missing required options").contains("--institution", "--last-name", "--phone",
                "--purpose", "--redirect-uri").contains("Try 'ekool-mock registration-email --help'");
    }

    @Test
    void a_missing_redirect_uri_is_a_usage_error_with_exit_2() {
        List<String> args = new ArrayList<>(List.of(VALID));
        args.subList(args.size() - 2, args.size()).clear();

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option").contains("--redirect-uri");
    }

    @Test
    void reports_an_invalid_scope() {
        Cli.Result result = Cli.run(with("--scope", "users basic\""));

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("--scope: ");
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_exit_2() {
        Cli.Result result = Cli.run(with("--institutoin", "typo"));

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("'--institutoin'").contains("Possible solutions: --institution");
    }

    private static String[] with(String... more) {
        List<String> args = new ArrayList<>(List.of(VALID));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
