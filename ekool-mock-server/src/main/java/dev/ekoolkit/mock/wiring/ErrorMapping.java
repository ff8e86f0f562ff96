package dev.ekoolkit.mock.wiring;

import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.mock.api.AuthMethod;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.internal.Html;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.internal.MissingTokenException;
import dev.ekoolkit.mock.internal.Passport;
import dev.ekoolkit.mock.internal.Redirects;
import dev.ekoolkit.mock.runtime.Call;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The one place where errors become responses: any exception of any route is answered in the format of the
 * request's endpoint ({@link Call.Style}), an authorization error whose redirect URI is known is redirected to
 * the client, and paths, methods and bodies no route takes get the JSON error. Nothing else in the mock writes
 * an error answer.
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final String REALM = "eKool mock";

    private ErrorMapping() {
    }

    /** Maps any exception to the response format of the request's endpoint. */
    static void fail(Exception e, Context ctx) {
        Optional<Call> call = Call.of(ctx);
        Call.Style style = call.map(Call::style).orElse(Call.Style.JSON);
        EkoolOAuthException oauth;
        if (e instanceof EkoolOAuthException x) {
            oauth = x;
        } else if (e instanceof HttpResponseException h && (h.getStatus() == 404 || h.getStatus() == 405)
                && call.flatMap(Call::endpoint).isEmpty()) {
            unmatched(ctx, h.getStatus());
            return;
        } else if (e instanceof HttpResponseException h && h.getStatus() == 413) {
            oauth = new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST, "the request body is larger than the"
                    + " mock accepts (" + Routes.MAX_BODY_BYTES + " bytes)", 413);
        } else if (e instanceof HttpResponseException h) {
            oauth = new EkoolOAuthException(h.getStatus() >= 500 ? EkoolOAuthException.SERVER_ERROR
                    : EkoolOAuthException.INVALID_REQUEST, h.getMessage(), h.getStatus());
        } else if (isBrokenRequest(e)) {
            // A body that ends early or has broken chunked framing is the client's fault, not a server error.
            oauth = EkoolOAuthException.invalidRequest("the request body could not be read: it ended early or its"
                    + " framing (Content-Length or chunked transfer coding, RFC 9112 section 6) is broken");
        } else {
            LOG.warn("unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
            oauth = new EkoolOAuthException(EkoolOAuthException.SERVER_ERROR,
                    "the mock met an unexpected condition (" + e.getClass().getSimpleName() + "); see the server log", 500);
        }
        Optional<Call.ErrorRedirect> redirect = call.flatMap(Call::errorRedirect);
        if (redirect.isPresent() && e instanceof EkoolOAuthException) {
            call.get().answered();
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(Redirects.to(redirect.get().redirectUri(), "error", oauth.error(), "error_description",
                    oauth.errorDescription(), "state", redirect.get().state()), HttpStatus.FOUND);
            return;
        }
        int status = oauth.httpStatus() >= 400 && oauth.httpStatus() <= 599 ? oauth.httpStatus()
                : EkoolOAuthException.defaultStatus(oauth.error());
        if (style == Call.Style.HTML) {
            Html.Trailer trailer = call.flatMap(Call::endpoint).filter(Endpoint.AUTHORIZE::equals).isPresent()
                    ? Html.Trailer.UNVERIFIED_CLIENT : Html.Trailer.START_AGAIN;
            call.ifPresent(Call::answered);
            Html.send(ctx, status, "Error: " + oauth.error(), Html.errorBody("The request cannot be completed",
                    oauth.error(), oauth.errorDescription(), trailer));
            return;
        }
        if (style == Call.Style.RESOURCE && (status == 401 || status == 403)) {
            ctx.header("WWW-Authenticate", bearerChallenge(oauth, status));
        } else if (status == 401 && EkoolOAuthException.INVALID_CLIENT.equals(oauth.error())
                && call.map(Call::authMethod).orElse(AuthMethod.NONE) == AuthMethod.BASIC) {
            ctx.header("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        json(ctx, status, Json.object("error", oauth.error(), "error_description", oauth.errorDescription(),
                "message", Passport.message(oauth.error())));
    }

    /** The JSON answer for a path no route serves (404), a method a path does not take (405) or a body too large (413). */
    static void unmatched(Context ctx, int status) {
        if (Call.of(ctx).map(Call::isAnswered).orElse(false)) {
            return;
        }
        String method = ctx.method().name();
        String path = Text.printable(ctx.path(), 200);
        String description;
        if (status == 413) {
            json(ctx, 413, Json.object("error", EkoolOAuthException.INVALID_REQUEST, "error_description",
                    "the request body is larger than " + Routes.MAX_BODY_BYTES / 1024 + " KiB", "message", "Content Too Large"));
            return;
        }
        if (status == 405) {
            String allowed = Endpoint.forPath(ctx.path()).map(Endpoint::method).orElse("another method");
            if (!allowed.equals("another method")) {
                ctx.header("Allow", allowed);
            }
            description = method + " is not allowed on " + path + "; use " + allowed;
        } else {
            description = "the eKool mock has no endpoint " + method + " " + path
                    + "; its endpoints are listed at /.well-known/oauth-authorization-server and in docs/mock-server.md";
        }
        json(ctx, status, Json.object("error", EkoolOAuthException.INVALID_REQUEST, "error_description", description,
                "message", status == 405 ? "Method Not Allowed" : "Not Found"));
    }

    private static void json(Context ctx, int status, Object body) {
        Call.of(ctx).ifPresent(Call::answered);
        Json.send(ctx, status, body);
    }

    private static boolean isBrokenRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof org.eclipse.jetty.http.HttpException) {
                return true;
            }
        }
        return false;
    }

    /** The RFC 6750 §3 challenge, written by Nimbus; a request without a token gets no error code (§3.1). */
    private static String bearerChallenge(EkoolOAuthException e, int status) {
        if (e instanceof MissingTokenException) {
            return BearerTokenError.MISSING_TOKEN.setRealm(REALM).toWWWAuthenticateHeader();
        }
        BearerTokenError error = new BearerTokenError(e.error(), quotable(e.errorDescription()), status).setRealm(REALM);
        if (EkoolOAuthException.INSUFFICIENT_SCOPE.equals(e.error())) {
            error = error.setScope(new com.nimbusds.oauth2.sdk.Scope("users-basic"));
        }
        return error.toWWWAuthenticateHeader();
    }

    /** RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E; anything else is replaced. */
    private static String quotable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(c == '"' ? '\'' : ' ');
            }
        }
        return out.toString();
    }
}
