package dev.ekoolkit.mock.wiring;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.mock.internal.Html;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.internal.Randoms;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Answers the errors Jetty raises before a request reaches a route (a malformed request line, a missing
 * {@code Host}, headers over the size limit (431), a target too long (414), an illegal path character) in
 * the mock's own formats instead of Jetty's default page: an HTML error page on the browser paths
 * ({@code /oauth/authorize}, the login and consent forms), the JSON error everywhere else. Nothing from the
 * request is echoed, no stack trace is ever shown, and the connection is closed.
 */
public final class JettyErrors extends ErrorHandler {

    /** An error handler that never shows stacks or causes. */
    public JettyErrors() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    /** Every method gets the error body, not only GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        // A version Jetty cannot parse (such as HTTP/1.x) is a malformed request line, the client's error.
        int status = code >= 400 && code <= 599 && code != 505 ? code : 400;
        String reason = HttpStatus.getMessage(status);
        String description = "the request was refused before reaching an endpoint: " + status + " " + reason
                + describe(status) + (message == null || message.isBlank() || message.equals(reason) ? ""
                : " (" + Text.printable(message, 80) + ")");
        String error = status >= 500 ? EkoolOAuthException.SERVER_ERROR : EkoolOAuthException.INVALID_REQUEST;
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        String body;
        if (path != null && (path.startsWith("/oauth/authorize") || path.startsWith("/oauth/login")
                || path.startsWith("/oauth/consent"))) {
            String nonce = Randoms.token(16);
            Html.headers(response.getHeaders()::put, nonce);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            body = Html.page("Error: " + error, Html.errorBody("The request cannot be completed", error, description,
                    Html.trailerFor(path)), nonce);
        } else {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            body = Json.write(Json.object("error", error, "error_description", description, "message", reason));
        }
        // The request was not routed, so its body may be unread (a 417 for an unknown Expect leaves it on the
        // wire): closing the connection keeps those bytes from being parsed as the next request.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "; it is not a well-formed HTTP/1.1 request (RFC 9112), or names an HTTP version other than 1.0 or 1.1";
            case 413 -> "; the body is larger than the mock accepts (" + Routes.MAX_BODY_BYTES + " bytes)";
            case 414 -> "; the request target is longer than the mock accepts (" + Routes.MAX_HEADER_BYTES + " bytes)";
            case 431 -> "; the request headers are larger than the mock accepts (" + Routes.MAX_HEADER_BYTES + " bytes)";
            default -> "";
        };
    }
}
