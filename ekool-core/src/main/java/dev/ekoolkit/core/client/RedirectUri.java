package dev.ekoolkit.core.client;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A client's redirect URI (RFC 6749 §3.1.2): absolute, without a fragment, {@code https} except
 * {@code http} on a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}; RFC 8252
 * §7.3). A server compares redirect URIs by exact string match (RFC 9700 §4.1.3), which is what
 * {@link #matches(String)} does.
 *
 * <pre>{@code RedirectUri cb = RedirectUri.parse("https://my.application.com/oauth2/callback");}</pre>
 *
 * @param value the URI exactly as registered
 */
public record RedirectUri(String value) {

    /**
     * Validates the rules above.
     *
     * @param value the URI exactly as registered
     * @throws EkoolOAuthException {@code invalid_request} naming the rule that was broken
     */
    public RedirectUri {
        validate(value);
    }

    /**
     * A redirect URI from trusted input; rejects exactly as {@link #parse(String)} does.
     *
     * @param value the URI exactly as registered
     * @return a redirect URI from trusted input; rejects exactly as {@link #parse(String)} does
     */
    public static RedirectUri of(String value) {
        return new RedirectUri(value);
    }

    /**
     * A redirect URI received from outside; nothing is trimmed or normalised.
     *
     * @param wire the text as received from outside, possibly {@code null}; nothing is trimmed
     * @return a redirect URI received from outside; nothing is trimmed or normalised
     */
    public static RedirectUri parse(String wire) {
        return new RedirectUri(wire);
    }

    /**
     * The URI as a {@link URI}.
     *
     * @return the URI as a {@link URI}
     */
    public URI uri() {
        return URI.create(value);
    }

    /**
     * Exact, case-sensitive string comparison with a presented redirect URI (RFC 9700 §4.1.3).
     *
     * @param presented the value a client presented, possibly {@code null}
     * @return {@code true} when {@code presented} is exactly the registered URI
     */
    public boolean matches(String presented) {
        return value.equals(presented);
    }

    /** The URI as registered. */
    @Override
    public String toString() {
        return value;
    }

    /**
     * {@code true} for {@code localhost}, {@code 127.0.0.0/8} and the IPv6 loopback {@code [::1]} in any spelling (RFC 8252 §7.3).
     *
     * @param host a host name or IP literal, possibly {@code null}; IPv6 literals in brackets or without
     * @return {@code true} for {@code localhost}, {@code 127.0.0.0/8} and the IPv6 loopback {@code [::1]} in any spelling (RFC 8252 §7.3)
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] octets = h.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return octets[0].equals("127");
        }
        String literal = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (literal.indexOf(':') < 0 || !literal.matches("[0-9a-f:.]+")) {
            return false;
        }
        try {
            // an IPv6 literal: parsed without any name lookup
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void validate(String value) {
        String rule = "redirect_uri must be an absolute https URI without a fragment (http only on localhost,"
                + " 127.0.0.1 or [::1]; RFC 6749 section 3.1.2)";
        if (value == null || value.isEmpty()) {
            throw EkoolOAuthException.invalidRequest(rule + "; got " + (value == null ? "no value" : "an empty value"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw EkoolOAuthException.invalidRequest(rule + "; got "
                        + Text.describe(c) + " at position " + (i + 1));
            }
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw EkoolOAuthException.invalidRequest(rule + "; got a malformed URI (" + e.getReason()
                    + " at index " + e.getIndex() + ")");
        }
        if (!uri.isAbsolute()) {
            throw EkoolOAuthException.invalidRequest(rule + "; got a relative URI");
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            throw EkoolOAuthException.invalidRequest(rule + "; got a fragment ('#...')");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw EkoolOAuthException.invalidRequest(rule + "; got no host");
        }
        if (uri.getHost() == null) {
            throw EkoolOAuthException.invalidRequest(rule + "; got an authority that is not a valid host name"
                    + " (RFC 3986 section 3.2.2; '_' is not allowed, for example)");
        }
        if (uri.getRawUserInfo() != null) {
            throw EkoolOAuthException.invalidRequest(rule + "; got user information before the host ('...@')");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http")) {
            if (isLoopbackHost(uri.getHost())) {
                return;
            }
            throw EkoolOAuthException.invalidRequest(rule + "; got http on the non-loopback host '" + uri.getHost() + "'");
        }
        throw EkoolOAuthException.invalidRequest(rule + "; got the scheme '" + uri.getScheme() + "'");
    }
}
