package dev.ekoolkit.mock.security;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.security.BadRequests.Req;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input on the admin API (issue 6, item 1): JSON bodies with wrong types, unknown fields, deep
 * nesting, huge numbers, invalid UTF-8 and truncation; forms where JSON is expected; oversized bodies and
 * headers; wrong methods; malformed path parameters. Every answer is the JSON error (or a 2xx for input that
 * happens to be valid), and afterwards the server still runs a whole flow.
 */
class AdminBadInputTest {

    private static final List<String> PATHS = List.of("/__admin/clients", "/__admin/users", "/__admin/login-as",
            "/__admin/auto-login", "/__admin/faults", "/__admin/tokens", "/__admin/clock");
    private static final List<String> FIELDS = List.of("organisation", "first_name", "surname", "email_address", "phone",
            "purpose", "redirect_uri", "redirect_uris", "scopes", "client_id", "client_secret", "name", "grants", "id",
            "username", "password", "last_name", "email", "personal_code", "roles", "child_ids", "user", "endpoint",
            "error", "error_description", "status", "times", "delay_ms", "advance");

    private static EkoolMockServer server;
    private static RawHttp http;
    private static BadRequests gen;

    @BeforeAll
    static void start() {
        server = EkoolMockServer.builder().build().start();
        http = new RawHttp("127.0.0.1", server.port(), 10_000);
        gen = new BadRequests(Fuzzing.SEED + 1);
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @Test
    void the_admin_api_answers_every_bad_request_with_a_json_error_and_the_server_keeps_working() {
        Random rnd = gen.random();
        Fuzzing.run("admin", http, Answers.Style.JSON, 2 * Fuzzing.CASES, () -> {
            Req r;
            int kind = rnd.nextInt(10);
            if (kind < 6) {
                r = new Req("POST", gen.pick(PATHS));
                r.contentType = "application/json";
                r.rawBody = json(rnd).getBytes(StandardCharsets.UTF_8);
                r.kinds.add("json");
                if (rnd.nextInt(4) == 0) {
                    byte[] b = r.rawBody;
                    int cut = rnd.nextInt(b.length + 1);
                    r.rawBody = java.util.Arrays.copyOf(b, cut);
                    r.kinds.add("truncated");
                }
            } else if (kind == 6) {
                r = new Req(gen.pick(new String[] {"DELETE", "GET", "POST", "PUT"}), "/__admin/clients/"
                        + gen.pick(new String[] {"", "%ZZ", "%FF", "x".repeat(300), "..", "%2e%2e%2f", "<" + Answers.MARKER + ">",
                        "demoEkoolMockClientId0000000000%30", BadRequests.enc(gen.value())}));
                r.kinds.add("path-param");
            } else if (kind == 7) {
                r = new Req(gen.pick(new String[] {"GET", "DELETE", "POST"}), gen.pick(List.of("/__admin", "/__admin/requests",
                        "/__admin/faults", "/__admin/reset-x", "/__admin/", "/__admin/clients/x/y")));
                r.kinds.add("method-or-path");
            } else {
                r = new Req("POST", gen.pick(PATHS));
                r.contentType = "application/json";
                r.rawBody = "{\"user\":\"mari\"}".getBytes(StandardCharsets.UTF_8);
                gen.mutate(r, false, true, FIELDS);
                // Admin bodies are JSON, not forms: a '%' is just a character, and a JSON body is the right one.
                r.mustFail = r.kinds.contains("content-type") && !"application/json".equals(r.contentType);
                if (r.kinds.contains("wrong-method")) {
                    r.expected.clear(); // another method may be a real admin route (DELETE /__admin/faults)
                }
            }
            if (r.path.equals("/__admin/reset-x")) {
                r.path = "/__admin/reset"; // keep resetting too, it must never break a running server
            }
            return r;
        });
        TestHttp.send(java.net.http.HttpRequest.newBuilder(server.url("/__admin/faults")).DELETE().build());
        server.reset();
        server.loginAs("mari");
        assertThat(Flows.exchange(server, Flows.code(server)).statusCode()).isEqualTo(200);
    }

    @Test
    void moving_the_clock_beyond_representable_dates_is_refused_and_the_server_keeps_answering() {
        for (String advance : List.of("P100000000D", "3000000000000s", "\\u0000", " ", "9223372036854775807d")) {
            RawHttp.Response r = http.send(admin("/__admin/clock", "{\"advance\":\"" + advance + "\"}"));

            assertThat(r.status()).as(advance).isEqualTo(400);
            assertThat(r.bodyText()).contains("invalid_request");
        }
        assertThat(TestHttp.get(server.url("/health")).statusCode()).isEqualTo(200);
        assertThat(http.send(admin("/__admin/reset", "")).status()).isEqualTo(204);
    }

    private static String admin(String path, String json) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + http.authority() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    /** A JSON object for an admin body: known and unknown fields with values of every type, sometimes hostile. */
    private static String json(Random rnd) {
        StringBuilder b = new StringBuilder("{");
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            String field = rnd.nextInt(5) == 0 ? gen.randomText(1 + rnd.nextInt(8), false).replace("\"", "").replace("\\", "")
                    : gen.pick(FIELDS);
            b.append('"').append(field).append("\":").append(value(rnd, 0));
        }
        String body = b.append('}').toString();
        return switch (rnd.nextInt(12)) {
            case 0 -> "[" + body + "]";
            case 1 -> "[".repeat(2_000 + rnd.nextInt(3_000)) + "]".repeat(10);
            case 2 -> "{\"a\":" + "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_501);
            case 3 -> body + body;
            case 4 -> "\"just a string\"";
            case 5 -> body.replace("\"", "'");
            default -> body;
        };
    }

    private static String value(Random rnd, int depth) {
        return switch (rnd.nextInt(depth > 2 ? 8 : 10)) {
            case 0 -> "null";
            case 1 -> String.valueOf(rnd.nextInt());
            case 2 -> "1" + "0".repeat(400);
            case 3 -> "-1.5e308";
            case 4 -> rnd.nextBoolean() ? "true" : "false";
            case 5 -> "\"" + gen.pick(new String[] {"mari", "token", "TOKEN", "users-basic", "PT5M", "-PT5M", "P9999999D",
                    "https://app.example/cb", "http://evil.example/#x", "", "\\u0000", "\\ud800", "<" + Answers.MARKER + ">",
                    "student", "teapot", "server_error", "9999999999"}) + "\"";
            case 6 -> "\"" + gen.randomText(rnd.nextInt(300), false).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 7 -> "\"" + "x".repeat(rnd.nextInt(20_000)) + "\"";
            case 8 -> "[" + value(rnd, depth + 1) + "," + value(rnd, depth + 1) + "]";
            default -> "{\"k\":" + value(rnd, depth + 1) + "}";
        };
    }
}
