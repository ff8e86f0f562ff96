package dev.ekoolkit.core.error;

import com.nimbusds.oauth2.sdk.ErrorObject;

import java.util.Objects;

/**
 * The one unchecked exception family of the toolkit: every failure carries an OAuth 2.0 error code
 * (RFC 6749 §5.2, §4.1.2.1; RFC 6750 §3.1), a human description and the HTTP status that goes with it,
 * so a server maps it to a response in one place and a client can branch on {@link #error()}.
 *
 * <p>Descriptions never contain secrets: code that builds them reports lengths and positions instead.
 */
public class EkoolOAuthException extends RuntimeException {

    /** RFC 6749 §5.2: the request is missing a parameter, repeats one, or is otherwise malformed. */
    public static final String INVALID_REQUEST = "invalid_request";
    /** RFC 6749 §5.2: client authentication failed. */
    public static final String INVALID_CLIENT = "invalid_client";
    /** RFC 6749 §5.2: the code or refresh token is invalid, expired, revoked or issued to another client. */
    public static final String INVALID_GRANT = "invalid_grant";
    /** RFC 6749 §5.2: the client may not use this grant type. */
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    /** RFC 6749 §5.2: the grant type is not supported. */
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    /** RFC 6749 §4.1.2.1: the response type is not supported. */
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    /** RFC 6749 §5.2: the requested scope is invalid, unknown or not allowed. */
    public static final String INVALID_SCOPE = "invalid_scope";
    /** RFC 6749 §4.1.2.1: the resource owner or server denied the request. */
    public static final String ACCESS_DENIED = "access_denied";
    /** RFC 6749 §4.1.2.1: the server met an unexpected condition. */
    public static final String SERVER_ERROR = "server_error";
    /** RFC 6749 §4.1.2.1: the server is temporarily unable to handle the request. */
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
    /** RFC 6750 §3.1: the access token is missing, expired, revoked or malformed. */
    public static final String INVALID_TOKEN = "invalid_token";
    /** RFC 6750 §3.1: the access token lacks the scope the resource needs. */
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    /** The OAuth error code. */
    private final String error;
    /** The human description; never a secret. */
    private final String errorDescription;
    /** The HTTP status, or 0 when the error did not come over HTTP. */
    private final int httpStatus;

    /**
     * Creates an exception with the HTTP status that RFC 6749/6750 give the error code.
     *
     * @param error            the OAuth error code, for example {@code invalid_grant}
     * @param errorDescription a human description naming what was wrong; never a secret
     */
    public EkoolOAuthException(String error, String errorDescription) {
        this(error, errorDescription, defaultStatus(error));
    }

    /**
     * Creates an exception with an explicit HTTP status, as received from or sent to a server.
     *
     * @param error            the OAuth error code
     * @param errorDescription a human description; never a secret
     * @param httpStatus       the HTTP status code, or 0 when the error did not come over HTTP
     */
    public EkoolOAuthException(String error, String errorDescription, int httpStatus) {
        this(error, errorDescription, httpStatus, null);
    }

    /**
     * Creates an exception with an explicit HTTP status and a cause.
     *
     * @param error            the OAuth error code
     * @param errorDescription a human description; never a secret
     * @param httpStatus       the HTTP status code, or 0 when the error did not come over HTTP
     * @param cause            the underlying failure, or {@code null}
     */
    public EkoolOAuthException(String error, String errorDescription, int httpStatus, Throwable cause) {
        super(error + ": " + errorDescription, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.errorDescription = Objects.requireNonNull(errorDescription, "errorDescription");
        this.httpStatus = httpStatus;
    }

    /**
     * The OAuth error code (RFC 6749 §5.2), for example {@code invalid_client}.
     *
     * @return the OAuth error code (RFC 6749 §5.2), for example {@code invalid_client}
     */
    public String error() {
        return error;
    }

    /**
     * The human description of what was wrong (RFC 6749 §5.2 {@code error_description}).
     *
     * @return the human description of what was wrong (RFC 6749 §5.2 {@code error_description})
     */
    public String errorDescription() {
        return errorDescription;
    }

    /**
     * The HTTP status that goes with the error: 401 for {@code invalid_client}, 400 for most others.
     *
     * @return the HTTP status that goes with the error: 401 for {@code invalid_client}, 400 for most others
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * This error as a Nimbus {@link ErrorObject}, for code that speaks the Nimbus SDK. RFC 6749 §5.2
     * limits {@code error_description} to {@code %x20-21 / %x23-5B / %x5D-7E}, so quotes become
     * apostrophes, backslashes slashes and any other character outside that set {@code ?}.
     *
     * @return this error as a Nimbus {@link ErrorObject}, for code that speaks the Nimbus SDK
     */
    public ErrorObject toErrorObject() {
        return new ErrorObject(error, wireSafeDescription(errorDescription), httpStatus);
    }

    /**
     * The description reduced to the characters RFC 6749 §5.2 allows in {@code error_description}.
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return the description reduced to the characters RFC 6749 §5.2 allows in {@code error_description}
     */
    public static String wireSafeDescription(String description) {
        StringBuilder out = new StringBuilder(description.length());
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c == '"') {
                out.append('\'');
            } else if (c == '\\') {
                out.append('/');
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }

    /**
     * The HTTP status RFC 6749 §5.2 and RFC 6750 §3.1 give an error code: 401, 403, 500, 503 or 400.
     *
     * @param error the OAuth error code, such as {@code invalid_request}
     * @return the HTTP status RFC 6749 §5.2 and RFC 6750 §3.1 give an error code: 401, 403, 500, 503 or 400
     */
    public static int defaultStatus(String error) {
        return switch (Objects.requireNonNull(error, "error")) {
            case INVALID_CLIENT, INVALID_TOKEN -> 401;
            case INSUFFICIENT_SCOPE -> 403;
            case SERVER_ERROR -> 500;
            case TEMPORARILY_UNAVAILABLE -> 503;
            default -> 400;
        };
    }

    /**
     * {@code invalid_request} (400): a parameter is missing, repeated or malformed.
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return a new exception with the error {@code invalid_request} (400): a parameter is missing, repeated or malformed
     */
    public static EkoolOAuthException invalidRequest(String description) {
        return new EkoolOAuthException(INVALID_REQUEST, description);
    }

    /**
     * {@code invalid_client} (401): client authentication failed.
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return a new exception with the error {@code invalid_client} (401): client authentication failed
     */
    public static EkoolOAuthException invalidClient(String description) {
        return new EkoolOAuthException(INVALID_CLIENT, description);
    }

    /**
     * {@code invalid_grant} (400): the code or refresh token cannot be used.
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return a new exception with the error {@code invalid_grant} (400): the code or refresh token cannot be used
     */
    public static EkoolOAuthException invalidGrant(String description) {
        return new EkoolOAuthException(INVALID_GRANT, description);
    }

    /**
     * {@code invalid_scope} (400): a requested scope is unknown or not allowed.
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return a new exception with the error {@code invalid_scope} (400): a requested scope is unknown or not allowed
     */
    public static EkoolOAuthException invalidScope(String description) {
        return new EkoolOAuthException(INVALID_SCOPE, description);
    }

    /**
     * {@code unsupported_grant_type} (400).
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return a new exception with the error {@code unsupported_grant_type} (400)
     */
    public static EkoolOAuthException unsupportedGrantType(String description) {
        return new EkoolOAuthException(UNSUPPORTED_GRANT_TYPE, description);
    }

    /**
     * {@code access_denied} (RFC 6749 §4.1.2.1): the user refused.
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return a new exception with the error {@code access_denied} (RFC 6749 §4.1.2.1): the user refused
     */
    public static EkoolOAuthException accessDenied(String description) {
        return new EkoolOAuthException(ACCESS_DENIED, description);
    }

    /**
     * {@code invalid_token} (401, RFC 6750 §3.1).
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return a new exception with the error {@code invalid_token} (401, RFC 6750 §3.1)
     */
    public static EkoolOAuthException invalidToken(String description) {
        return new EkoolOAuthException(INVALID_TOKEN, description);
    }

    /**
     * {@code insufficient_scope} (403, RFC 6750 §3.1).
     *
     * @param description the {@code error_description}: what went wrong, for a developer; never a secret
     * @return a new exception with the error {@code insufficient_scope} (403, RFC 6750 §3.1)
     */
    public static EkoolOAuthException insufficientScope(String description) {
        return new EkoolOAuthException(INSUFFICIENT_SCOPE, description);
    }
}
