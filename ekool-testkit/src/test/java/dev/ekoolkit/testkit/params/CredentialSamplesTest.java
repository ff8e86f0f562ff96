package dev.ekoolkit.testkit.params;

import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.credentials.ClientSecret;
import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.CredentialFormatException;
import dev.ekoolkit.core.credentials.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The argument sources, used as an application would: against ekool-core's own parsing. */
class CredentialSamplesTest {

    @ParameterizedTest
    @ValidClientIds
    void ekool_core_accepts_every_valid_client_id(String clientId) {
        assertThat(ClientId.parse(clientId).value()).isEqualTo(clientId);
    }

    @ParameterizedTest
    @ValidClientSecrets
    void ekool_core_accepts_every_valid_client_secret(String clientSecret) {
        assertThat(ClientSecret.parse(clientSecret).matches(clientSecret)).isTrue();
    }

    @ParameterizedTest
    @ValidClientCredentials
    void ekool_core_accepts_every_valid_pair(String clientId, String clientSecret) {
        assertThat(ClientCredentials.parse(clientId, clientSecret).clientId().value()).isEqualTo(clientId);
    }

    @ParameterizedTest
    @MalformedClientIds
    void ekool_core_rejects_every_malformed_client_id_with_the_paired_violation(String clientId, Violation expected) {
        CredentialFormatException e = catchThrowableOfType(CredentialFormatException.class, () -> ClientId.parse(clientId));

        assertThat(e.violations()).containsExactly(expected);
        assertThat(expected.field()).isEqualTo("client_id");
    }

    @ParameterizedTest
    @MalformedClientSecrets
    void ekool_core_rejects_every_malformed_client_secret_with_the_paired_violation(String secret, Violation expected) {
        CredentialFormatException e = catchThrowableOfType(CredentialFormatException.class, () -> ClientSecret.parse(secret));

        assertThat(e.violations()).containsExactly(expected);
        assertThat(expected.field()).isEqualTo("client_secret");
    }

    @ParameterizedTest
    @MalformedClientIds
    void a_test_may_take_only_the_value(String clientId) {
        assertThat(CredentialFormat.checkClientId(clientId)).hasSize(1);
    }

    @Test
    void every_rule_is_covered_for_both_fields() {
        assertThat(CredentialSamples.malformedClientIds()).extracting(s -> s.violation().rule())
                .contains(Violation.Rule.values());
        assertThat(CredentialSamples.malformedClientSecrets()).extracting(s -> s.violation().rule())
                .contains(Violation.Rule.values());
    }

    @Test
    void every_sample_has_its_own_label() {
        assertThat(CredentialSamples.malformedClientIds()).extracting(MalformedCredential::label).doesNotHaveDuplicates();
        assertThat(CredentialSamples.malformedClientSecrets()).extracting(MalformedCredential::label).doesNotHaveDuplicates();
    }

    @Test
    void no_secret_sample_message_shows_a_character_of_the_secret() {
        assertThat(CredentialSamples.malformedClientSecrets()).extracting(s -> s.violation().message())
                .noneMatch(m -> m.contains("'") || m.contains("U+00E4") || m.contains("U+FF10"));
    }

    @Test
    void a_sample_names_what_is_wrong_not_its_value() {
        MalformedCredential sample = CredentialSamples.malformedClientSecrets().get(3);

        assertThat(sample.toString()).isEqualTo("39 characters (client_secret LENGTH)");
    }
}
