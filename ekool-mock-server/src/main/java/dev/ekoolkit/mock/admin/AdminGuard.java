package dev.ekoolkit.mock.admin;

import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.ConstantTime;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.mock.internal.Params;
import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The admin API's request guard, every rule in one place, checked before any admin operation: with an admin
 * token, every caller must send {@code Authorization: Bearer <token>}; without one, only loopback callers naming a
 * loopback {@code Host} (or the bound host) are served, against DNS rebinding. Requests a browser sends from
 * another origin ({@code Origin}, {@code Sec-Fetch-Site}) are refused, and every request other than GET must be
 * {@code application/json} (even with an empty body), which no cross-site form can send: no web page can drive
 * the admin API (CSRF).
 */
public final class AdminGuard {

    /**
     * What the guard looks at in an admin request; every header may be {@code null} (absent).
     *
     * @param remoteAddress the caller's IP address
     * @param method        the HTTP method
     * @param host          the {@code Host} header
     * @param origin        the {@code Origin} header
     * @param secFetchSite  the {@code Sec-Fetch-Site} header
     * @param contentType   the {@code Content-Type} header
     * @param authorization the {@code Authorization} header
     */
    public record AdminRequest(String remoteAddress, String method, String host, String origin, String secFetchSite,
                               String contentType, String authorization) {
        /** Returns the authorization header's scheme only, so the token never prints. */
        @Override
        public String toString() {
            return "AdminRequest[" + method + " from " + remoteAddress + ", Host " + host + ", Origin " + origin
                    + ", Sec-Fetch-Site " + secFetchSite + ", Content-Type " + contentType + ", Authorization "
                    + (authorization == null ? "none" : "****") + "]";
        }
    }

    private static final String REALM = "eKool mock admin";

    private final String adminToken;
    private final Supplier<String> baseUrl;

    /**
     * A guard.
     *
     * @param adminToken the token every caller must present, or {@code null} for loopback callers only
     * @param baseUrl    the server's base URL once started ({@code null} before), for its bound host
     */
    public AdminGuard(String adminToken, Supplier<String> baseUrl) {
        this.adminToken = adminToken;
        this.baseUrl = baseUrl;
    }

    /**
     * Lets the request through or throws the refusal.
     *
     * @param ctx the admin API request
     * @throws EkoolOAuthException {@code invalid_token} (401) without the admin token when one is required;
     *                             {@code access_denied} (403) for a non-loopback caller or Host, another origin or
     *                             another site; {@code invalid_request} (415) for a body that is not JSON
     */
    public void check(Context ctx) {
        try {
            check(new AdminRequest(ctx.req().getRemoteAddr(), ctx.method().name(), ctx.header("Host"),
                    ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), ctx.header("Content-Type"),
                    ctx.header("Authorization")));
        } catch (EkoolOAuthException e) {
            if (EkoolOAuthException.INVALID_TOKEN.equals(e.error())) {
                ctx.header("WWW-Authenticate", BearerTokenError.MISSING_TOKEN.setRealm(REALM).toWWWAuthenticateHeader());
            }
            throw e;
        }
    }

    /**
     * Lets the request through or throws the refusal; the rules of {@link #check(Context)} without HTTP.
     *
     * @param request the admin API request, without HTTP
     * @throws EkoolOAuthException as {@link #check(Context)}
     */
    public void check(AdminRequest request) {
        String token = adminToken;
        if (token != null) {
            String header = request.authorization();
            String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
            if (!ConstantTime.equals(token, presented)) {
                throw new EkoolOAuthException(EkoolOAuthException.INVALID_TOKEN, "the admin API of this server requires"
                        + " 'Authorization: Bearer <admin token>' (the token it was started with)", 401);
            }
        } else {
            if (!isLoopback(request.remoteAddress())) {
                throw new EkoolOAuthException(EkoolOAuthException.ACCESS_DENIED, "the admin API answers only loopback"
                        + " callers unless the server was started with an admin token", 403);
            }
            String host = request.host();
            if (!isLoopbackHost(hostName(host)) && !hostName(host).equalsIgnoreCase(boundHost())) {
                throw new EkoolOAuthException(EkoolOAuthException.ACCESS_DENIED, "without an admin token the admin API"
                        + " answers only requests whose Host header is localhost, a 127.x.x.x or [::1] address or the"
                        + " host the server was bound to (a defence against DNS rebinding); got Host '"
                        + Text.printable(host == null ? "" : host, 80) + "'", 403);
            }
        }
        String origin = request.origin();
        if (origin != null && !isOwnOrigin(origin, request.host())) {
            throw new EkoolOAuthException(EkoolOAuthException.ACCESS_DENIED, "the admin API refuses cross-origin"
                    + " requests: the Origin header must be this server's own origin (http://<Host>) when present; got '"
                    + Text.printable(origin, 80) + "'", 403);
        }
        String fetchSite = request.secFetchSite();
        if (fetchSite != null && (fetchSite.trim().equalsIgnoreCase("cross-site") || fetchSite.trim().equalsIgnoreCase("same-site"))) {
            throw new EkoolOAuthException(EkoolOAuthException.ACCESS_DENIED, "the admin API refuses requests a browser"
                    + " sends from another site (Sec-Fetch-Site: " + Text.printable(fetchSite, 20) + ")", 403);
        }
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")
                && !Params.mediaType(request.contentType()).equals("application/json")) {
            // Also for empty bodies: a cross-site form or fetch without a preflight cannot send this type.
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST, "admin requests other than GET must be"
                    + " Content-Type application/json, even with an empty body (a defence against cross-site requests);"
                    + " got '" + Text.printable(Params.mediaType(request.contentType()), 60) + "'", 415);
        }
    }

    /** The host the server was bound to and advertises, lower case, without brackets; empty before start. */
    private String boundHost() {
        String base = baseUrl.get();
        return base == null ? "" : hostName(URI.create(base).getRawAuthority());
    }

    /** The host part of a Host header value (no port, no IPv6 brackets, no trailing dot), lower case. */
    static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        h = colon < 0 ? h : h.substring(0, colon);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** {@code localhost}, a literal {@code 127.x.x.x} or {@code ::1}; names are never resolved. */
    static boolean isLoopbackHost(String host) {
        if (host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (!host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}")) {
            return false;
        }
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOwnOrigin(String origin, String hostHeader) {
        return hostHeader != null && !hostHeader.isBlank()
                && origin.trim().equalsIgnoreCase("http://" + hostHeader.trim());
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
