package dev.ekoolkit.core.environment;

import java.net.URI;
import java.util.Objects;

/**
 * Where an eKool deployment lives: its {@code login_url} (the OAuth authorization server, serving
 * {@code /oauth/authorize} and {@code /oauth/token}) and its {@code api_url} (the resource API, serving
 * {@code /user/me/basic}). Values for production and staging come from eKool's public Postman collection.
 *
 * <pre>{@code
 * EkoolEnvironment env = EkoolEnvironment.custom(mock.loginUrl(), mock.apiUrl());
 * URI authorize = env.authorizeUri();
 * }</pre>
 *
 * @param name     a short name for messages, such as {@code production}
 * @param loginUrl the authorization server's base URL, without a trailing slash
 * @param apiUrl   the resource API's base URL, without a trailing slash
 */
public record EkoolEnvironment(String name, URI loginUrl, URI apiUrl) {

    /** eKool production: {@code https://login.ekool.eu} and {@code https://api-v2.ekool.eu}. */
    public static final EkoolEnvironment PRODUCTION =
            new EkoolEnvironment("production", URI.create("https://login.ekool.eu"), URI.create("https://api-v2.ekool.eu"));

    /** eKool staging: {@code https://login.ekool.dev} and {@code https://api-v2.ekool.dev}. */
    public static final EkoolEnvironment STAGING =
            new EkoolEnvironment("staging", URI.create("https://login.ekool.dev"), URI.create("https://api-v2.ekool.dev"));

    /**
     * Requires absolute http(s) URLs without query or fragment and removes one trailing slash.
     *
     * @param name a short name for messages, such as {@code production}
     * @param loginUrl the authorization server's base URL, without a trailing slash
     * @param apiUrl the resource API's base URL, without a trailing slash
     * @throws IllegalArgumentException naming the URL that is wrong and why
     */
    public EkoolEnvironment {
        Objects.requireNonNull(name, "name");
        loginUrl = base("loginUrl", loginUrl);
        apiUrl = base("apiUrl", apiUrl);
    }

    /**
     * A custom deployment, such as the mock server; {@code loginUrl} and {@code apiUrl} may be equal.
     *
     * @param loginUrl the authorization server's base URL, without a trailing slash
     * @param apiUrl the resource API's base URL, without a trailing slash
     * @return a custom deployment, such as the mock server; {@code loginUrl} and {@code apiUrl} may be equal
     */
    public static EkoolEnvironment custom(URI loginUrl, URI apiUrl) {
        return new EkoolEnvironment("custom", loginUrl, apiUrl);
    }

    /**
     * A custom deployment from URL strings.
     *
     * @param loginUrl the authorization server's base URL, without a trailing slash
     * @param apiUrl the resource API's base URL, without a trailing slash
     * @return a custom deployment from URL strings
     */
    public static EkoolEnvironment custom(String loginUrl, String apiUrl) {
        return custom(URI.create(loginUrl), URI.create(apiUrl));
    }

    /**
     * {@code <login_url>/oauth/authorize}, the authorization endpoint (RFC 6749 §3.1).
     *
     * @return {@code <login_url>/oauth/authorize}, the authorization endpoint (RFC 6749 §3.1)
     */
    public URI authorizeUri() {
        return URI.create(loginUrl + "/oauth/authorize");
    }

    /**
     * {@code <login_url>/oauth/token}, the token endpoint (RFC 6749 §3.2).
     *
     * @return {@code <login_url>/oauth/token}, the token endpoint (RFC 6749 §3.2)
     */
    public URI tokenUri() {
        return URI.create(loginUrl + "/oauth/token");
    }

    /**
     * {@code <api_url>/user/me/basic}, the {@code users-basic} profile resource.
     *
     * @return {@code <api_url>/user/me/basic}, the {@code users-basic} profile resource
     */
    public URI userBasicUri() {
        return URI.create(apiUrl + "/user/me/basic");
    }

    private static URI base(String field, URI url) {
        Objects.requireNonNull(url, field);
        String scheme = url.getScheme();
        if (!url.isAbsolute() || url.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(field + " must be an absolute http or https URL with a host; got '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(field + " must not have a query or fragment; got '" + url + "'");
        }
        String s = url.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : url;
    }
}
