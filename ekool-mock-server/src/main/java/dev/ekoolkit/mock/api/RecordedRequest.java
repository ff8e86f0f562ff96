package dev.ekoolkit.mock.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the mock received, as the request journal keeps it: secrets are masked before recording
 * ({@code client_secret}, {@code code}, {@code code_verifier}, {@code refresh_token}, {@code password},
 * {@code personal_code}, {@code csrf_token} parameters as {@code ****}; {@code Authorization} and
 * {@code Cookie} headers as their scheme plus {@code ****}).
 *
 * @param time       when it arrived, by the server's clock
 * @param endpoint   which endpoint it was for
 * @param method     the HTTP method
 * @param path       the request path
 * @param grantType  the {@code grant_type} of a token request, or {@code null}
 * @param clientId   the client id it named (query, form or Basic header), or {@code null}; recorded even when malformed
 * @param authMethod how a token request authenticated its client
 * @param params     query then form parameters, in order, secrets masked; repeated parameters keep every value
 * @param headers    the request headers, in order, credentials masked
 * @param status     the HTTP status the mock answered with
 */
public record RecordedRequest(Instant time, Endpoint endpoint, String method, String path, String grantType,
                              String clientId, AuthMethod authMethod, Map<String, List<String>> params,
                              Map<String, String> headers, int status) {

    /** The value parameters are masked with. */
    public static final String MASK = "****";

    /**
     * Requires the non-nullable parts; the maps must already be immutable and ordered.
     *
     * @param time when it arrived, by the server's clock
     * @param endpoint which endpoint it was for
     * @param method the HTTP method
     * @param path the request path
     * @param grantType the {@code grant_type} of a token request, or {@code null}
     * @param clientId the client id it named (query, form or Basic header), or {@code null}; recorded even when
     *                 malformed
     * @param authMethod how a token request authenticated its client
     * @param params query then form parameters, in order, secrets masked; repeated parameters keep every value
     * @param headers the request headers, in order, credentials masked
     * @param status the HTTP status the mock answered with
     */
    public RecordedRequest {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(headers, "headers");
    }

    /**
     * The first value of a parameter (masked if secret), if present.
     *
     * @param name the parameter's name, such as {@code grant_type}
     * @return the first value ({@code ****} for a secret), or empty when not sent
     */
    public Optional<String> param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * {@code true} when the parameter was sent, even if empty or masked.
     *
     * @param name the parameter's name, such as {@code code_verifier}
     * @return {@code true} when the request sent the parameter
     */
    public boolean hasParam(String name) {
        return params.containsKey(name);
    }

    /**
     * A header value (case-insensitive name), masked if it carried credentials.
     *
     * @param name the header's name, in any case
     * @return the first value (masked if it carried credentials), or empty when not sent
     */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The grant type, if this was a token request that named one.
     *
     * @return the {@code grant_type}, or empty for other requests
     */
    public Optional<String> grantTypeOptional() {
        return Optional.ofNullable(grantType);
    }

    /**
     * The client id, if the request named one.
     *
     * @return the client id, or empty when the request named none
     */
    public Optional<String> clientIdOptional() {
        return Optional.ofNullable(clientId);
    }

    /**
     * {@code true} when the request used PKCE: a {@code code_challenge} (authorize) or {@code code_verifier} (token).
     *
     * @return {@code true} when the request carried a {@code code_challenge} or {@code code_verifier}
     */
    public boolean usedPkce() {
        return hasParam("code_challenge") || hasParam("code_verifier");
    }
}
