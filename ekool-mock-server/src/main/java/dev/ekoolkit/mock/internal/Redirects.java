package dev.ekoolkit.mock.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Building the redirect back to the client (RFC 6749 §4.1.2): parameters appended to its redirect URI's query. */
public final class Redirects {

    private Redirects() {
    }

    /** {@code redirectUri} with {@code name=value} pairs appended (values may be {@code null}, then skipped). */
    public static String to(String redirectUri, String... namesAndValues) {
        StringBuilder out = new StringBuilder(redirectUri.length() + 96).append(redirectUri);
        boolean hasQuery = redirectUri.indexOf('?') >= 0;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            out.append(hasQuery ? '&' : '?');
            hasQuery = true;
            out.append(namesAndValues[i]).append('=').append(encode(value));
        }
        return out.toString();
    }

    /** Form-URL-encodes a value with {@code %20} for spaces. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
