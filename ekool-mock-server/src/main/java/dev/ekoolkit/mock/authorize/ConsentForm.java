package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.mock.internal.Params;

import java.util.Objects;

/**
 * {@code POST /oauth/consent}: the consent decision, parsed once. Besides the shared part ({@link FormPost}) it
 * carries a {@code decision}, exactly {@code approve} or {@code deny} (the login and verification pages' cancel
 * buttons send {@code deny} too); anything else, or a {@code decision} sent twice (RFC 6749 §3.1), is refused.
 *
 * @param post    the shared part: login, CSRF token, browser cookie
 * @param approve {@code true} for {@code approve}, {@code false} for {@code deny}
 */
record ConsentForm(FormPost post, boolean approve) {

    /** Requires the shared part. */
    ConsentForm {
        Objects.requireNonNull(post, "post");
    }

    /**
     * Parses a consent form post, every rule of the form in one place.
     *
     * @param contentType   the request's {@code Content-Type}, or {@code null}
     * @param browserCookie the browser cookie's value, or {@code null}
     * @param form          the form body's parameters
     * @return the typed form, or the first rule the post breaks
     */
    static FormResult<ConsentForm> parse(String contentType, String browserCookie, Params form) {
        return FormPost.parse(contentType, browserCookie, form, "decision").then(post -> {
            String decision = form.get("decision");
            if (!"approve".equals(decision) && !"deny".equals(decision)) {
                return new FormResult.Refused<>(EkoolOAuthException.INVALID_REQUEST,
                        "decision must be 'approve' or 'deny'", 400);
            }
            return new FormResult.Ok<>(new ConsentForm(post, "approve".equals(decision)));
        });
    }
}
