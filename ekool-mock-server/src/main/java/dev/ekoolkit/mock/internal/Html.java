package dev.ekoolkit.mock.internal;

import io.javalin.http.Context;

import java.util.function.BiConsumer;

/**
 * Server-rendered pages: no scripts, no external assets, inline CSS allowed by a per-response CSP nonce,
 * and headers that forbid framing (RFC 6749 §10.13, RFC 9700 §4.16), sniffing, caching and referrers.
 */
public final class Html {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f3f5f8;color:#1d2430;margin:0}
            main{max-width:46rem;margin:2rem auto;background:#fff;border-radius:.5rem;padding:1.5rem 2rem;box-shadow:0 1px 4px #0002}
            h1{font-size:1.4rem;margin-top:0}h2{font-size:1.1rem;margin-top:1.5rem}
            .mock{background:#fff3cd;border:1px solid #e0c36a;padding:.5rem .75rem;border-radius:.25rem;font-size:.9rem}
            .error{background:#fde8e8;border:1px solid #e39a9a;padding:.75rem;border-radius:.25rem}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e8ee}
            fieldset{border:1px solid #d5dae3;border-radius:.35rem;margin:1rem 0;padding:.75rem 1rem}
            label{display:block;margin:.4rem 0}input[type=text],input[type=password],select{padding:.3rem;min-width:16rem}
            button{padding:.4rem .9rem;margin:.2rem .3rem .2rem 0;cursor:pointer}
            .code{font-size:2.2rem;font-weight:700;letter-spacing:.3rem}
            code{background:#eef1f5;padding:0 .2rem}
            """;

    private Html() {
    }

    /**
     * Sends a complete page.
     *
     * @param ctx      the request
     * @param status   the HTTP status
     * @param title    the page title (plain text; escaped here)
     * @param bodyHtml the body, already escaped by the caller
     */
    public static void send(Context ctx, int status, String title, String bodyHtml) {
        String nonce = Randoms.token(16);
        secureHeaders(ctx, nonce);
        ctx.status(status).contentType("text/html; charset=utf-8").result(page(title, bodyHtml, nonce));
    }

    /**
     * A complete page whose inline style carries {@code styleNonce}.
     *
     * @param title    the page title (plain text; escaped here)
     * @param bodyHtml the body, already escaped by the caller
     */
    public static String page(String title, String bodyHtml, String styleNonce) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + " - eKool mock</title>"
                + "<style nonce=\"" + styleNonce + "\">" + CSS + "</style></head><body><main>"
                + "<p class=\"mock\">This is the <strong>eKool mock server</strong> for development and tests,"
                + " not the real eKool.</p>"
                + bodyHtml + "</main></body></html>";
    }

    /** The headers every page carries: no framing, no sniffing, no caching, no referrer. */
    public static void secureHeaders(Context ctx, String styleNonce) {
        headers(ctx::header, styleNonce);
    }

    /** The headers every page carries, given to {@code put} as name and value. */
    public static void headers(BiConsumer<String, String> put, String styleNonce) {
        put.accept("X-Frame-Options", "DENY");
        put.accept("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + styleNonce + "'; "
                + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'");
        put.accept("X-Content-Type-Options", "nosniff");
        put.accept("Referrer-Policy", "no-referrer");
        put.accept("Cache-Control", "no-store");
        put.accept("Pragma", "no-cache");
    }

    /** What an error page says about going on, which depends on where the error happened. */
    public enum Trailer {
        /**
         * An authorization request whose client or redirect URI could not be verified: the error may not be
         * redirected (RFC 6749 §4.1.2.1).
         */
        UNVERIFIED_CLIENT("The request cannot be sent back to the application, because the client or its redirect URI"
                + " could not be verified (RFC 6749 section 4.1.2.1)."),
        /** A login or consent form that cannot go on (CSRF check failed, login expired, form sent twice). */
        START_AGAIN("This login cannot go on. Go back to the application and start signing in again from there.");

        private final String text;

        Trailer(String text) {
            this.text = text;
        }
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An error page body: a heading, the description (both escaped) and what the user can do next. */
    public static String errorBody(String heading, String error, String description, Trailer trailer) {
        return "<h1>" + escape(heading) + "</h1><div class=\"error\"><p><strong>" + escape(error)
                + "</strong></p><p id=\"error-description\">" + escape(description) + "</p></div>"
                + "<p id=\"error-next\">" + escape(trailer.text) + "</p>";
    }

    /** The trailer for an error page at {@code path}: the authorize endpoint's, or the login forms'. */
    public static Trailer trailerFor(String path) {
        return path != null && path.startsWith("/oauth/authorize") ? Trailer.UNVERIFIED_CLIENT : Trailer.START_AGAIN;
    }
}
