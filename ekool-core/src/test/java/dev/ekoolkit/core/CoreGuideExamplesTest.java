package dev.ekoolkit.core;

import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.client.RegistrationEmail;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.Violation;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.person.PersonalCode;
import dev.ekoolkit.core.person.Sex;
import dev.ekoolkit.core.scope.KnownScope;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The snippets of docs/core.md, run; keep both in step. */
class CoreGuideExamplesTest {

    @Test
    void checking_client_credentials() {
        List<Violation> problems = CredentialFormat.check("oaD43fvd3aCdf45dDsc428hMuY6T6trG\n",
                "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRS");
        assertThat(problems).extracting(Violation::message).containsExactly(
                "client_id must not end with whitespace; got a line feed (\\n) at position 33 (a pasted line break?)",
                "client_secret must be exactly 40 letters or digits (A-Z, a-z, 0-9); got 38 characters");

        String presentedSecret = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";
        ClientCredentials credentials = ClientCredentials.parse(
                "oaD43fvd3aCdf45dDsc428hMuY6T6trG", "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb");
        assertThat(credentials.toString()).contains("****").doesNotContain(presentedSecret);
        assertThat(credentials.clientSecret().matches(presentedSecret)).isTrue();
        ClientCredentials fresh = ClientCredentials.generate(new SecureRandom());
        assertThat(fresh.clientId().value()).hasSize(32);
    }

    @Test
    void scopes() {
        Scopes scopes = Scopes.parse("users-basic mkool-api");
        assertThat(scopes.format()).isEqualTo("users-basic mkool-api");
        assertThat(scopes.contains(Scope.USERS_BASIC)).isTrue();
        assertThat(KnownScope.describe(Scope.USERS_BASIC)).startsWith("Your basic profile: eKool user id, ");
    }

    @Test
    void redirect_uris() {
        RedirectUri callback = RedirectUri.parse("https://my.application.com/oauth2/callback");
        assertThat(callback.matches("https://my.application.com/oauth2/callback/")).isFalse();
        RedirectUri.parse("http://127.0.0.1:8080/callback");
        assertThatThrownBy(() -> RedirectUri.parse("http://my.application.com/callback"))
                .isInstanceOfSatisfying(EkoolOAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
    }

    @Test
    void environments() {
        assertThat(EkoolEnvironment.PRODUCTION.authorizeUri()).isEqualTo(URI.create("https://login.ekool.eu/oauth/authorize"));
        assertThat(EkoolEnvironment.STAGING.tokenUri()).isEqualTo(URI.create("https://login.ekool.dev/oauth/token"));
        assertThat(EkoolEnvironment.custom("http://127.0.0.1:8080", "http://127.0.0.1:8080").userBasicUri())
                .isEqualTo(URI.create("http://127.0.0.1:8080/user/me/basic"));
    }

    @Test
    void personal_codes() {
        PersonalCode code = PersonalCode.parse("36805280109");
        assertThat(code.birthDate()).isEqualTo(LocalDate.of(1968, 5, 28));
        assertThat(code.sex()).isEqualTo(Sex.MALE);
        assertThat(code.masked()).isEqualTo("3*********9");

        assertThat(PersonalCode.generate(LocalDate.of(2010, 9, 1), Sex.FEMALE, 42).birthDate())
                .isEqualTo(LocalDate.of(2010, 9, 1));
        assertThat(PersonalCode.isValid(PersonalCode.generate(new SecureRandom()).value())).isTrue();
        assertThat(PersonalCode.isValid("36805280108")).isFalse();
        assertThat(PersonalCode.isValid("27202091200")).isTrue();
        assertThat(PersonalCode.isValid("21202091200")).isTrue();
    }

    @Test
    void asking_ekool_for_a_client() {
        RegistrationEmail mail = ClientRegistrationRequest.builder()
                .organisation("Tartu Example School")
                .responsiblePerson("Mari", "Maasikas", "mari.maasikas@example.ee", "+372 5123 4567")
                .purpose("Sign-in with eKool for our school library app.")
                .redirectUri("https://library.example.ee/oauth2/callback")
                .build()
                .email();
        assertThat(mail.to()).isEqualTo("help@ekool.eu");
        assertThat(mail.subject()).isEqualTo("eKool API client request: Tartu Example School");
        assertThat(mail.body()).contains("- https://library.example.ee/oauth2/callback", "- users-basic");
    }

    @Test
    void the_mutation_testing_commands_name_a_profile_and_a_script_that_exist() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String guide = Files.readString(root.resolve("docs/core.md"));
        assertThat(guide).contains("./mvnw -B -ntp -Pmutation -pl ekool-core verify")
                .contains("java scripts/MutationScores.java ekool-core/target/pit-reports/mutations.xml");
        assertThat(Files.readString(root.resolve("ekool-core/pom.xml")))
                .contains("<id>mutation</id>").contains("<artifactId>pitest-maven</artifactId>");
        assertThat(Files.readString(root.resolve("pom.xml")))
                .contains("<mutationThreshold>95</mutationThreshold>").contains("<threads>2</threads>");
        assertThat(root.resolve("scripts/MutationScores.java")).isRegularFile();
    }
}
