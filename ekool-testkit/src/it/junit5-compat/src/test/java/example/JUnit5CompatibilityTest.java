package example;

import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.credentials.CredentialFormatException;
import dev.ekoolkit.core.flow.EkoolOAuthClient;
import dev.ekoolkit.core.flow.EkoolUser;
import dev.ekoolkit.core.flow.PendingAuthorization;
import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockExtension;
import dev.ekoolkit.testkit.EkoolMockTest;
import dev.ekoolkit.testkit.params.MalformedClientIds;
import dev.ekoolkit.testkit.params.ValidClientCredentials;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The testkit's entry points, each used once, on JUnit Jupiter 5.14. */
class JUnit5CompatibilityTest {

    @Test
    void runs_on_junit_jupiter_5_14() {
        assertThat(Test.class.getPackage().getImplementationVersion()).startsWith("5.14.");
    }

    @Nested
    @EkoolMockTest(autoLogin = "mari")
    class WithTheAnnotation {
        @Test
        void mari_signs_in_through_the_mock(EkoolMock ekool) {
            EkoolOAuthClient app = EkoolOAuthClient.builder().environment(ekool.environment())
                    .credentials(ekool.client()).redirectUri(ekool.redirectUri()).build();
            PendingAuthorization login = app.startAuthorization();
            URI callback = ekool.followLogin(login.authorizationUri());

            EkoolUser mari = app.fetchBasicProfile(app.completeAuthorization(login, callback));

            assertThat(mari.firstName()).isEqualTo("Mari");
        }
    }

    @Nested
    class WithAStaticExtensionField {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().autoLogin("mari").build();

        @Test
        void the_mock_is_running_on_loopback() {
            assertThat(ekool.mock().loginUrl().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @ParameterizedTest
    @ValidClientCredentials
    void the_valid_credential_source_feeds_a_parameterized_test(String clientId, String clientSecret) {
        assertThat(clientId).hasSize(32);
        assertThat(clientSecret).hasSize(40);
    }

    @ParameterizedTest
    @MalformedClientIds
    void the_malformed_client_id_source_feeds_a_parameterized_test(String clientId) {
        assertThatThrownBy(() -> ClientId.parse(clientId)).isInstanceOf(CredentialFormatException.class);
    }
}
