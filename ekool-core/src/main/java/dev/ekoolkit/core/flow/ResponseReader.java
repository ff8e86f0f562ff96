package dev.ekoolkit.core.flow;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scopes;
import net.minidev.json.JSONObject;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The error mapping of {@link EkoolOAuthClient}: reads what a server answered into a result or into the
 * toolkit's exceptions. Token endpoint answers become a {@link TokenSet} or a
 * {@link TokenEndpointException} (RFC 6749 §5.1, §5.2, with Laravel Passport's {@code message} and
 * {@code hint}); resource answers an {@link EkoolUser} or a {@link ResourceAccessException}, its Bearer
 * challenge parsed with Nimbus's {@link BearerTokenError} (RFC 6750 §3); a redirect with {@code error} an
 * {@link AuthorizationErrorException} (RFC 6749 §4.1.2.1). Every quoted text is cleaned of the secrets
 * given ({@link Redaction}).
 */
final class ResponseReader {

    /** Longest error code quoted from a server. */
    private static final int ERROR_CODE_LIMIT = 80;

    private ResponseReader() {
    }

    /**
     * The tokens of a token endpoint answer (RFC 6749 §5.1).
     *
     * @param requested            the scopes asked for, kept when the server names none (§5.1)
     * @param previousRefreshToken kept when the server sends no new refresh token (§6), or {@code null}
     * @param sentAt               when the request went out, the start of the tokens' lifetime
     * @throws TokenEndpointException with the server's error (§5.2) or {@code server_error} for an answer
     *                                that is neither a token nor an error response
     */
    static TokenSet tokenSet(HttpResponse<String> response, URI endpoint, Scopes requested, String previousRefreshToken,
                             Instant sentAt, List<String> secrets) {
        int status = response.statusCode();
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        JSONObject json = parseJsonObject(body);
        if (status == 200 && json != null && !json.containsKey("error")) {
            return tokenSet(json, endpoint, requested, previousRefreshToken, sentAt, secrets);
        }
        if (json != null && json.get("error") instanceof String error && !error.isBlank()) {
            String description = stringOrNull(json, "error_description");
            String message = stringOrNull(json, "message");
            String hint = stringOrNull(json, "hint");
            String text = description != null ? description
                    : message != null ? message : "the server gave no error_description";
            throw new TokenEndpointException(Redaction.clean(error, secrets, ERROR_CODE_LIMIT),
                    Redaction.clean(text, secrets, Redaction.DESCRIPTION_LIMIT), status, endpoint,
                    Redaction.clean(message, secrets, Redaction.DESCRIPTION_LIMIT),
                    Redaction.clean(hint, secrets, Redaction.DESCRIPTION_LIMIT), true);
        }
        String what = status == 200 ? "a body that is not a token response (RFC 6749 section 5.1)"
                : "a body that is not an OAuth error response (RFC 6749 section 5.2)";
        String location = status / 100 == 3
                ? response.headers().firstValue("Location").map(l -> " to '" + Redaction.clean(stripQuery(l), secrets, 200) + "'").orElse("")
                : "";
        throw new TokenEndpointException(EkoolOAuthException.SERVER_ERROR,
                "token endpoint answered HTTP " + status + location + " with " + what + ": "
                        + Redaction.excerpt(body, contentType, secrets, status != 200),
                status, endpoint, null, null, false);
    }

    /**
     * The basic profile in a resource answer: parsed from a 200, otherwise the error it carries.
     *
     * @throws ResourceAccessException the error of a refused request (from its Bearer challenge, its body or
     *                                 its status), or {@code server_error} for a 200 that is not a profile
     */
    static EkoolUser basicProfile(HttpResponse<String> response, URI uri, List<String> secrets) {
        int status = response.statusCode();
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
        if (status == 200) {
            try {
                return EkoolUser.parse(body);
            } catch (EkoolOAuthException e) {
                throw new ResourceAccessException(EkoolOAuthException.SERVER_ERROR, e.errorDescription()
                        + " (" + Redaction.excerpt(body, contentType, secrets, false) + ")", status, uri, challenge);
            }
        }
        throw resourceError(uri, status, body, contentType, challenge, secrets);
    }

    /**
     * The error of an authorization response that carries {@code error} (RFC 6749 §4.1.2.1), read from the
     * decoded parameters: Nimbus would drop non-ASCII characters from the description, and eKool's texts
     * may be Estonian.
     */
    static AuthorizationErrorException authorizationError(Map<String, List<String>> params, List<String> secrets) {
        String error = first(params, "error");
        String description = first(params, "error_description");
        String errorUri = first(params, "error_uri");
        String cleanError = Redaction.clean(error, secrets, ERROR_CODE_LIMIT);
        String text = description == null || description.isBlank()
                ? "the authorization server redirected back with error '" + cleanError + "' and no error_description"
                + " (RFC 6749 section 4.1.2.1)"
                : Redaction.clean(description, secrets, Redaction.DESCRIPTION_LIMIT);
        return new AuthorizationErrorException(cleanError.isEmpty() ? EkoolOAuthException.INVALID_REQUEST : cleanError,
                text, first(params, "state"), errorUri);
    }

    /** The first value of a decoded parameter, or {@code null}. */
    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static TokenSet tokenSet(JSONObject json, URI endpoint, Scopes requested, String previousRefreshToken,
                                     Instant sentAt, List<String> secrets) {
        AccessTokenResponse parsed;
        try {
            parsed = AccessTokenResponse.parse(json);
        } catch (ParseException e) {
            // Nimbus's messages name the member that is wrong, not its value; clean them all the same.
            List<String> all = new ArrayList<>(secrets);
            json.values().forEach(v -> all.add(v == null ? null : v.toString()));
            throw new TokenEndpointException(EkoolOAuthException.SERVER_ERROR,
                    "token endpoint answered HTTP 200 with a body that is not a token response (RFC 6749 section"
                            + " 5.1): " + Redaction.clean(e.getMessage(), all, 200) + " (members: " + json.keySet() + ")",
                    200, endpoint, null, null, false);
        }
        AccessToken access = parsed.getTokens().getAccessToken();
        RefreshToken refresh = parsed.getTokens().getRefreshToken();
        Scopes granted = requested;
        if (access.getScope() != null && !access.getScope().isEmpty()) {
            try {
                granted = Scopes.parse(String.join(" ", access.getScope().toStringList()));
            } catch (EkoolOAuthException e) {
                granted = requested;
            }
        }
        long lifetime = access.getLifetime();
        return new TokenSet(access.getValue(),
                refresh != null ? refresh.getValue() : previousRefreshToken,
                access.getType().getValue(),
                lifetime > 0 ? Duration.ofSeconds(lifetime) : null,
                granted,
                sentAt);
    }

    private static ResourceAccessException resourceError(URI uri, int status, String body, String contentType,
                                                         String challenge, List<String> secrets) {
        String error = null;
        String description = null;
        if (challenge != null) {
            try {
                BearerTokenError parsed = BearerTokenError.parse(challenge);
                error = parsed.getCode();
                description = parsed.getDescription();
            } catch (ParseException e) {
                // Not a Bearer challenge we understand; fall back to the body and the status.
            }
        }
        JSONObject json = parseJsonObject(body);
        if (json != null) {
            if (error == null && json.get("error") instanceof String e && !e.isBlank()) {
                error = e;
            }
            if (description == null) {
                description = stringOrNull(json, "error_description");
            }
            if (description == null) {
                description = stringOrNull(json, "message");
            }
        }
        if (error == null) {
            error = switch (status) {
                case 401 -> EkoolOAuthException.INVALID_TOKEN;
                case 403 -> EkoolOAuthException.INSUFFICIENT_SCOPE;
                default -> EkoolOAuthException.SERVER_ERROR;
            };
        }
        if (description == null) {
            description = "resource answered HTTP " + status + " without an OAuth error description: "
                    + Redaction.excerpt(body, contentType, secrets);
        }
        return new ResourceAccessException(Redaction.clean(error, secrets, ERROR_CODE_LIMIT),
                Redaction.clean(description, secrets, Redaction.DESCRIPTION_LIMIT), status, uri,
                Redaction.clean(challenge, secrets, Redaction.DESCRIPTION_LIMIT));
    }

    private static JSONObject parseJsonObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static String stringOrNull(JSONObject json, String key) {
        return json.get(key) instanceof String s && !s.isBlank() ? s : null;
    }

    private static String stripQuery(String location) {
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q) + "?...";
    }
}
