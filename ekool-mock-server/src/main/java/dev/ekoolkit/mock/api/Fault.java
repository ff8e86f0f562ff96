package dev.ekoolkit.mock.api;

import dev.ekoolkit.core.error.EkoolOAuthException;

import java.util.Objects;

/**
 * A failure the mock serves instead of the normal answer, queued per endpoint with
 * {@code EkoolMockServer.failNext(endpoint, fault)}: either an OAuth error in the endpoint's own format
 * (JSON, or a redirect from {@code /oauth/authorize}), or a bare HTTP status as a broken proxy would send.
 *
 * <pre>{@code
 * server.failNext(Endpoint.TOKEN, Fault.oauthError("temporarily_unavailable", "maintenance").times(2));
 * server.failNext(Endpoint.USER_BASIC, Fault.httpStatus(502));
 * }</pre>
 *
 * @param kind             an OAuth error or a bare status
 * @param error            the OAuth error code (RFC 6749 §5.2), or {@code null} for a bare status
 * @param errorDescription the description, or {@code null} for a bare status
 * @param status           the HTTP status: 400 to 599 for an OAuth error; 200 to 599 except 204 and 304 for a bare status
 * @param times            how many consecutive requests get this fault, at least 1
 */
public record Fault(Kind kind, String error, String errorDescription, int status, int times) {

    /** What a fault answers. */
    public enum Kind {
        /** An OAuth error: JSON {@code error}/{@code error_description}/{@code message}, or an authorize redirect. */
        OAUTH_ERROR,
        /** A bare HTTP status with a short plain-text body. */
        HTTP_STATUS
    }

    /**
     * Validates the combination.
     *
     * @param kind an OAuth error or a bare status
     * @param error the OAuth error code (RFC 6749 §5.2), or {@code null} for a bare status
     * @param errorDescription the description, or {@code null} for a bare status
     * @param status the HTTP status: 400 to 599 for an OAuth error; 200 to 599 except 204 and 304 for a bare status
     * @param times how many consecutive requests get this fault, at least 1
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.HTTP_STATUS && (status < 200 || status > 599 || status == 204 || status == 304)) {
            // 1xx would leave the client waiting for the final answer; 204 and 304 cannot carry the body.
            throw new IllegalArgumentException("status must be an HTTP status from 200 to 599 other than 204 and 304"
                    + " for an HTTP-status fault (RFC 9110 sections 15.2, 15.3.5, 15.4.5: those carry no final answer or no"
                    + " body); got " + status);
        }
        if (kind == Kind.OAUTH_ERROR && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be an HTTP status from 400 to 599 for an"
                    + " OAuth-error fault (an error answer, RFC 6749 section 5.2); got " + status);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1; got " + times);
        }
        if (kind == Kind.OAUTH_ERROR) {
            Objects.requireNonNull(error, "error");
            if (error.isEmpty() || !error.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\')) {
                throw new IllegalArgumentException("error must be printable ASCII other than '\"' and '\\' (RFC 6749 section 5.2); got '" + error + "'");
            }
            errorDescription = errorDescription == null ? "fault injected by the eKool mock" : errorDescription;
        } else {
            error = null;
            errorDescription = null;
        }
    }

    /**
     * The OAuth error {@code error} with the HTTP status RFC 6749/6750 give it (401 for {@code invalid_client}, else
     * mostly 400).
     *
     * @param error the OAuth error code (RFC 6749 §5.2), such as {@code invalid_grant}
     * @param description the {@code error_description}, or {@code null} for none
     * @return a fault for one request
     */
    public static Fault oauthError(String error, String description) {
        return new Fault(Kind.OAUTH_ERROR, error, description, EkoolOAuthException.defaultStatus(error), 1);
    }

    /**
     * The OAuth error {@code error} with an explicit HTTP status.
     *
     * @param error the OAuth error code (RFC 6749 §5.2), such as {@code invalid_grant}
     * @param description the {@code error_description}, or {@code null} for none
     * @param status the HTTP status, 400 to 599
     * @return a fault for one request
     */
    public static Fault oauthError(String error, String description, int status) {
        return new Fault(Kind.OAUTH_ERROR, error, description, status, 1);
    }

    /**
     * A bare HTTP status, such as 502 or 503, with a plain-text body.
     *
     * @param status the HTTP status, 200 to 599 except 204 and 304
     * @return a fault for one request
     */
    public static Fault httpStatus(int status) {
        return new Fault(Kind.HTTP_STATUS, null, null, status, 1);
    }

    /**
     * This fault for the next {@code n} requests instead of one.
     *
     * @param n how many consecutive requests get this fault, at least 1
     * @return a copy for {@code n} requests; this instance is unchanged
     */
    public Fault times(int n) {
        return new Fault(kind, error, errorDescription, status, n);
    }

    /**
     * This fault as the exception the server's error mapping turns into a response.
     *
     * @return the exception carrying this fault's error, description and status
     */
    public EkoolOAuthException toException() {
        return new EkoolOAuthException(error, errorDescription, status);
    }
}
