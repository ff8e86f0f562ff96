package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.mock.internal.Params;

import java.util.Objects;

/**
 * {@code POST /oauth/login/confirm}: the Smart-ID / Mobile-ID verification page's form, parsed once. Besides the
 * shared part ({@link FormPost}) it carries a {@code decision}: {@code cancel} goes back to the login page, any
 * other value (the page's button sends {@code confirm}) confirms. A {@code decision} sent twice is refused
 * (RFC 6749 §3.1).
 *
 * @param post   the shared part: login, CSRF token, browser cookie
 * @param cancel {@code true} when the user cancelled
 */
record ConfirmForm(FormPost post, boolean cancel) {

    /** Requires the shared part. */
    ConfirmForm {
        Objects.requireNonNull(post, "post");
    }

    /**
     * Parses a confirmation form post, every rule of the form in one place.
     *
     * @param contentType   the request's {@code Content-Type}, or {@code null}
     * @param browserCookie the browser cookie's value, or {@code null}
     * @param form          the form body's parameters
     * @return the typed form, or the first rule the post breaks
     */
    static FormResult<ConfirmForm> parse(String contentType, String browserCookie, Params form) {
        return FormPost.parse(contentType, browserCookie, form, "decision")
                .then(post -> new FormResult.Ok<>(new ConfirmForm(post, "cancel".equals(form.get("decision")))));
    }
}
