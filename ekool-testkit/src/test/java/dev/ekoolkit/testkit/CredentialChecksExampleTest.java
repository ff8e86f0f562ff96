package dev.ekoolkit.testkit;

import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.Violation;
import dev.ekoolkit.testkit.params.MalformedClientSecrets;
import dev.ekoolkit.testkit.params.ValidClientCredentials;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The argument-source example of docs/testkit.md: an application's own configuration check ({@link MyConfig}, which
 * refuses credentials the way ekool-core words it) driven by the testkit's credential samples.
 */
class CredentialChecksExampleTest {

    private static final String VALID_ID = "SchoolLibraryApp0000000000000001";

    // params-example:start
    @ParameterizedTest
    @MalformedClientSecrets
    void refuses_a_malformed_secret_as_ekool_core_does(String secret, Violation expected) {
        assertThatThrownBy(() -> MyConfig.load(VALID_ID, secret)).hasMessageContaining(expected.message());
    }

    @ParameterizedTest
    @ValidClientCredentials
    void accepts_well_formed_credentials(String clientId, String clientSecret) {
        assertThat(MyConfig.load(clientId, clientSecret).clientId()).isEqualTo(clientId);
    }
    // params-example:end

    /** What an application's configuration class might do with the credentials it is given. */
    record MyConfig(String clientId, String clientSecret) {
        static MyConfig load(String clientId, String clientSecret) {
            List<Violation> violations = CredentialFormat.check(clientId, clientSecret);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("ekool credentials are invalid: "
                        + violations.stream().map(Violation::message).toList());
            }
            return new MyConfig(clientId, clientSecret);
        }

        @Override
        public String toString() {
            return "MyConfig[clientId=" + clientId + ", clientSecret=(" + clientSecret.length() + " characters)]";
        }
    }
}
