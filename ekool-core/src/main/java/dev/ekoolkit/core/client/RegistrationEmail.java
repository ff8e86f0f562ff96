package dev.ekoolkit.core.client;

import java.util.Objects;

/**
 * A plain-text e-mail ready to send as is, as rendered by {@link ClientRegistrationRequest#email()}.
 *
 * @param to      the recipient address, {@code help@ekool.eu}
 * @param subject the subject line, one line
 * @param body    the plain-text body, lines separated by {@code \n}
 */
public record RegistrationEmail(String to, String subject, String body) {

    /**
     * Requires every part.
     *
     * @param to the recipient address, {@code help@ekool.eu}
     * @param subject the subject line, one line
     * @param body the plain-text body, lines separated by {@code \n}
     */
    public RegistrationEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
