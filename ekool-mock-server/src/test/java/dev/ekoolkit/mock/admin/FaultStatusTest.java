package dev.ekoolkit.mock.admin;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault statuses are limited to those HTTP can deliver as the fault says (no 1xx, no bodiless 204/304, errors as errors). */
class FaultStatusTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(s -> server = s);

    private static HttpResponse<String> queue(String json) {
        return TestHttp.postRaw(server.url("/__admin/faults"), "application/json", json);
    }

    @Test
    void an_http_status_fault_refuses_an_informational_status_naming_the_rule() {
        assertThatThrownBy(() -> Fault.httpStatus(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status must be an HTTP status from 200 to 599 other than 204 and 304")
                .hasMessageContaining("got 100");
    }

    @Test
    void an_http_status_fault_refuses_204_and_304_which_carry_no_body() {
        assertThatThrownBy(() -> Fault.httpStatus(204)).hasMessageContaining("other than 204 and 304").hasMessageContaining("got 204");
        assertThatThrownBy(() -> Fault.httpStatus(304)).hasMessageContaining("other than 204 and 304").hasMessageContaining("got 304");
    }

    @Test
    void an_http_status_fault_accepts_the_ends_of_its_range() {
        assertThat(Fault.httpStatus(200).status()).isEqualTo(200);
        assertThat(Fault.httpStatus(599).status()).isEqualTo(599);
        assertThatThrownBy(() -> Fault.httpStatus(600)).hasMessageContaining("got 600");
    }

    @Test
    void an_oauth_error_fault_refuses_a_success_status_naming_the_rule() {
        assertThatThrownBy(() -> Fault.oauthError("server_error", "x", 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status must be an HTTP status from 400 to 599 for an OAuth-error fault")
                .hasMessageContaining("got 200");
        assertThatThrownBy(() -> Fault.oauthError("server_error", "x", 399)).hasMessageContaining("got 399");
    }

    @Test
    void an_oauth_error_fault_accepts_the_ends_of_its_range() {
        assertThat(Fault.oauthError("invalid_request", "x", 400).status()).isEqualTo(400);
        assertThat(Fault.oauthError("server_error", "x", 599).status()).isEqualTo(599);
    }

    @Test
    void the_admin_api_refuses_an_informational_status_fault_with_400() {
        assertOAuthError(queue("{\"endpoint\":\"token\",\"status\":100}"), 400, "invalid_request", "200 to 599 other than 204 and 304");
    }

    @Test
    void the_admin_api_refuses_an_oauth_error_fault_with_a_success_status_with_400() {
        assertOAuthError(queue("{\"endpoint\":\"token\",\"error\":\"server_error\",\"status\":200}"), 400, "invalid_request",
                "400 to 599 for an OAuth-error fault");
    }

    @Test
    void the_admin_api_refuses_a_status_that_is_not_a_whole_number() {
        assertOAuthError(queue("{\"endpoint\":\"token\",\"status\":\"502\"}"), 400, "invalid_request",
                "status must be an HTTP status code (a whole number)");
    }

    @Test
    void a_refused_fault_is_not_queued() {
        queue("{\"endpoint\":\"health\",\"status\":204}");
        assertThat(TestHttp.get(server.url("/health")).statusCode()).isEqualTo(200);
    }
}
