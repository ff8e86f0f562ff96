package dev.ekoolkit.testkit.live;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.Violation;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Live mode: the settings that make the testkit point a test class at a real eKool server (staging) instead of
 * starting the mock. Read from environment variables, each of which can also be given as a JUnit configuration
 * parameter ({@code EKOOL_LIVE_CLIENT_ID} as {@code ekool.live.client-id}, and so on), which wins.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code EKOOL_LIVE_CLIENT_ID}</td><td>the 32-character client id eKool issued (setting any of the
 *       first three turns live mode on, and then all three are required)</td></tr>
 *   <tr><td>{@code EKOOL_LIVE_CLIENT_SECRET}</td><td>the 40-character client secret</td></tr>
 *   <tr><td>{@code EKOOL_LIVE_REDIRECT_URI}</td><td>a redirect URI registered for that client</td></tr>
 *   <tr><td>{@code EKOOL_LIVE_ENV}</td><td>{@code staging} (the default) or {@code custom}; production is
 *       refused, since tests must not log in to real schools</td></tr>
 *   <tr><td>{@code EKOOL_LIVE_LOGIN_URL}, {@code EKOOL_LIVE_API_URL}</td><td>the servers, for {@code custom}
 *       only</td></tr>
 * </table>
 *
 * @param environment the eKool servers to use
 * @param credentials the client's credentials (the secret is masked in {@code toString()})
 * @param redirectUri the redirect URI registered for the client
 */
public record LiveSettings(EkoolEnvironment environment, ClientCredentials credentials, RedirectUri redirectUri) {

    /** The client id variable. */
    public static final String CLIENT_ID = "EKOOL_LIVE_CLIENT_ID";
    /** The client secret variable. */
    public static final String CLIENT_SECRET = "EKOOL_LIVE_CLIENT_SECRET";
    /** The redirect URI variable. */
    public static final String REDIRECT_URI = "EKOOL_LIVE_REDIRECT_URI";
    /** The environment variable: {@code staging} (default) or {@code custom}. */
    public static final String ENV = "EKOOL_LIVE_ENV";
    /** The {@code login_url} variable, for {@code EKOOL_LIVE_ENV=custom}. */
    public static final String LOGIN_URL = "EKOOL_LIVE_LOGIN_URL";
    /** The {@code api_url} variable, for {@code EKOOL_LIVE_ENV=custom}. */
    public static final String API_URL = "EKOOL_LIVE_API_URL";

    private static final String PREFIX = "EKOOL_LIVE_";

    /**
     * Requires every component.
     *
     * @param environment the eKool servers to use, not {@code null}
     * @param credentials the client's credentials, not {@code null}
     * @param redirectUri the redirect URI registered for the client, not {@code null}
     */
    public LiveSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /**
     * The JUnit configuration parameter that can stand in for a variable: {@code EKOOL_LIVE_CLIENT_ID} becomes
     * {@code ekool.live.client-id}.
     *
     * @param variable an environment variable name, such as {@code EKOOL_LIVE_CLIENT_ID}
     * @return the matching JUnit configuration parameter name, such as {@code ekool.live.client-id}
     */
    public static String configurationParameter(String variable) {
        if (!variable.startsWith(PREFIX)) {
            throw new IllegalArgumentException("variable must start with " + PREFIX + "; got " + variable);
        }
        return "ekool.live." + variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The settings from the process environment, empty when live mode is off.
     *
     * @return the live settings, or empty when live mode is off
     */
    public static Optional<LiveSettings> fromEnvironment() {
        return resolve(name -> Optional.ofNullable(System.getenv(name)));
    }

    /**
     * The settings in force for a JUnit test class or test: each variable's JUnit configuration parameter
     * ({@link #configurationParameter(String)}) first, then the process environment; empty when live mode is off.
     *
     * @param context the JUnit context of the test class or test
     * @return the live settings, or empty when live mode is off
     * @throws IllegalArgumentException naming every missing or malformed variable (never echoing the secret)
     */
    public static Optional<LiveSettings> fromContext(ExtensionContext context) {
        return resolve(name -> context.getConfigurationParameter(configurationParameter(name))
                .or(() -> Optional.ofNullable(System.getenv(name))));
    }

    /**
     * The settings from {@code lookup} (by variable name, such as {@code EKOOL_LIVE_CLIENT_ID}); empty when none of
     * the client id, secret and redirect URI is set.
     *
     * @param lookup looks a variable up by name; empty when it is unset
     * @return the live settings, or empty when none of the client id, secret and redirect URI is set
     * @throws IllegalArgumentException naming every missing or malformed variable (never echoing the secret)
     */
    public static Optional<LiveSettings> resolve(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> get = name -> lookup.apply(name).filter(v -> !v.isEmpty());
        Optional<String> id = get.apply(CLIENT_ID);
        Optional<String> secret = get.apply(CLIENT_SECRET);
        Optional<String> redirect = get.apply(REDIRECT_URI);
        if (id.isEmpty() && secret.isEmpty() && redirect.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        for (String name : List.of(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI)) {
            if (get.apply(name).isEmpty()) {
                problems.add(name + " must be set too (live mode needs " + CLIENT_ID + ", " + CLIENT_SECRET + " and "
                        + REDIRECT_URI + ")");
            }
        }
        if (id.isPresent() && secret.isPresent()) {
            for (Violation v : CredentialFormat.check(id.get(), secret.get())) {
                problems.add((v.field().equals("client_id") ? CLIENT_ID : CLIENT_SECRET) + ": " + v.message());
            }
        }
        RedirectUri redirectUri = null;
        if (redirect.isPresent()) {
            try {
                redirectUri = RedirectUri.parse(redirect.get());
            } catch (EkoolOAuthException e) {
                problems.add(REDIRECT_URI + ": " + e.errorDescription());
            }
        }
        EkoolEnvironment environment = environment(get, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("eKool live mode is misconfigured: " + String.join("; ", problems));
        }
        return Optional.of(new LiveSettings(environment, ClientCredentials.parse(id.get(), secret.get()), redirectUri));
    }

    private static EkoolEnvironment environment(Function<String, Optional<String>> get, List<String> problems) {
        String env = get.apply(ENV).orElse("staging").toLowerCase(Locale.ROOT);
        switch (env) {
            case "staging":
                return EkoolEnvironment.STAGING;
            case "custom":
                Optional<String> login = get.apply(LOGIN_URL);
                Optional<String> api = get.apply(API_URL);
                if (login.isEmpty() || api.isEmpty()) {
                    problems.add(ENV + "=custom needs " + LOGIN_URL + " and " + API_URL);
                    return null;
                }
                try {
                    return EkoolEnvironment.custom(login.get(), api.get());
                } catch (RuntimeException e) {
                    problems.add(LOGIN_URL + "/" + API_URL + ": " + e.getMessage());
                    return null;
                }
            case "production":
                problems.add(ENV + " must not be production: live tests log in and must run against eKool's "
                        + "staging server (staging) or a server of your own (custom)");
                return null;
            default:
                problems.add(ENV + " must be staging or custom; got '" + env + "'");
                return null;
        }
    }

    /**
     * {@code "eKool staging (https://login.ekool.dev)"} or the custom URLs, for skip reasons and logs.
     *
     * @return a human-readable description of the servers, never containing credentials
     */
    public String describe() {
        return "eKool " + environment.name() + " (" + environment.loginUrl() + ")";
    }
}
