package dev.ekoolkit.mock.internal;

/** The human {@code message} Laravel Passport (league/oauth2-server) puts beside each OAuth error code. */
public final class Passport {

    private Passport() {
    }

    /** league/oauth2-server's message for an error code, or a generic one. */
    public static String message(String error) {
        return switch (error) {
            case "invalid_request" -> "The request is missing a required parameter, includes an invalid parameter value,"
                    + " includes a parameter more than once, or is otherwise malformed.";
            case "invalid_client" -> "Client authentication failed";
            case "invalid_grant" -> "The provided authorization grant (e.g., authorization code, resource owner"
                    + " credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI"
                    + " used in the authorization request, or was issued to another client.";
            case "unauthorized_client" -> "The client is not authorized to request an access token using this method.";
            case "unsupported_grant_type" -> "The authorization grant type is not supported by the authorization server.";
            case "invalid_scope" -> "The requested scope is invalid, unknown, or malformed";
            case "access_denied" -> "The resource owner or authorization server denied the request.";
            case "unsupported_response_type" -> "The authorization server does not support obtaining an authorization"
                    + " code using this method.";
            case "server_error" -> "The authorization server encountered an unexpected condition.";
            case "temporarily_unavailable" -> "The authorization server is temporarily unable to handle the request.";
            case "invalid_token" -> "Unauthenticated.";
            case "insufficient_scope" -> "Invalid scope(s) provided.";
            default -> "The request failed: " + error;
        };
    }
}
