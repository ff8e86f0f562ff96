package dev.ekoolkit.mock.runtime;

import dev.ekoolkit.mock.api.AuthMethod;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.internal.Html;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.internal.Params;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request's context, the only per-request object the mock keeps: which endpoint it is for, how that
 * endpoint answers errors, when it arrived, its parameters (parsed once by the pipeline), what the journal
 * should say about it, where an authorization error may be redirected, and whether an answer was written.
 * The pipeline opens it; endpoints read it and answer through it. Not thread-safe: one request, one thread.
 */
public final class Call {

    /** How an endpoint answers errors. */
    public enum Style {
        /** JSON {@code error}, {@code error_description}, {@code message} with the RFC status (token, admin, metadata). */
        JSON,
        /** JSON plus {@code WWW-Authenticate: Bearer ...} (RFC 6750 §3). */
        RESOURCE,
        /** An HTML error page (login and consent pages, and authorize errors that may not redirect). */
        HTML
    }

    /**
     * Where an authorization request's errors go once its client and redirect URI are known (RFC 6749 §4.1.2.1).
     *
     * @param redirectUri the client's redirect URI the error goes to
     * @param state the authorization request's {@code state}, echoed back, or {@code null} when it sent none
     */
    public record ErrorRedirect(String redirectUri, String state) {
        /**
         * Requires the redirect URI; the state may be {@code null}.
         *
         * @param redirectUri the client's redirect URI the error goes to, not {@code null}
         * @param state the authorization request's {@code state}, echoed back, or {@code null} when it sent none
         */
        public ErrorRedirect {
            Objects.requireNonNull(redirectUri, "redirectUri");
        }
    }

    private static final String KEY = Call.class.getName();

    private final Context ctx;
    private final Endpoint endpoint;
    private final Style style;
    private final Instant time;
    private final Params params;
    private final Params form;
    private String grantType;
    private String clientId;
    private AuthMethod authMethod = AuthMethod.NONE;
    private ErrorRedirect errorRedirect;
    private boolean answered;

    private Call(Context ctx, Endpoint endpoint, Style style, Instant time, Params params, Params form) {
        this.ctx = ctx;
        this.endpoint = endpoint;
        this.style = style;
        this.time = time;
        this.params = params;
        this.form = form;
    }

    /**
     * Opens the context of a request to one of the mock's endpoints and attaches it to {@code ctx}.
     *
     * @param ctx the Javalin request and response
     * @param endpoint the endpoint the request reached
     * @param style how errors of this request are answered
     * @param time when the request arrived, by the server's clock
     * @return the new context, already attached to {@code ctx}
     * @param params the query and form parameters, query first
     * @param form   the form body's parameters alone (empty unless a form POST)
     */
    public static Call open(Context ctx, Endpoint endpoint, Style style, Instant time, Params params, Params form) {
        Call call = new Call(ctx, Objects.requireNonNull(endpoint, "endpoint"), style, time, params, form);
        ctx.attribute(KEY, call);
        return call;
    }

    /**
     * Opens the context of a request outside the journaled endpoints (the admin API), answering errors in {@code
     * style}.
     *
     * @param ctx the Javalin request and response
     * @param style how errors of this request are answered
     * @param time when the request arrived, by the server's clock
     * @return the new context, already attached to {@code ctx}
     */
    public static Call claim(Context ctx, Style style, Instant time) {
        Call call = new Call(ctx, null, style, time, Params.empty(), Params.empty());
        ctx.attribute(KEY, call);
        return call;
    }

    /**
     * The context attached to {@code ctx}, if the request reached a mock route.
     *
     * @param ctx the Javalin request and response
     * @return the attached context, or empty when no mock route opened one
     */
    public static Optional<Call> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(KEY));
    }

    /**
     * The Javalin request and response.
     *
     * @return the Javalin context of this request
     */
    public Context ctx() {
        return ctx;
    }

    /**
     * The endpoint; empty for the admin API.
     *
     * @return the endpoint, or empty for an admin API request
     */
    public Optional<Endpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * How errors are answered.
     *
     * @return the error style
     */
    public Style style() {
        return style;
    }

    /**
     * When the request arrived, by the server's clock.
     *
     * @return the arrival time, by the server's clock
     */
    public Instant time() {
        return time;
    }

    /**
     * The query and form parameters, query first; repeated ones kept.
     *
     * @return all query and form parameters, query first
     */
    public Params params() {
        return params;
    }

    /**
     * The form body's parameters alone (empty unless the request was a form POST).
     *
     * @return the form body's parameters; empty unless a form POST
     */
    public Params form() {
        return form;
    }

    /**
     * Notes the {@code grant_type} of a token request for the journal.
     *
     * @param value the {@code grant_type} as sent, possibly {@code null}
     */
    public void noteGrantType(String value) {
        this.grantType = value;
    }

    /**
     * Notes the client id the request authenticated or named, for the journal.
     *
     * @param value the client id as sent, possibly {@code null}
     */
    public void noteClientId(String value) {
        this.clientId = value;
    }

    /**
     * Notes how a token request authenticated its client, for the journal and the error mapping.
     *
     * @param value the client authentication method used
     */
    public void noteAuthMethod(AuthMethod value) {
        this.authMethod = Objects.requireNonNull(value, "value");
    }

    /**
     * The noted {@code grant_type}, or {@code null}.
     *
     * @return the noted {@code grant_type}, or {@code null} when none was noted
     */
    public String grantType() {
        return grantType;
    }

    /**
     * The noted client id, or {@code null}.
     *
     * @return the noted client id, or {@code null} when none was noted
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The noted client authentication method ({@link AuthMethod#NONE} until noted).
     *
     * @return the noted method, {@link AuthMethod#NONE} until one is noted
     */
    public AuthMethod authMethod() {
        return authMethod;
    }

    /**
     * From now on, OAuth errors of this request are redirected to the client (RFC 6749 §4.1.2.1).
     *
     * @param redirectUri the client's registered redirect URI the errors go to
     * @param state the request's {@code state} to echo back, or {@code null} when it sent none
     */
    public void redirectErrorsTo(String redirectUri, String state) {
        this.errorRedirect = new ErrorRedirect(redirectUri, state);
    }

    /**
     * Where OAuth errors of this request are redirected; empty while they get an error page.
     *
     * @return the redirect target, or empty while errors get an error page
     */
    public Optional<ErrorRedirect> errorRedirect() {
        return Optional.ofNullable(errorRedirect);
    }

    /** Notes that a mock route wrote the answer, so the 404/405 fallback keeps it. */
    public void answered() {
        this.answered = true;
    }

    /**
     * {@code true} once a mock route wrote the answer.
     *
     * @return {@code true} once the answer is written
     */
    public boolean isAnswered() {
        return answered;
    }

    /**
     * Answers with a JSON body and {@code Cache-Control: no-store} (RFC 6749 §5.1).
     *
     * @param status the HTTP status code, such as 200 or 400
     * @param body the object serialised as the JSON body
     */
    public void json(int status, Object body) {
        answered();
        Json.send(ctx, status, body);
    }

    /**
     * Answers with a complete HTML page ({@code title} plain text, {@code bodyHtml} already escaped).
     *
     * @param status the HTTP status code, such as 200 or 400
     * @param title the page title, plain text (escaped here)
     * @param bodyHtml the page body, HTML already escaped
     */
    public void page(int status, String title, String bodyHtml) {
        answered();
        Html.send(ctx, status, title, bodyHtml);
    }
}
