package example.app;

import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockTest;
import dev.ekoolkit.testkit.spring.EkoolSpringLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

import static org.assertj.core.api.Assertions.assertThat;

// readme-example:start
@EkoolMockTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MariSignsInTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void mari_signs_in(EkoolMock ekool) throws Exception {
        URI app = URI.create("http://localhost:" + port + "/");
        HttpClient browser = EkoolSpringLogin.httpClient(app, ekool, "mari");
        String home = browser.send(HttpRequest.newBuilder(app).build(), BodyHandlers.ofString()).body();
        assertThat(home).contains("Signed in as Mari Maasikas (eKool id 100001), roles: student");
    }
}
// readme-example:end
