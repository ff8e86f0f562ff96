package dev.ekoolkit.mock.admin;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the journal, {@code /__admin/requests}, error descriptions and pages show of a {@code client_id} that
 * is not registered (a secret pasted into the wrong field: only its length and kinds of characters) and of
 * secret parameters whatever the case of their names.
 */
class JournalMaskingTest {

    /** A client secret of the right shape, as someone might paste it into client_id. */
    private static final String PASTED_SECRET = "Qx7vR2mT9kLp4WzN8bYc3HdF6gJs1AeU5nVo0iKt";
    /** A well-formed client id that no client has. */
    private static final String UNKNOWN_ID = "Mk3pQ8zR1vX6wN2bT7yL4cF9hJ5sD0gA";

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    private static String adminRequests() {
        HttpResponse<String> r = TestHttp.get(server.url("/__admin/requests"));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void a_secret_pasted_as_client_id_at_authorize_is_recorded_and_served_only_masked() {
        HttpResponse<String> page = Flows.authorize(server, "client_id", PASTED_SECRET);

        RecordedRequest r = server.requests().get(0);
        String masked = "<unregistered client_id: 40 characters, letters and digits>";
        assertThat(r.clientId()).isEqualTo(masked);
        assertThat(r.param("client_id")).hasValue(masked);
        assertThat(adminRequests()).contains("40 characters, letters and digits").doesNotContain(PASTED_SECRET);
        assertThat(page.body()).doesNotContain(PASTED_SECRET);
    }

    @Test
    void an_unknown_well_formed_client_id_is_masked_in_the_error_page_and_the_journal() {
        HttpResponse<String> page = Flows.authorize(server, "client_id", UNKNOWN_ID);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("&lt;unregistered client_id: 32 characters, letters and digits&gt; is not a client"
                + " registered with this server").doesNotContain(UNKNOWN_ID);
        assertThat(server.requests().get(0).clientId()).isEqualTo("<unregistered client_id: 32 characters, letters and digits>");
        assertThat(adminRequests()).doesNotContain(UNKNOWN_ID);
    }

    @Test
    void a_registered_client_id_stays_readable() {
        Flows.authorize(server);

        assertThat(server.requests().get(0).clientId()).isEqualTo(MockConfig.DEMO_CLIENT_ID);
        assertThat(server.requests().get(0).param("client_id")).hasValue(MockConfig.DEMO_CLIENT_ID);
    }

    @Test
    void an_unknown_client_id_at_the_token_endpoint_is_masked_in_body_and_basic_header_alike() {
        Flows.exchange(server, "some-code", "client_id", PASTED_SECRET);
        TestHttp.postForm(server.tokenUrl(), TestHttp.form("grant_type", "client_credentials"),
                "Authorization", TestHttp.basic(UNKNOWN_ID, MockConfig.DEMO_CLIENT_SECRET));

        assertThat(server.requests().get(0).param("client_id"))
                .hasValue("<unregistered client_id: 40 characters, letters and digits>");
        assertThat(server.requests().get(1).clientId())
                .isEqualTo("<unregistered client_id: 32 characters, letters and digits>");
        assertThat(adminRequests()).doesNotContain(PASTED_SECRET).doesNotContain(UNKNOWN_ID);
    }

    @Test
    void secret_parameters_are_masked_whatever_the_case_of_their_names() {
        TestHttp.postForm(server.tokenUrl(), TestHttp.form("grant_type", "authorization_code", "Client_Secret", "s3cretMixed",
                "CLIENT_SECRET", "s3cretUpper", "CODE", "c0deUpper", "Refresh_Token", "r3fresh", "Code_Verifier", "v3rifier",
                "PASSWORD", "passw0rd", "Csrf_Token", "csrfT0ken", "client_id", MockConfig.DEMO_CLIENT_ID));

        RecordedRequest r = server.requests().get(0);
        for (String name : new String[] {"Client_Secret", "CLIENT_SECRET", "CODE", "Refresh_Token", "Code_Verifier",
                "PASSWORD", "Csrf_Token"}) {
            assertThat(r.param(name)).as(name).hasValue(RecordedRequest.MASK);
        }
        assertThat(adminRequests()).doesNotContain("s3cretMixed", "s3cretUpper", "c0deUpper", "r3fresh", "v3rifier",
                "passw0rd", "csrfT0ken");
    }

    @Test
    void the_admin_api_does_not_repeat_an_unknown_client_id_it_cannot_remove() {
        HttpResponse<String> r = TestHttp.send(HttpRequest.newBuilder(server.url("/__admin/clients/" + PASTED_SECRET))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").DELETE().build());

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no client has the id <unregistered client_id: 40 characters, letters and digits>")
                .doesNotContain(PASTED_SECRET);
    }
}
