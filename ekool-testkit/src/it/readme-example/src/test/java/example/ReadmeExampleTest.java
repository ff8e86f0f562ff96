package example;

import dev.ekoolkit.core.flow.EkoolOAuthClient;
import dev.ekoolkit.core.flow.EkoolUser;
import dev.ekoolkit.core.flow.PendingAuthorization;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockTest;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static dev.ekoolkit.testkit.EkoolAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

// readme-example:start
@EkoolMockTest(autoLogin = "mari")
class ReadmeExampleTest {
    @Test
    void mari_signs_in(EkoolMock ekool) {
        EkoolOAuthClient app = EkoolOAuthClient.builder().environment(ekool.environment())
                .credentials(ekool.client()).redirectUri(ekool.redirectUri()).build();
        PendingAuthorization login = app.startAuthorization();
        URI callback = ekool.followLogin(login.authorizationUri());   // what the browser does
        EkoolUser mari = app.fetchBasicProfile(app.completeAuthorization(login, callback));
        assertThat(mari.firstName()).isEqualTo("Mari");
        assertThat(ekool.takeRequest(Endpoint.TOKEN)).hasGrantType("authorization_code").usedPkce();
    }
}
// readme-example:end
