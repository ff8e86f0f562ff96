package dev.ekoolkit.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ekool.*} settings of an application that signs users in with eKool. Setting {@code ekool.client-id}
 * (or {@code ekool.client-secret}) turns the auto-configuration on; both are checked against eKool's format at
 * start-up.
 *
 * <pre>
 * ekool:
 *   client-id: ${EKOOL_CLIENT_ID}
 *   client-secret: ${EKOOL_CLIENT_SECRET}
 *   environment: staging
 * </pre>
 */
@ConfigurationProperties(prefix = EkoolProperties.PREFIX)
public class EkoolProperties {

    /** The prefix of every property: {@code ekool}. */
    public static final String PREFIX = "ekool";

    /** Which eKool servers to use. */
    public enum Environment {
        /** https://login.ekool.eu and https://api-v2.ekool.eu. */
        PRODUCTION,
        /** https://login.ekool.dev and https://api-v2.ekool.dev. */
        STAGING,
        /** The servers named by ekool.login-url and ekool.api-url (the mock, for example). */
        CUSTOM
    }

    /** How the application authenticates at eKool's token endpoint (RFC 6749 section 2.3.1). */
    public enum ClientAuthentication {
        /** HTTP Basic with the client id and secret. */
        CLIENT_SECRET_BASIC,
        /** The client id and secret as form fields of the token request. */
        CLIENT_SECRET_POST
    }

    /** The client id eKool issued: exactly 32 letters or digits. */
    private String clientId;

    /** The client secret eKool issued: exactly 40 letters or digits. Never logged. */
    private String clientSecret;

    /** Which eKool servers to use: production, staging, or custom (with ekool.login-url and ekool.api-url). */
    private Environment environment = Environment.PRODUCTION;

    /** eKool's login_url (authorization server), such as https://login.ekool.eu; only with environment custom. */
    private String loginUrl;

    /** eKool's api_url (resource API), such as https://api-v2.ekool.eu; only with environment custom. */
    private String apiUrl;

    /** The scopes to ask for. */
    private List<String> scopes = new ArrayList<>(List.of("users-basic"));

    /** The redirect URI registered with eKool; Spring Security expands {baseUrl} and {registrationId}. */
    private String redirectUri = "{baseUrl}/login/oauth2/code/{registrationId}";

    /** How the application authenticates at eKool's token endpoint: client_secret_basic or client_secret_post. */
    private ClientAuthentication clientAuthentication = ClientAuthentication.CLIENT_SECRET_BASIC;

    /** Settings with every property at its default; Spring Boot binds the {@code ekool.*} properties onto them. */
    public EkoolProperties() {
    }

    /**
     * The client id.
     *
     * @return the client id ({@code ekool.client-id}), or {@code null} when unset
     */
    public String getClientId() {
        return clientId;
    }

    /**
     * Sets the client id.
     *
     * @param clientId the client id eKool issued; {@code null} leaves it unset
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /**
     * The client secret.
     *
     * @return the client secret ({@code ekool.client-secret}), or {@code null} when unset
     */
    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * Sets the client secret.
     *
     * @param clientSecret the client secret eKool issued; {@code null} leaves it unset
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    /**
     * The environment.
     *
     * @return the eKool environment whose URLs are used (default production)
     */
    public Environment getEnvironment() {
        return environment;
    }

    /**
     * Sets the environment.
     *
     * @param environment the eKool environment whose URLs are used
     */
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /**
     * The custom login_url.
     *
     * @return the login_url of a custom environment, or {@code null} when unset
     */
    public String getLoginUrl() {
        return loginUrl;
    }

    /**
     * Sets the custom login_url.
     *
     * @param loginUrl the login_url of a custom environment (an absolute URL), or {@code null}
     */
    public void setLoginUrl(String loginUrl) {
        this.loginUrl = loginUrl;
    }

    /**
     * The custom api_url.
     *
     * @return the api_url of a custom environment, or {@code null} when unset
     */
    public String getApiUrl() {
        return apiUrl;
    }

    /**
     * Sets the custom api_url.
     *
     * @param apiUrl the api_url of a custom environment (an absolute URL), or {@code null}
     */
    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /**
     * The scopes.
     *
     * @return the scopes requested at login (default {@code users-basic}); the live, mutable list
     */
    public List<String> getScopes() {
        return scopes;
    }

    /**
     * Sets the scopes.
     *
     * @param scopes the scopes to request at login, replacing the current list
     */
    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    /**
     * The redirect URI template.
     *
     * @return the redirect URI template (default {@code {baseUrl}/login/oauth2/code/{registrationId}})
     */
    public String getRedirectUri() {
        return redirectUri;
    }

    /**
     * Sets the redirect URI template.
     *
     * @param redirectUri the redirect URI registered with eKool; Spring Security expands {@code {baseUrl}} and
     *                    {@code {registrationId}}
     */
    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    /**
     * The client authentication method.
     *
     * @return how the application authenticates at the token endpoint (default client_secret_basic)
     */
    public ClientAuthentication getClientAuthentication() {
        return clientAuthentication;
    }

    /**
     * Sets the client authentication method.
     *
     * @param clientAuthentication how the application authenticates at the token endpoint
     */
    public void setClientAuthentication(ClientAuthentication clientAuthentication) {
        this.clientAuthentication = clientAuthentication;
    }

    /** The settings without the secret (its length only). */
    @Override
    public String toString() {
        return "EkoolProperties[clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "unset" : "(" + clientSecret.length() + " characters)")
                + ", environment=" + environment + ", loginUrl=" + loginUrl + ", apiUrl=" + apiUrl + ", scopes=" + scopes
                + ", redirectUri=" + redirectUri + ", clientAuthentication=" + clientAuthentication + "]";
    }
}
