package dev.ekoolkit.mock.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A login in progress between {@code /oauth/authorize} and the consent decision, bound to one browser
 * (a cookie value) and protected by a CSRF token its forms carry.
 *
 * @param id               the unguessable id the pages' forms carry
 * @param request          the validated authorization request
 * @param browserBinding   the value of the browser's session cookie the login is bound to
 * @param csrfToken        the token every form of this login must return
 * @param expiresAt        when the login can no longer be finished
 * @param stage            where the login is
 * @param userId           the user who authenticated, once known
 * @param loginMethod      the method used ({@code password}, {@code smart-id}, {@code mobile-id}, {@code id-card}), once chosen
 * @param verificationCode the code shown for Smart-ID and Mobile-ID, or {@code null}
 */
public record PendingLogin(String id, AuthorizationContext request, String browserBinding, String csrfToken,
                           Instant expiresAt, Stage stage, String userId, String loginMethod, String verificationCode) {

    /** Where a login is. */
    public enum Stage {
        /** Waiting for the user to choose a login method and authenticate. */
        LOGIN,
        /** Smart-ID or Mobile-ID: waiting for the user to confirm the verification code on their device. */
        VERIFY,
        /** Authenticated; waiting for approval or denial of the scopes. */
        CONSENT
    }

    /**
     * Requires the non-nullable parts.
     *
     * @param id the unguessable id the pages' forms carry
     * @param request the validated authorization request
     * @param browserBinding the value of the browser's session cookie the login is bound to
     * @param csrfToken the token every form of this login must return
     * @param expiresAt when the login can no longer be finished
     * @param stage where the login is
     * @param userId the user who authenticated, once known
     * @param loginMethod the method used ({@code password}, {@code smart-id}, {@code mobile-id}, {@code id-card}), once
     *                    chosen
     * @param verificationCode the code shown for Smart-ID and Mobile-ID, or {@code null}
     */
    public PendingLogin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(browserBinding, "browserBinding");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(stage, "stage");
    }

    /**
     * This login moved to {@code next}, with the user, method and verification code so far.
     *
     * @param next the stage the login moves to
     * @param user the id of the user who authenticated, or {@code null} while unknown
     * @param method the login method ({@code password}, {@code smart-id}, {@code mobile-id} or {@code id-card}), or
     *               {@code null} while not chosen
     * @param code the verification code shown for Smart-ID and Mobile-ID, or {@code null}
     * @return a copy at {@code next}; this instance is unchanged
     */
    public PendingLogin advance(Stage next, String user, String method, String code) {
        return new PendingLogin(id, request, browserBinding, csrfToken, expiresAt, next, user, method, code);
    }

    /** Masked: ids and tokens do not print. */
    @Override
    public String toString() {
        return "PendingLogin[stage=" + stage + ", request=" + request + "]";
    }
}
