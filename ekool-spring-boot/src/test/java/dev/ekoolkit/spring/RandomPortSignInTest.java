package dev.ekoolkit.spring;

import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockTest;
import dev.ekoolkit.testkit.spring.EkoolSpringLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@EkoolMockTest
@SpringBootTest(classes = SignInApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RandomPortSignInTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void jaan_signs_in_over_real_http_as_a_teacher(EkoolMock ekool) throws Exception {
        URI app = URI.create("http://localhost:" + port);
        HttpClient browser = EkoolSpringLogin.httpClient(app, ekool, "jaan");
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(app.resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.body()).isEqualTo("100003 Jaan Tamm [ROLE_TEACHER, SCOPE_users-basic]");
    }

    @Test
    void a_second_test_starts_with_a_reset_mock_that_still_knows_the_redirect_uri(EkoolMock ekool) {
        assertThat(ekool.requests()).isEmpty();
        assertThat(ekool.defaultClient().redirectUris()).extracting(Object::toString)
                .contains("http://localhost:" + port + "/login/oauth2/code/ekool");
    }
}
