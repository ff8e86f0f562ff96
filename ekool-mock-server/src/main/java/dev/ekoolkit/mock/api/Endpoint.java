package dev.ekoolkit.mock.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The mock's HTTP endpoints that are recorded in the request journal and can be given faults. */
public enum Endpoint {
    /** {@code GET /oauth/authorize}, the authorization endpoint (RFC 6749 §3.1). */
    AUTHORIZE("GET", "/oauth/authorize"),
    /** {@code POST /oauth/login} and {@code /oauth/login/confirm}, the login forms' targets (the mock's own). */
    LOGIN("POST", "/oauth/login"),
    /** {@code POST /oauth/consent}, the consent decision (approve or deny; the mock's own). */
    CONSENT("POST", "/oauth/consent"),
    /** {@code POST /oauth/token}, the token endpoint (RFC 6749 §3.2). */
    TOKEN("POST", "/oauth/token"),
    /** {@code GET /user/me/basic}, eKool's {@code users-basic} profile resource. */
    USER_BASIC("GET", "/user/me/basic"),
    /** {@code GET /oauth/jwks.json}, the public JWK set (RFC 7517; mock-only). */
    JWKS("GET", "/oauth/jwks.json"),
    /** {@code GET /.well-known/oauth-authorization-server}, server metadata (RFC 8414; mock-only). */
    METADATA("GET", "/.well-known/oauth-authorization-server"),
    /** {@code GET /health}, the health check (mock-only). */
    HEALTH("GET", "/health");

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /**
     * The main HTTP method, such as {@code POST}.
     *
     * @return the HTTP method, upper case
     */
    public String method() {
        return method;
    }

    /**
     * The path, such as {@code /oauth/token}.
     *
     * @return the path, starting with {@code /}
     */
    public String path() {
        return path;
    }

    /**
     * The lower-case name used by the admin API, such as {@code user_basic}.
     *
     * @return the admin API name, lower case
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The endpoint for an admin API name ({@code token}, {@code user_basic}, ...) or a path, ignoring case.
     *
     * @param nameOrPath an admin API name or a path, in any case
     * @return the endpoint, or empty when none matches
     */
    public static Optional<Endpoint> find(String nameOrPath) {
        if (nameOrPath == null) {
            return Optional.empty();
        }
        String n = nameOrPath.trim().replace('-', '_');
        return Arrays.stream(values())
                .filter(e -> e.name().equalsIgnoreCase(n) || e.path.equals(nameOrPath))
                .findFirst();
    }

    /**
     * The endpoint whose path is {@code path}, if any.
     *
     * @param path a request path, such as {@code /oauth/token}
     * @return the endpoint, or empty when no endpoint has this path
     */
    public static Optional<Endpoint> forPath(String path) {
        return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst();
    }
}
