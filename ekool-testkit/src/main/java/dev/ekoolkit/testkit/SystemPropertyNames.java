package dev.ekoolkit.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names under which {@link EkoolMockExtension} exports the mock's settings as system properties; a
 * {@code null} name leaves that setting out. The defaults are {@code ekool.login-url}, {@code ekool.api-url},
 * {@code ekool.client-id}, {@code ekool.client-secret} and {@code ekool.redirect-uri}.
 *
 * <pre>{@code
 * SystemPropertyNames names = SystemPropertyNames.withPrefix("app.ekool.");   // app.ekool.login-url, ...
 * SystemPropertyNames spring = SystemPropertyNames.defaults()
 *         .withClientId("spring.security.oauth2.client.registration.ekool.client-id")
 *         .withClientSecret("spring.security.oauth2.client.registration.ekool.client-secret");
 * }</pre>
 *
 * @param loginUrl     the name for eKool's {@code login_url} (the mock's base URL)
 * @param apiUrl       the name for eKool's {@code api_url} (the same origin on the mock)
 * @param clientId     the name for the default client's {@code client_id}
 * @param clientSecret the name for the default client's {@code client_secret}
 * @param redirectUri  the name for the default client's first registered redirect URI
 */
public record SystemPropertyNames(String loginUrl, String apiUrl, String clientId, String clientSecret,
                                  String redirectUri) {

    private static final SystemPropertyNames DEFAULTS = withPrefix("ekool.");

    /**
     * Rejects blank names and a name used twice.
     *
     * @param loginUrl the name for eKool's {@code login_url}, or {@code null} to leave it out
     * @param apiUrl the name for eKool's {@code api_url}, or {@code null} to leave it out
     * @param clientId the name for the default client's {@code client_id}, or {@code null} to leave it out
     * @param clientSecret the name for the default client's {@code client_secret}, or {@code null} to leave it out
     * @param redirectUri the name for the default client's first redirect URI, or {@code null} to leave it out
     * @throws IllegalArgumentException naming the component that is wrong
     */
    public SystemPropertyNames {
        check("loginUrl", loginUrl);
        check("apiUrl", apiUrl);
        check("clientId", clientId);
        check("clientSecret", clientSecret);
        check("redirectUri", redirectUri);
        Map<String, String> seen = new LinkedHashMap<>();
        String[][] all = {{"loginUrl", loginUrl}, {"apiUrl", apiUrl}, {"clientId", clientId},
                {"clientSecret", clientSecret}, {"redirectUri", redirectUri}};
        for (String[] entry : all) {
            if (entry[1] != null) {
                String previous = seen.put(entry[1], entry[0]);
                if (previous != null) {
                    throw new IllegalArgumentException(entry[0] + " must differ from " + previous
                            + "; both are the system property '" + entry[1] + "'");
                }
            }
        }
    }

    /**
     * {@code ekool.login-url}, {@code ekool.api-url}, {@code ekool.client-id}, {@code ekool.client-secret}, {@code ekool.redirect-uri}.
     *
     * @return the default names, all under {@code ekool.}
     */
    public static SystemPropertyNames defaults() {
        return DEFAULTS;
    }

    /**
     * The default suffixes ({@code login-url}, {@code api-url}, {@code client-id}, ...) after {@code prefix}.
     *
     * @param prefix the prefix, such as {@code myapp.ekool.}, put verbatim before each suffix
     * @return names made of {@code prefix} and the default suffixes
     */
    public static SystemPropertyNames withPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null; use \"\" for none");
        }
        return new SystemPropertyNames(prefix + "login-url", prefix + "api-url", prefix + "client-id",
                prefix + "client-secret", prefix + "redirect-uri");
    }

    /**
     * These names with another name for the {@code login_url}, or {@code null} to leave it out.
     *
     * @param name the property name for the {@code login_url}, or {@code null} to leave it out
     * @return a copy with that name; this instance is unchanged
     */
    public SystemPropertyNames withLoginUrl(String name) {
        return new SystemPropertyNames(name, apiUrl, clientId, clientSecret, redirectUri);
    }

    /**
     * These names with another name for the {@code api_url}, or {@code null} to leave it out.
     *
     * @param name the property name for the {@code api_url}, or {@code null} to leave it out
     * @return a copy with that name; this instance is unchanged
     */
    public SystemPropertyNames withApiUrl(String name) {
        return new SystemPropertyNames(loginUrl, name, clientId, clientSecret, redirectUri);
    }

    /**
     * These names with another name for the client id, or {@code null} to leave it out.
     *
     * @param name the property name for the client id, or {@code null} to leave it out
     * @return a copy with that name; this instance is unchanged
     */
    public SystemPropertyNames withClientId(String name) {
        return new SystemPropertyNames(loginUrl, apiUrl, name, clientSecret, redirectUri);
    }

    /**
     * These names with another name for the client secret, or {@code null} to leave it out.
     *
     * @param name the property name for the client secret, or {@code null} to leave it out
     * @return a copy with that name; this instance is unchanged
     */
    public SystemPropertyNames withClientSecret(String name) {
        return new SystemPropertyNames(loginUrl, apiUrl, clientId, name, redirectUri);
    }

    /**
     * These names with another name for the redirect URI, or {@code null} to leave it out.
     *
     * @param name the property name for the redirect URI, or {@code null} to leave it out
     * @return a copy with that name; this instance is unchanged
     */
    public SystemPropertyNames withRedirectUri(String name) {
        return new SystemPropertyNames(loginUrl, apiUrl, clientId, clientSecret, name);
    }

    /**
     * The given values under these names, in the order login URL, API URL, client id, client secret, redirect
     * URI, leaving out settings whose name is {@code null}.
     */
    Map<String, String> apply(String loginUrlValue, String apiUrlValue, String clientIdValue, String clientSecretValue,
                              String redirectUriValue) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, loginUrl, loginUrlValue);
        put(out, apiUrl, apiUrlValue);
        put(out, clientId, clientIdValue);
        put(out, clientSecret, clientSecretValue);
        put(out, redirectUri, redirectUriValue);
        return out;
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (name != null && value != null) {
            out.put(name, value);
        }
    }

    private static void check(String component, String name) {
        if (name != null && (name.isBlank() || !name.strip().equals(name))) {
            throw new IllegalArgumentException(component + " must be a system property name without surrounding "
                    + "whitespace, or null to leave it out; got '" + name + "'");
        }
    }
}
