package dev.ekoolkit.core.flow;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.ConstantTime;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Reads the authorization response a browser brings back to the redirect URI (RFC 6749 §4.1.2) for
 * {@link EkoolOAuthClient#handleCallback}: no repeated parameter (§3.1), the {@code state} compared in
 * constant time (§10.12), then the {@code code} or the {@code error} (§4.1.2.1).
 */
final class CallbackReader {

    private CallbackReader() {
    }

    /**
     * The authorization code of a callback.
     *
     * @param secrets every secret that must not appear in an error message (client secret, state, verifier)
     * @throws StateMismatchException      when {@code state} is missing or differs
     * @throws AuthorizationErrorException when the server sent {@code error}
     * @throws EkoolOAuthException         {@code invalid_request} when the code is missing or a parameter repeats
     */
    static String code(PendingAuthorization pending, URI callbackUri, List<String> secrets) {
        String query = callbackUri.getRawQuery();
        if (query == null || query.isEmpty()) {
            throw EkoolOAuthException.invalidRequest("callback URI must carry the authorization response in its query"
                    + " (code and state, or error; RFC 6749 section 4.1.2); got no query");
        }
        Map<String, List<String>> params = URLUtils.parseParameters(query);
        for (String name : List.of("code", "state", "error", "error_description", "error_uri")) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                throw EkoolOAuthException.invalidRequest("callback parameter '" + name
                        + "' must not be repeated (RFC 6749 section 3.1); got it " + values.size() + " times");
            }
        }
        // Nimbus needs an absolute URI; an app may hand us only path and query, so resolve against ours.
        URI absolute = callbackUri.isAbsolute() ? callbackUri : pending.redirectUri().uri().resolve(callbackUri);
        String returnedState = ResponseReader.first(params, "state");
        if (ResponseReader.first(params, "error") != null) {
            if (returnedState != null && !ConstantTime.equals(pending.state(), returnedState)) {
                throw stateMismatch(pending.state(), returnedState);
            }
            throw ResponseReader.authorizationError(params, secrets);
        }
        if (returnedState == null) {
            throw new StateMismatchException("callback has no 'state' parameter, but the authorization request sent one"
                    + " (RFC 6749 section 4.1.2 and 10.12); the response may be forged or from another login");
        }
        if (!ConstantTime.equals(pending.state(), returnedState)) {
            throw stateMismatch(pending.state(), returnedState);
        }
        String code = ResponseReader.first(params, "code");
        if (code == null || code.isEmpty()) {
            throw EkoolOAuthException.invalidRequest("callback must carry 'code' or 'error' (RFC 6749 section 4.1.2);"
                    + " got " + (code == null ? "neither" : "an empty code"));
        }
        try {
            // Nimbus interprets the rest (iss, response_mode); our checks above are stricter than its own.
            AuthorizationResponse response = AuthorizationResponse.parse(absolute);
            if (!response.indicatesSuccess() || response.toSuccessResponse().getAuthorizationCode() == null) {
                throw EkoolOAuthException.invalidRequest("callback must carry 'code' (RFC 6749 section 4.1.2)");
            }
            return response.toSuccessResponse().getAuthorizationCode().getValue();
        } catch (ParseException e) {
            throw EkoolOAuthException.invalidRequest("callback is not a valid authorization response (RFC 6749 section"
                    + " 4.1.2): " + Redaction.clean(e.getMessage(), List.of(code, pending.state()), Redaction.DESCRIPTION_LIMIT));
        }
    }

    private static StateMismatchException stateMismatch(String expected, String returned) {
        return new StateMismatchException("callback 'state' does not match the state of the pending authorization"
                + " (RFC 6749 section 10.12); got " + returned.length() + " characters, expected "
                + expected.length() + "; the response may be forged, replayed or from another login");
    }
}
