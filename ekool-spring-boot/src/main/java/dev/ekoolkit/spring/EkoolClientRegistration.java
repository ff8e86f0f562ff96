package dev.ekoolkit.spring;

import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.Violation;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.spring.EkoolConfigurationException.Problem;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code ekool} {@link ClientRegistration} from {@link EkoolProperties}: authorization code with PKCE
 * (S256), {@code <login_url>/oauth/authorize}, {@code <login_url>/oauth/token}, {@code <api_url>/user/me/basic}.
 */
public final class EkoolClientRegistration {

    /** The registration id: {@code ekool}, as in {@code /oauth2/authorization/ekool} and {@code /login/oauth2/code/ekool}. */
    public static final String REGISTRATION_ID = "ekool";

    private EkoolClientRegistration() {
    }

    /**
     * The registration for these settings, after checking every one of them.
     *
     * @param properties the {@code ekool.*} settings
     * @return the {@code ekool} client registration, never {@code null}
     * @throws EkoolConfigurationException listing every broken rule (a malformed client id or secret, a custom
     *                                     environment without valid URLs, a malformed scope), never the secret
     */
    public static ClientRegistration of(EkoolProperties properties) {
        List<Problem> problems = new ArrayList<>();
        for (Violation v : CredentialFormat.checkClientId(properties.getClientId())) {
            problems.add(new Problem("ekool.client-id", v.message()));
        }
        for (Violation v : CredentialFormat.checkClientSecret(properties.getClientSecret())) {
            problems.add(new Problem("ekool.client-secret", v.message()));
        }
        EkoolEnvironment environment = environment(properties, problems);
        List<String> scopes = properties.getScopes() == null ? List.of() : properties.getScopes();
        for (int i = 0; i < scopes.size(); i++) {
            try {
                Scope.of(scopes.get(i));
            } catch (EkoolOAuthException e) {
                problems.add(new Problem("ekool.scopes[" + i + "]", e.errorDescription()));
            }
        }
        if (properties.getRedirectUri() == null || properties.getRedirectUri().isBlank()) {
            problems.add(new Problem("ekool.redirect-uri", "must be the redirect URI registered with eKool; got nothing"));
        }
        if (!problems.isEmpty()) {
            throw new EkoolConfigurationException(problems);
        }
        ClientAuthenticationMethod method = properties.getClientAuthentication() == EkoolProperties.ClientAuthentication.CLIENT_SECRET_POST
                ? ClientAuthenticationMethod.CLIENT_SECRET_POST : ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("eKool")
                .clientId(properties.getClientId())
                .clientSecret(properties.getClientSecret())
                .clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.getRedirectUri())
                .scope(scopes)
                .authorizationUri(environment.authorizeUri().toString())
                .tokenUri(environment.tokenUri().toString())
                .userInfoUri(environment.userBasicUri().toString())
                .userNameAttributeName("id")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }

    private static EkoolEnvironment environment(EkoolProperties properties, List<Problem> problems) {
        EkoolProperties.Environment which = properties.getEnvironment() == null
                ? EkoolProperties.Environment.PRODUCTION : properties.getEnvironment();
        switch (which) {
            case STAGING:
                return EkoolEnvironment.STAGING;
            case CUSTOM:
                String login = url(properties.getLoginUrl(), "ekool.login-url", "login_url", problems);
                String api = url(properties.getApiUrl(), "ekool.api-url", "api_url", problems);
                if (login == null || api == null) {
                    return EkoolEnvironment.PRODUCTION; // not used: the problems stop the start
                }
                try {
                    return EkoolEnvironment.custom(login, api);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(e.getMessage().startsWith("apiUrl") ? "ekool.api-url" : "ekool.login-url",
                            e.getMessage()));
                    return EkoolEnvironment.PRODUCTION;
                }
            default:
                return EkoolEnvironment.PRODUCTION;
        }
    }

    private static String url(String value, String property, String name, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(property, "must be eKool's " + name + " when ekool.environment is custom; got nothing"));
            return null;
        }
        return value.strip();
    }
}
