package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.mock.internal.Params;

import java.util.Objects;

/**
 * What every form of the login pages carries: the login it continues ({@code login}), its CSRF token
 * ({@code csrf_token}, RFC 6749 §10.12) and the browser cookie that binds the login to the browser that started
 * it. Parsing checks what the post alone shows: the content type and that neither field is repeated. Whether the
 * login exists, and whether the token and the cookie match it, is decided against the server's state
 * ({@link LoginHandlers}). The character set and the sizes are the pipeline's: every form body is decoded as
 * strict UTF-8 with at most {@link Params#MAX_PARAMS} parameters before any form is parsed, and the server caps
 * the body's size.
 *
 * @param loginId   the login's id, {@code null} when absent or empty
 * @param csrfToken the CSRF token, {@code ""} when absent
 * @param browser   the browser cookie, {@code ""} when absent
 */
record FormPost(String loginId, String csrfToken, String browser) {

    /** The only media type the forms post (HTML forms without JavaScript). */
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    /** Requires the token and the cookie ({@code ""} when absent). */
    FormPost {
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(browser, "browser");
    }

    /**
     * Parses the part every login form shares, and checks that none of the form's own fields is repeated.
     *
     * @param contentType   the request's {@code Content-Type}, or {@code null}
     * @param browserCookie the browser cookie's value, or {@code null}
     * @param form          the form body's parameters (empty unless the body is a form)
     * @param single        the form's own fields that it reads next, in that order, each of which may be sent once
     * @return the shared part, or the first rule the post breaks
     */
    static FormResult<FormPost> parse(String contentType, String browserCookie, Params form, String... single) {
        if (!Params.mediaType(contentType).equals(MEDIA_TYPE)) {
            return new FormResult.Refused<>(EkoolOAuthException.INVALID_REQUEST,
                    "the login forms post " + MEDIA_TYPE, 400);
        }
        FormResult.Refused<FormPost> repeated = FormResult.Refused.ifRepeated(form, "login", "csrf_token");
        repeated = repeated != null ? repeated : FormResult.Refused.ifRepeated(form, single);
        if (repeated != null) {
            return repeated;
        }
        String csrf = form.get("csrf_token");
        return new FormResult.Ok<>(new FormPost(form.get("login"), csrf == null ? "" : csrf,
                browserCookie == null ? "" : browserCookie));
    }

    /** Shows the login id; the CSRF token and the cookie only by length. */
    @Override
    public String toString() {
        return "FormPost[loginId=" + loginId + ", csrfToken=(" + csrfToken.length() + " characters), browser=("
                + browser.length() + " characters)]";
    }
}
