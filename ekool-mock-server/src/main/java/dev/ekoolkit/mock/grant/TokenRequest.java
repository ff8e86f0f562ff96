package dev.ekoolkit.mock.grant;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.config.MockClient.Grant;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.internal.Pkce;

/**
 * A token request's grant-specific parameters, parsed once and checked (RFC 6749 §4.1.3, §4.4.2, §6;
 * RFC 7636 §4.5): what {@link Grants} decides on, without any HTTP type.
 */
public sealed interface TokenRequest {

    /**
     * {@code grant_type=authorization_code}.
     *
     * @param code         the authorization code
     * @param redirectUri  the {@code redirect_uri} sent, or {@code null}
     * @param codeVerifier the PKCE {@code code_verifier} sent (well-formed), or {@code null}
     */
    record CodeExchange(String code, String redirectUri, String codeVerifier) implements TokenRequest {
        /** Masks the code and the verifier. */
        @Override
        public String toString() {
            return "CodeExchange[code=****, redirectUri=" + redirectUri + ", codeVerifier="
                    + (codeVerifier == null ? "none" : "****") + "]";
        }
    }

    /**
     * {@code grant_type=refresh_token}.
     *
     * @param refreshToken the refresh token
     * @param scopes       the narrowed scopes requested, or {@code null} for the originally granted ones
     */
    record Refresh(String refreshToken, Scopes scopes) implements TokenRequest {
        /** Masks the refresh token. */
        @Override
        public String toString() {
            return "Refresh[refreshToken=****, scopes=" + scopes + "]";
        }
    }

    /**
     * {@code grant_type=client_credentials}.
     *
     * @param scopes the scopes requested, or {@code null} for every scope the client allows
     */
    record ClientCredentials(Scopes scopes) implements TokenRequest {
    }

    /**
     * Parses the parameters of {@code grant} from a token request's form.
     *
     * @param grant the grant type the request named
     * @param form the form parameters of the token request
     * @return the parsed request, never {@code null} (an OAuth error otherwise)
     * @throws EkoolOAuthException {@code invalid_request} for a missing or malformed parameter,
     *                             {@code invalid_scope} for a malformed scope
     */
    static TokenRequest parse(Grant grant, Params form) {
        return switch (grant) {
            case AUTHORIZATION_CODE -> {
                String code = form.require("code", "code is required for grant_type authorization_code"
                        + " (RFC 6749 section 4.1.3)");
                String verifier = form.get("code_verifier");
                if (verifier != null && !Pkce.isWellFormed(verifier)) {
                    throw EkoolOAuthException.invalidRequest("code_verifier must be 43 to 128 characters from A-Z,"
                            + " a-z, 0-9, '-', '.', '_', '~' (RFC 7636 section 4.1); got " + verifier.length()
                            + " characters");
                }
                yield new CodeExchange(code, form.get("redirect_uri"), verifier);
            }
            case REFRESH_TOKEN -> {
                String token = form.require("refresh_token",
                        "refresh_token is required for grant_type refresh_token (RFC 6749 section 6)");
                String scope = form.get("scope");
                yield new Refresh(token, scope == null ? null : Scopes.parse(scope));
            }
            case CLIENT_CREDENTIALS -> {
                String scope = form.get("scope");
                yield new ClientCredentials(scope == null ? null : Scopes.parse(scope));
            }
        };
    }
}
