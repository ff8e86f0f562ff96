package dev.ekoolkit.core.flow;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.ekoolkit.core.credentials.ClientCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The HTTP side of {@link EkoolOAuthClient}: builds token requests with client authentication
 * ({@code client_secret_post} or {@code client_secret_basic}, RFC 6749 §2.3.1) and Bearer resource
 * requests (RFC 6750 §2.1) with Nimbus, and sends them with {@link HttpClient}. It reads nothing of the
 * answers: {@link ResponseReader} does.
 */
final class Transport {

    private static final String USER_AGENT = "ekool-toolkit";
    private static final String JSON = "application/json";
    /** Headers {@link HttpRequest.Builder#header} refuses; the JDK client sets them itself. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final ClientCredentials credentials;
    private final ClientAuthentication clientAuthentication;
    private final HttpClient httpClient;
    private final Duration timeout;

    Transport(ClientCredentials credentials, ClientAuthentication clientAuthentication, HttpClient httpClient,
              Duration timeout) {
        this.credentials = credentials;
        this.clientAuthentication = clientAuthentication;
        this.timeout = timeout;
        this.httpClient = httpClient != null ? httpClient : HttpClient.newBuilder()
                .connectTimeout(EkoolOAuthClient.DEFAULT_CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A token request for {@code grant} to {@code tokenUri}, authenticated as configured, accepting JSON. */
    HTTPRequest tokenRequest(URI tokenUri, AuthorizationGrant grant) {
        ClientID id = new ClientID(credentials.clientId().value());
        Secret secret = new Secret(credentials.clientSecret().value());
        com.nimbusds.oauth2.sdk.auth.ClientAuthentication auth = switch (clientAuthentication) {
            case CLIENT_SECRET_POST -> new ClientSecretPost(id, secret);
            case CLIENT_SECRET_BASIC -> new ClientSecretBasic(id, secret);
        };
        HTTPRequest request = new TokenRequest.Builder(tokenUri, auth, grant).build().toHTTPRequest();
        request.setAccept(JSON);
        return request;
    }

    /** A {@code GET} of {@code uri} with {@code accessToken} as a Bearer token (RFC 6750 §2.1), accepting JSON. */
    HTTPRequest bearerGet(URI uri, String accessToken) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, uri);
        request.setAuthorization(new BearerAccessToken(accessToken).toAuthorizationHeader());
        request.setAccept(JSON);
        return request;
    }

    /**
     * Sends {@code request} and reads the whole answer as UTF-8 text.
     *
     * @throws EkoolTransportException when the server cannot be reached, the timeout passes or the thread
     *                                 is interrupted (the interrupt flag is restored)
     */
    HttpResponse<String> send(HTTPRequest request) {
        URI uri = request.getURI();
        String method = request.getMethod().name();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT);
        request.getHeaderMap().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        String body = request.getBody();
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return httpClient.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EkoolTransportException(method, uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EkoolTransportException(method, uri, e);
        }
    }
}
