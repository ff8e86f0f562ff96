package dev.ekoolkit.mock.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekoolkit.mock.config.MockConfig;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every answer of the mock must follow, whatever it was sent: no 5xx; an error in the endpoint's
 * own format (JSON {@code error}/{@code error_description}, a redirect to a registered redirect URI, or an
 * HTML page with the page security headers); no stack trace; no injected header; no reflected markup.
 * Each check returns a description of the first violation, or {@code null}.
 */
final class Answers {

    /** How an endpoint is expected to answer. */
    enum Style {
        /** JSON errors (token, metadata, JWKS, health, admin). */
        JSON,
        /** JSON errors plus a Bearer challenge on 401 (RFC 6750 section 3). */
        RESOURCE,
        /** The authorization endpoint: a login page, a redirect to a registered URI, or an HTML error page. */
        AUTHORIZE,
        /** The login and consent forms: a page, a 303 to a registered URI, or an HTML error page. */
        FORM
    }

    /** The marker every injected piece of markup carries, so reflection can be spotted. */
    static final String MARKER = "ek~fz"; // '~' keeps it out of random base64url text such as CSP nonces

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK = Pattern.compile(
            "(\\bat [a-z][\\w$]*\\.[a-z][\\w$]*\\.[\\w$.]+\\(|Caused by:|java\\.lang\\.|java\\.io\\.|org\\.eclipse\\.jetty|io\\.javalin\\.|com\\.fasterxml|dev\\.ekoolkit\\.)");
    private static final Set<String> HEADERS = Set.of("date", "content-type", "content-length", "cache-control",
            "pragma", "x-content-type-options", "x-frame-options", "content-security-policy", "referrer-policy",
            "location", "set-cookie", "www-authenticate", "allow", "connection", "transfer-encoding", "vary");
    private static final List<String> REDIRECTS = List.of(MockConfig.DEMO_REDIRECT_URI + "?",
            MockConfig.DEMO_REDIRECT_URI_IPV4 + "?");
    private static final String REFUSED = "refused before reaching an endpoint";
    private static final Set<Integer> PROTOCOL_LEVEL = Set.of(400, 414, 431);

    private Answers() {
    }

    /** The first rule {@code r} breaks for an endpoint of {@code style}, or {@code null}. */
    static String violation(Style style, RawHttp.Response r, boolean mustFail, Set<Integer> expectedStatuses) {
        int status = r.status();
        if (status >= 500) {
            return "a " + status + " answer";
        }
        if (!expectedStatuses.isEmpty() && !expectedStatuses.contains(status)) {
            return "status " + status + " instead of one of " + expectedStatuses;
        }
        if (mustFail && status < 300) {
            return "status " + status + " for a request that must be refused";
        }
        String headerProblem = headers(r);
        if (headerProblem != null) {
            return headerProblem;
        }
        String body = r.bodyText();
        if (body.contains(REFUSED) && !r.header("Connection").equalsIgnoreCase("close")) {
            return "a refusal before routing that keeps the connection open (its unread body would be the next request)";
        }
        if (STACK.matcher(body).find()) {
            return "a stack trace or class name in the body";
        }
        if (status == 204) {
            return r.body().length == 0 ? null : "a 204 with a body";
        }
        String type = r.header("Content-Type").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html")) {
            String html = html(r, body);
            if (html != null) {
                return html;
            }
        }
        boolean json = type.startsWith("application/json") || type.startsWith("application/jwk-set+json");
        if (json) {
            String j = json(r, body, status >= 400);
            if (j != null) {
                return j;
            }
        }
        if (status == 404 || status == 405) {
            return json ? null : "a " + status + " that is not the JSON error";
        }
        if (PROTOCOL_LEVEL.contains(status) && json && body.contains(REFUSED)) {
            return null; // refused by the HTTP parser before the path was known; JSON checked above
        }
        return switch (style) {
            case JSON -> status < 300 || status >= 400 ? (json ? null : "not JSON: " + type) : "a redirect from a JSON endpoint";
            case RESOURCE -> !json ? "not JSON: " + type
                    : status == 401 && !r.header("WWW-Authenticate").startsWith("Bearer") ? "a 401 without a Bearer challenge" : null;
            case AUTHORIZE -> page(r, type, 302);
            case FORM -> page(r, type, 303);
        };
    }

    private static String page(RawHttp.Response r, String type, int redirectStatus) {
        int status = r.status();
        if (status == redirectStatus) {
            return null; // Location checked by headers()
        }
        if (status >= 300 && status < 400) {
            return "redirect status " + status + " instead of " + redirectStatus;
        }
        if (!type.startsWith("text/html")) {
            return "a page answer that is not HTML: " + type;
        }
        if (status >= 400 && !r.header("Location").isEmpty()) {
            return "an error page with a Location header";
        }
        return null;
    }

    private static String headers(RawHttp.Response r) {
        for (String[] h : r.headerList()) {
            String name = h[0].toLowerCase(Locale.ROOT);
            String value = h[1];
            if (!HEADERS.contains(name)) {
                return "an unexpected (injected?) header " + h[0];
            }
            if (name.equals("location")) {
                if (REDIRECTS.stream().noneMatch(value::startsWith)) {
                    return "a redirect to an unregistered place: " + value;
                }
                if (!value.contains("code=") && !value.contains("error=")) {
                    return "a redirect with neither code nor error: " + value;
                }
                for (char c : value.toCharArray()) {
                    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c > 0x7e) {
                        return "an unencoded character " + (int) c + " in Location";
                    }
                }
            } else if (value.toLowerCase(Locale.ROOT).contains(MARKER)) {
                return "input reflected in the header " + h[0];
            }
            if (name.equals("set-cookie") && !value.startsWith("ekool_mock_browser=")) {
                return "an unexpected cookie: " + value;
            }
        }
        if (r.status() == 302 || r.status() == 303) {
            return r.header("Location").isEmpty() ? "a redirect without Location" : null;
        }
        return null;
    }

    private static String html(RawHttp.Response r, String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.contains("<" + MARKER) || lower.contains(MARKER + "=\"") || lower.contains("'" + MARKER)
                || lower.contains("\"" + MARKER)) {
            return "unescaped input reflected in HTML";
        }
        if (!r.header("X-Frame-Options").equals("DENY") || !r.header("Content-Security-Policy").contains("frame-ancestors 'none'")) {
            return "an HTML page without the anti-framing headers";
        }
        if (!r.header("X-Content-Type-Options").equals("nosniff")) {
            return "an HTML page without nosniff";
        }
        return null;
    }

    private static String json(RawHttp.Response r, String body, boolean error) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            return "a JSON content type with a body that is not JSON";
        }
        if (n == null) {
            return "an empty JSON body";
        }
        if (!r.header("X-Content-Type-Options").equals("nosniff")) {
            return "JSON without nosniff";
        }
        if (error && (!n.path("error").isTextual() || !n.path("error_description").isTextual()
                || n.path("error_description").asText().isBlank())) {
            return "a JSON error without error and error_description";
        }
        return null;
    }
}
