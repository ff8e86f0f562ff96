package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.person.PersonalCode;
import dev.ekoolkit.mock.internal.Params;

import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /oauth/login}: one of the login page's forms, parsed once. Besides the shared part ({@link FormPost})
 * it carries a {@code method} and that method's fields: {@code user_id} to pick a listed user; {@code username} and
 * {@code password}; or, for Smart-ID, Mobile-ID and ID-card, a {@code personal_code} or else the {@code user_id} of
 * an account. A field sent twice is refused (RFC 6749 §3.1); a field the method does not read is ignored. A
 * mistake the post alone shows (no known method, a personal code that is not a valid Estonian one) is not a
 * refusal but a {@link Mistake}: the login page is shown again with its message once the login is known to be this
 * browser's.
 *
 * @param post   the shared part: login, CSRF token, browser cookie
 * @param choice what the user chose and entered
 */
record LoginForm(FormPost post, Choice choice) {

    /** The page's message for a post without a known {@code method}. */
    static final String NO_METHOD = "Choose a login method.";
    /** The page's message for a {@code personal_code} that is not a valid Estonian one. */
    static final String INVALID_PERSONAL_CODE =
            "That is not a valid Estonian personal code (11 digits with a valid check digit).";

    /** The eID methods, as the forms name them. */
    static final Set<String> EID_METHODS = Set.of("smart-id", "mobile-id", "id-card");

    /** Requires both parts. */
    LoginForm {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(choice, "choice");
    }

    /** What the user chose on the login page. */
    sealed interface Choice permits PickUser, Password, Eid, Mistake {
    }

    /**
     * A listed user, picked ({@code method=pick}).
     *
     * @param userId the picked user's id, {@code null} when absent or empty
     */
    record PickUser(String userId) implements Choice {
    }

    /**
     * A username and password ({@code method=password}).
     *
     * @param username the username as typed, {@code ""} when absent
     * @param password the password as typed, {@code ""} when absent; never printed
     */
    record Password(String username, String password) implements Choice {

        /** Requires both ({@code ""} when absent). */
        Password {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        /** Shows the username; the password only by length. */
        @Override
        public String toString() {
            return "Password[username=" + username + ", password=(" + password.length() + " characters)]";
        }
    }

    /**
     * A simulated eID login: by a valid personal code or, without one, by a chosen account.
     *
     * @param method       {@code smart-id}, {@code mobile-id} or {@code id-card}
     * @param personalCode a valid Estonian personal code, or {@code null} when the user chose an account
     * @param userId       the chosen account's id when no personal code was entered, else {@code null}; also
     *                     {@code null} when neither was sent
     */
    record Eid(String method, String personalCode, String userId) implements Choice {

        /** Requires a known method and at most one of the personal code and the account. */
        Eid {
            if (!EID_METHODS.contains(method)) {
                throw new IllegalArgumentException("method must be one of " + EID_METHODS + "; got " + method);
            }
            if (personalCode != null && userId != null) {
                throw new IllegalArgumentException("an eID login names a personal code or an account, not both");
            }
        }

        /**
         * {@code true} for Smart-ID and Mobile-ID, which show a verification code to confirm on the phone first.
         *
         * @return whether the login waits for a confirmation
         */
        boolean needsConfirmation() {
            return !method.equals("id-card");
        }
    }

    /**
     * A mistake the post alone shows; the login page says it.
     *
     * @param message the page's message
     */
    record Mistake(String message) implements Choice {
    }

    /**
     * Parses a login form post, every rule of the form in one place.
     *
     * @param contentType   the request's {@code Content-Type}, or {@code null}
     * @param browserCookie the browser cookie's value, or {@code null}
     * @param form          the form body's parameters
     * @return the typed form, or the first rule the post breaks
     */
    static FormResult<LoginForm> parse(String contentType, String browserCookie, Params form) {
        return FormPost.parse(contentType, browserCookie, form, "method").then(post -> choice(post, form));
    }

    /** The method's fields: only those the method reads, each at most once. */
    private static FormResult<LoginForm> choice(FormPost post, Params form) {
        String method = form.get("method");
        if (method == null) {
            return ok(post, new Mistake(NO_METHOD));
        }
        switch (method) {
            case "pick" -> {
                FormResult.Refused<LoginForm> repeated = FormResult.Refused.ifRepeated(form, "user_id");
                return repeated != null ? repeated : ok(post, new PickUser(form.get("user_id")));
            }
            case "password" -> {
                FormResult.Refused<LoginForm> repeated = FormResult.Refused.ifRepeated(form, "username", "password");
                return repeated != null ? repeated
                        : ok(post, new Password(orEmpty(form.get("username")), orEmpty(form.get("password"))));
            }
            case "smart-id", "mobile-id", "id-card" -> {
                FormResult.Refused<LoginForm> repeated = FormResult.Refused.ifRepeated(form, "personal_code");
                if (repeated != null) {
                    return repeated;
                }
                String code = form.get("personal_code");
                if (code != null) {
                    return ok(post, PersonalCode.isValid(code) ? new Eid(method, code, null)
                            : new Mistake(INVALID_PERSONAL_CODE));
                }
                repeated = FormResult.Refused.ifRepeated(form, "user_id");
                return repeated != null ? repeated : ok(post, new Eid(method, null, form.get("user_id")));
            }
            default -> {
                return ok(post, new Mistake(NO_METHOD));
            }
        }
    }

    private static FormResult<LoginForm> ok(FormPost post, Choice choice) {
        return new FormResult.Ok<>(new LoginForm(post, choice));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
