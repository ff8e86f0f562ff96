package dev.ekoolkit.mock.internal;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/** PKCE syntax (RFC 7636), checked by Nimbus's {@link CodeVerifier} rather than by hand. */
public final class Pkce {

    private Pkce() {
    }

    /**
     * {@code true} when {@code value} is 43 to 128 characters from A-Z, a-z, 0-9, '-', '.', '_', '~': the syntax
     * of a {@code code_verifier} (RFC 7636 §4.1) and so of every {@code code_challenge} (§4.2: a plain challenge
     * is the verifier, an S256 one 43 base64url characters).
     */
    public static boolean isWellFormed(String value) {
        if (value == null) {
            return false;
        }
        try {
            new CodeVerifier(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
