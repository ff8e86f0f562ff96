package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.environment.EkoolEnvironment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.net.URLDecoder.decode;

/** Shared test values: the credentials of eKool's help article and a fixed clock. */
final class Fixtures {

    static final String CLIENT_ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    static final String CLIENT_SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";
    static final ClientCredentials CREDENTIALS = ClientCredentials.parse(CLIENT_ID, CLIENT_SECRET);
    static final String REDIRECT = "https://my.application.com/oauth2/callback";
    static final Instant NOW = Instant.parse("2025-09-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {
    }

    static EkoolOAuthClient.Builder builder() {
        return EkoolOAuthClient.builder()
                .environment(EkoolEnvironment.PRODUCTION)
                .credentials(CREDENTIALS)
                .redirectUri(RedirectUri.of(REDIRECT))
                .clock(CLOCK);
    }

    static EkoolOAuthClient.Builder builder(URI base) {
        return builder().environment(EkoolEnvironment.custom(base, base));
    }

    /** RFC 7636 §4.2 S256, computed with the JDK rather than Nimbus. */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Decodes an application/x-www-form-urlencoded string into an ordered map, failing on repeats. */
    static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (out.put(name, value) != null) {
                throw new AssertionError("parameter " + name + " repeated in " + encoded);
            }
        }
        return out;
    }

    static PendingAuthorization pending(String state, String verifier) {
        return new PendingAuthorization(state, verifier, RedirectUri.of(REDIRECT),
                dev.ekoolkit.core.scope.Scopes.of("users-basic"), URI.create("https://login.ekool.eu/oauth/authorize"), NOW);
    }

    static List<String> keys(Map<String, String> map) {
        return List.copyOf(map.keySet());
    }
}
