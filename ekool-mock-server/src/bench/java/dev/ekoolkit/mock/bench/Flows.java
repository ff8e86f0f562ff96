package dev.ekoolkit.mock.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The OAuth exchanges the benchmark drives against the mock and its peers, each one checked (status and the field it
 * needs) so that a fast error can never pass for a fast answer.
 */
final class Flows {

    /**
     * Which server's requests to send. Each one's paths, parameters and checks are described in
     * docs/performance.md ("The peers").
     */
    enum Dialect {
        /** This mock: {@code /oauth/authorize}, {@code /oauth/token} (client_secret_post), {@code /user/me/basic}. */
        EKOOL,
        /**
         * navikt's mock-oauth2-server: issuer {@code /default}; {@code /default/authorize} (OpenID: scope
         * {@code openid}), {@code /default/token} (client_secret_post, any secret), {@code /default/userinfo}
         * (checks the token's signature and issuer).
         */
        NAVIKT,
        /** axa's oauth2-mock-server: {@code /authorize}, {@code /token}, {@code /userinfo} (checks no token). */
        AXA
    }

    /** Where the server is and who the benchmark logs in as; for this mock, read from the lines {@code serve} prints. */
    record Target(Dialect dialect, String host, int port, String loginPath, String apiPath, String clientId,
                  String clientSecret, String redirectUri) {

        static Target of(String loginUrl, String apiUrl, String clientId, String clientSecret, String redirectUri) {
            URI login = URI.create(loginUrl);
            URI api = URI.create(apiUrl == null ? loginUrl : apiUrl);
            return new Target(Dialect.EKOOL, login.getHost(), login.getPort(), trim(login.getPath()),
                    trim(api.getPath()), clientId, clientSecret, redirectUri);
        }

        /** A peer on 127.0.0.1 with its endpoints under {@code basePath}; the peers accept any client. */
        static Target peer(Dialect dialect, int port, String basePath) {
            return new Target(dialect, "127.0.0.1", port, basePath, basePath, "bench-client", "bench-secret",
                    "http://localhost:8080/callback");
        }

        private static String trim(String path) {
            return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
        }

        String encoded() {
            return String.join(",", dialect.name(), host, Integer.toString(port), loginPath, apiPath, clientId,
                    clientSecret, redirectUri);
        }

        static Target decode(String s) {
            String[] p = s.split(",", -1);
            return new Target(Dialect.valueOf(p[0]), p[1], Integer.parseInt(p[2]), p[3], p[4], p[5], p[6], p[7]);
        }
    }

    /** An access token and the refresh token that goes with it. */
    record Tokens(String access, String refresh) {
    }

    /** Thrown when an answer is not the expected success; counted as an error by the generator. */
    static final class Unexpected extends IOException {
        Unexpected(String what, Http.Response r) {
            super(what + ": HTTP " + r.status() + " " + abbreviate(r.body()));
        }

        private static String abbreviate(String s) {
            return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
        }
    }

    private final Target t;
    private final String authorizePrefix;
    private final String tokenPath;
    private final String userInfoPath;
    private final String userInfoField;
    private final String codeForm;
    private final String refreshForm;
    private long state;

    Flows(Target t) {
        this.t = t;
        String redirect = enc(t.redirectUri());
        boolean ekool = t.dialect() == Dialect.EKOOL;
        String oauth = ekool ? t.loginPath() + "/oauth" : t.loginPath();
        this.authorizePrefix = oauth + "/authorize?response_type=code&client_id=" + enc(t.clientId())
                + "&redirect_uri=" + redirect + "&scope=" + (ekool ? "users-basic" : "openid") + "&state=";
        this.tokenPath = oauth + "/token";
        this.userInfoPath = ekool ? t.apiPath() + "/user/me/basic" : t.apiPath() + "/userinfo";
        this.userInfoField = ekool ? "\"data\"" : "\"sub\"";
        String client = "&client_id=" + enc(t.clientId()) + "&client_secret=" + enc(t.clientSecret());
        this.codeForm = "&redirect_uri=" + redirect + client;
        this.refreshForm = client;
    }

    /** A new client of the given driver for this target. */
    Http connect(Http.Driver driver) {
        return Http.open(driver, t.host(), t.port());
    }

    /** A new raw-socket client for this target. */
    HttpConnection connect() {
        return new HttpConnection(t.host(), t.port());
    }

    /** Authorize with auto-login (302 with a code), then the authorization-code grant. Two requests. */
    Tokens login(Http c) throws IOException {
        String code = authorize(c);
        return tokens(c.postForm(tokenPath, "grant_type=authorization_code&code=" + enc(code) + codeForm), "code grant");
    }

    /** The authorize request alone; answers the code. */
    String authorize(Http c) throws IOException {
        String st = Long.toString(++state);
        Http.Response r = c.get(authorizePrefix + st, null);
        String loc = r.location();
        if (r.status() != 302 || loc == null) {
            throw new Unexpected("authorize", r);
        }
        String code = query(loc, "code");
        if (code == null || !st.equals(query(loc, "state"))) {
            throw new Unexpected("authorize redirect without code/state (" + loc.replaceAll("code=[^&]*", "code=…")
                    + ")", r);
        }
        return code;
    }

    /** The rotating refresh-token grant; answers the new pair (the old refresh token is dead now). */
    Tokens refresh(Http c, String refreshToken) throws IOException {
        return tokens(c.postForm(tokenPath, "grant_type=refresh_token&refresh_token=" + enc(refreshToken)
                + refreshForm), "refresh grant");
    }

    /**
     * The user-info endpoint with the access token: {@code /user/me/basic} (a {@code data} object) for this
     * mock, {@code /userinfo} (a {@code sub} claim) for the peers.
     */
    void basic(Http c, String accessToken) throws IOException {
        Http.Response r = c.get(userInfoPath, accessToken);
        if (r.status() != 200 || !r.body().contains(userInfoField)) {
            throw new Unexpected(t.dialect() == Dialect.EKOOL ? "user/me/basic" : "userinfo", r);
        }
    }

    private static Tokens tokens(Http.Response r, String what) throws IOException {
        String access = r.status() == 200 ? jsonString(r.body(), "access_token") : null;
        String refresh = r.status() == 200 ? jsonString(r.body(), "refresh_token") : null;
        if (access == null || refresh == null) {
            throw new Unexpected(what, r);
        }
        return new Tokens(access, refresh);
    }

    /** The value of a top-level string field of a small JSON object (tokens hold no escapes). */
    static String jsonString(String json, String field) {
        int k = json.indexOf("\"" + field + "\"");
        if (k < 0) {
            return null;
        }
        int colon = json.indexOf(':', k + field.length() + 2);
        int open = colon < 0 ? -1 : json.indexOf('"', colon + 1);
        int close = open < 0 ? -1 : json.indexOf('"', open + 1);
        return close < 0 ? null : json.substring(open + 1, close);
    }

    private static String query(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
