package dev.ekoolkit.mock.internal;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.mock.admin.AuthMethod;
import dev.ekoolkit.mock.admin.Endpoint;
import dev.ekoolkit.mock.admin.Fault;
import dev.ekoolkit.mock.admin.RecordedRequest;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request's way through the mock, and the one place where errors become responses: every endpoint
 * handler is wrapped by {@link #endpoint}, which tags the request with its endpoint and response style,
 * parses its parameters strictly, applies queued delays and faults, and records it (secrets masked) after
 * the answer is decided. {@link #fail} maps any exception to the endpoint's own error format.
 */
public final class Exchange {

    /** How an endpoint answers errors. */
    public enum Style {
        /** JSON {@code error}, {@code error_description}, {@code message} with the RFC status (token, admin, metadata). */
        JSON,
        /** JSON plus {@code WWW-Authenticate: Bearer ...} (RFC 6750 §3). */
        RESOURCE,
        /** An HTML error page (login and consent pages, and authorize errors that may not redirect). */
        HTML
    }

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final String ATTR_STYLE = "ekool.style";
    private static final String ATTR_ENDPOINT = "ekool.endpoint";
    private static final String ATTR_PARAMS = "ekool.params";
    private static final String ATTR_GRANT = "ekool.grant";
    private static final String ATTR_CLIENT = "ekool.client";
    private static final String ATTR_AUTH = "ekool.auth";
    private static final String ATTR_TIME = "ekool.time";
    private static final String ATTR_ANSWERED = "ekool.answered";
    private static final Set<String> SECRET_PARAMS = Set.of("client_secret", "code", "code_verifier", "refresh_token",
            "password", "personal_code", "csrf_token", "access_token", "client_assertion", "assertion", "login");

    private Exchange() {
    }

    /**
     * Wraps an endpoint handler.
     *
     * @param rt          the server runtime
     * @param endpoint    the endpoint, for the journal and faults
     * @param style       how errors are answered
     * @param applyFaults whether queued faults are applied before the handler (the authorize handler applies them
     *                    itself, after it knows where a redirect may go)
     * @param handler     the endpoint's own logic
     */
    public static Handler endpoint(MockRuntime rt, Endpoint endpoint, Style style, boolean applyFaults, Handler handler) {
        return ctx -> {
            ctx.attribute(ATTR_STYLE, style);
            ctx.attribute(ATTR_ENDPOINT, endpoint);
            ctx.attribute(ATTR_TIME, rt.now());
            Params params = Params.parse(ctx.queryString(), "query");
            ctx.attribute(ATTR_PARAMS, params);
            if (ctx.method().name().equals("POST")
                    && Params.mediaType(ctx.header("Content-Type")).equals("application/x-www-form-urlencoded")) {
                Params form = Params.parse(ctx.bodyAsBytes(), "form body");
                ctx.attribute(ATTR_PARAMS, params.asMap().isEmpty() ? form : merge(params, form));
                ctx.attribute("ekool.form", form);
            }
            Optional<Duration> delay = rt.faults().nextDelay(endpoint);
            if (delay.isPresent()) {
                Thread.sleep(delay.get().toMillis());
            }
            if (applyFaults && applyFault(rt, endpoint, ctx)) {
                return;
            }
            handler.handle(ctx);
        };
    }

    /**
     * Serves the next queued fault of {@code endpoint}, if any: a bare status is answered here; an OAuth error
     * is thrown for {@link #fail} to format.
     *
     * @return {@code true} when a bare-status fault answered the request
     */
    public static boolean applyFault(MockRuntime rt, Endpoint endpoint, Context ctx) {
        Optional<Fault> fault = rt.faults().nextFault(endpoint);
        if (fault.isEmpty()) {
            return false;
        }
        Fault f = fault.get();
        if (f.kind() == Fault.Kind.OAUTH_ERROR) {
            throw f.toException();
        }
        answered(ctx);
        HttpStatus status = HttpStatus.forStatus(f.status());
        ctx.status(f.status()).contentType("text/plain; charset=utf-8")
                .result(f.status() + " " + status.getMessage() + " (fault injected by the eKool mock)\n");
        return true;
    }

    /** The request's parameters: query, then form body; repeated ones kept. */
    public static Params params(Context ctx) {
        Params p = ctx.attribute(ATTR_PARAMS);
        return p == null ? Params.empty() : p;
    }

    /** The form body's parameters only (empty unless the request was a form POST). */
    public static Params form(Context ctx) {
        Params p = ctx.attribute("ekool.form");
        return p == null ? Params.empty() : p;
    }

    /** Notes what the journal should say about a token request. */
    public static void note(Context ctx, String grantType, String clientId, AuthMethod authMethod) {
        if (grantType != null) {
            ctx.attribute(ATTR_GRANT, grantType);
        }
        if (clientId != null) {
            ctx.attribute(ATTR_CLIENT, clientId);
        }
        if (authMethod != null) {
            ctx.attribute(ATTR_AUTH, authMethod);
        }
    }

    /** The client id noted for this request, if any. */
    public static String notedClientId(Context ctx) {
        return ctx.attribute(ATTR_CLIENT);
    }

    /** The auth method noted for this request. */
    public static AuthMethod notedAuthMethod(Context ctx) {
        AuthMethod m = ctx.attribute(ATTR_AUTH);
        return m == null ? AuthMethod.NONE : m;
    }

    /** Records a wrapped request in the journal; runs after the answer is decided. */
    public static void record(MockRuntime rt, Context ctx) {
        Endpoint endpoint = ctx.attribute(ATTR_ENDPOINT);
        if (endpoint == null || !rt.journal().enabled()) {
            return;
        }
        Params params = params(ctx);
        String clientId = ctx.attribute(ATTR_CLIENT);
        if (clientId == null) {
            List<String> ids = params.asMap().get("client_id");
            clientId = ids == null || ids.isEmpty() ? null : ids.get(0);
        }
        String grant = ctx.attribute(ATTR_GRANT);
        if (grant == null && endpoint == Endpoint.TOKEN) {
            List<String> g = params.asMap().get("grant_type");
            grant = g == null || g.isEmpty() ? null : g.get(0);
        }
        java.time.Instant time = ctx.attribute(ATTR_TIME);
        rt.journal().record(new RecordedRequest(time == null ? rt.now() : time, endpoint, ctx.method().name(),
                ctx.path(), grant, clientId == null ? null : Text.printable(clientId, 64), notedAuthMethod(ctx),
                maskParams(params), maskHeaders(ctx), ctx.statusCode()));
    }

    /** Maps any exception to the response format of the request's endpoint; the only place that does. */
    public static void fail(Exception e, Context ctx) {
        Style style = ctx.attribute(ATTR_STYLE);
        if (style == null) {
            style = Style.JSON;
        }
        EkoolOAuthException oauth;
        if (e instanceof EkoolOAuthException x) {
            oauth = x;
        } else if (e instanceof HttpResponseException h && (h.getStatus() == 404 || h.getStatus() == 405)
                && ctx.attribute(ATTR_ENDPOINT) == null) {
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
        if (oauth instanceof RedirectError r) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(Redirects.to(r.redirectUri(), "error", r.error(), "error_description", r.errorDescription(),
                    "state", r.state()), HttpStatus.FOUND);
            return;
        }
        int status = oauth.httpStatus() >= 400 && oauth.httpStatus() <= 599 ? oauth.httpStatus()
                : EkoolOAuthException.defaultStatus(oauth.error());
        if (style == Style.HTML) {
            Html.Trailer trailer = ctx.attribute(ATTR_ENDPOINT) == Endpoint.AUTHORIZE ? Html.Trailer.UNVERIFIED_CLIENT
                    : Html.Trailer.START_AGAIN;
            Html.send(ctx, status, "Error: " + oauth.error(), Html.errorBody("The request cannot be completed",
                    oauth.error(), oauth.errorDescription(), trailer));
            return;
        }
        if (style == Style.RESOURCE && (status == 401 || status == 403)) {
            ctx.header("WWW-Authenticate", bearerChallenge(oauth));
        } else if (status == 401 && EkoolOAuthException.INVALID_CLIENT.equals(oauth.error())
                && notedAuthMethod(ctx) == AuthMethod.BASIC) {
            ctx.header("WWW-Authenticate", "Basic realm=\"eKool mock\", charset=\"UTF-8\"");
        }
        json(ctx, status, Json.object("error", oauth.error(), "error_description", oauth.errorDescription(),
                "message", Passport.message(oauth.error())));
    }

    private static boolean isBrokenRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof org.eclipse.jetty.http.HttpException) {
                return true;
            }
        }
        return false;
    }

    /** Notes that a mock route wrote the answer, so the 404/405 fallback keeps it. */
    public static void answered(Context ctx) {
        ctx.attribute(ATTR_ANSWERED, Boolean.TRUE);
    }

    /** Tags a request with the error style of the route that serves it. */
    public static void claim(Context ctx, Style style) {
        ctx.attribute(ATTR_STYLE, style);
    }

    /** The JSON answer for a path no route serves (404), a method a path does not take (405) or a body too large (413). */
    public static void unmatched(Context ctx, int status) {
        if (ctx.attribute(ATTR_ANSWERED) != null) {
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

    /** Sends a JSON body with {@code Cache-Control: no-store} (RFC 6749 §5.1). */
    public static void json(Context ctx, int status, Object body) {
        answered(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    private static String bearerChallenge(EkoolOAuthException e) {
        if (e instanceof MissingTokenException) {
            return "Bearer realm=\"eKool mock\"";
        }
        StringBuilder b = new StringBuilder("Bearer realm=\"eKool mock\", error=\"").append(e.error())
                .append("\", error_description=\"").append(quotable(e.errorDescription())).append('"');
        if (EkoolOAuthException.INSUFFICIENT_SCOPE.equals(e.error())) {
            b.append(", scope=\"users-basic\"");
        }
        return b.toString();
    }

    private static String quotable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E.
            if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(c == '"' ? '\'' : ' ');
            }
        }
        return out.toString();
    }

    private static Params merge(Params query, Params form) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        query.asMap().forEach((k, v) -> m.put(k, new java.util.ArrayList<>(v)));
        form.asMap().forEach((k, v) -> m.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
        return Params.of(m);
    }

    /** The longest parameter value the journal keeps whole; longer ones are cut, so 1,000 recorded 64 KiB bodies cannot pin 64 MB. */
    static final int MAX_RECORDED_VALUE = 4096;

    private static Map<String, List<String>> maskParams(Params params) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        params.asMap().forEach((k, v) -> out.put(k.length() > MAX_RECORDED_VALUE ? cut(k) : k, SECRET_PARAMS.contains(k)
                ? Collections.nCopies(v.size(), RecordedRequest.MASK) : v.stream().map(Exchange::cut).toList()));
        return Collections.unmodifiableMap(out);
    }

    private static String cut(String value) {
        return value.length() <= MAX_RECORDED_VALUE ? value
                : value.substring(0, MAX_RECORDED_VALUE) + "...(" + value.length() + " characters)";
    }

    private static Map<String, String> maskHeaders(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        Enumeration<String> names = ctx.req().getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String value = ctx.req().getHeader(name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
                int sp = value.indexOf(' ');
                value = (sp > 0 ? value.substring(0, sp) + " " : "") + RecordedRequest.MASK;
            } else if (lower.equals("cookie") || lower.equals("x-admin-token")) {
                value = RecordedRequest.MASK;
            }
            out.put(name, value);
        }
        return Collections.unmodifiableMap(out);
    }
}
