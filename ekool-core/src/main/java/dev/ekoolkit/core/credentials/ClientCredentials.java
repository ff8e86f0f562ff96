package dev.ekoolkit.core.credentials;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * A client id and its secret, as eKool's e-mail reply delivers them. {@link #toString()} masks the secret.
 *
 * <pre>{@code
 * ClientCredentials creds = ClientCredentials.parse(System.getenv("EKOOL_CLIENT_ID"),
 *                                                   System.getenv("EKOOL_CLIENT_SECRET"));
 * }</pre>
 *
 * @param clientId     the public identifier
 * @param clientSecret the secret
 */
public record ClientCredentials(ClientId clientId, ClientSecret clientSecret) {

    /**
     * Requires both parts.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     */
    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /**
     * Credentials from typed parts.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return the credentials
     */
    public static ClientCredentials of(ClientId clientId, ClientSecret clientSecret) {
        return new ClientCredentials(clientId, clientSecret);
    }

    /**
     * Credentials from text; checks both values and reports every violation of either at once.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return the credentials, both checked
     * @throws CredentialFormatException listing every violation, client id first
     */
    public static ClientCredentials parse(String clientId, String clientSecret) {
        List<Violation> violations = CredentialFormat.check(clientId, clientSecret);
        if (!violations.isEmpty()) {
            throw new CredentialFormatException(violations);
        }
        return new ClientCredentials(new ClientId(clientId), new ClientSecret(clientSecret));
    }

    /**
     * A fresh random pair in eKool's format, drawn from {@code random}.
     *
     * @param random the source of randomness
     * @return a fresh random pair in eKool's format, drawn from {@code random}
     */
    public static ClientCredentials generate(SecureRandom random) {
        return new ClientCredentials(ClientId.generate(random), ClientSecret.generate(random));
    }

    /** The id and a masked secret. */
    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=****]";
    }
}
