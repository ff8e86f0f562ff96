package dev.ekoolkit.mock.token;

import dev.ekoolkit.core.credentials.ClientSecret;
import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.CredentialFormatException;
import dev.ekoolkit.core.credentials.Violation;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.mock.api.AuthMethod;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.runtime.Call;
import dev.ekoolkit.mock.state.ClientRegistry;
import io.javalin.http.Context;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Client authentication at the token endpoint (RFC 6749 §2.3.1): HTTP Basic or the form fields
 * {@code client_id} and {@code client_secret}, never both. eKool's credential formats are checked first
 * (401 {@code invalid_client} naming the rule, as ekool-core's {@link CredentialFormat} words it); then the
 * client is looked up and the secret compared in constant time; an unknown client and a wrong secret get
 * the same answer, Passport's "Client authentication failed".
 */
public final class ClientAuthenticator {

    /** Passport's description for an unknown client or a wrong secret. */
    public static final String FAILED = "Client authentication failed";

    /** Compared against when the client is unknown, so both failures take the same path. */
    private static final ClientSecret DUMMY = ClientSecret.of("0000000000000000000000000000000000000000");

    private ClientAuthenticator() {
    }

    /**
     * Authenticates the client of a token request.
     *
     * @param call    the request (its {@code Authorization} header is read; the client and method are noted on it)
     * @param form    the form body's parameters
     * @param clients the registered clients
     * @return the authenticated client
     * @throws EkoolOAuthException {@code invalid_request} for two methods at once, {@code invalid_client} (401) otherwise
     */
    public static MockClient authenticate(Call call, Params form, ClientRegistry clients) {
        Context ctx = call.ctx();
        String header = ctx.header("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic", 0, 5)
                && (header.length() == 5 || header.charAt(5) == ' ');
        String formId = form.get("client_id");
        String formSecret = form.get("client_secret");
        String id;
        String secret;
        if (basic) {
            call.noteAuthMethod(AuthMethod.BASIC);
            String[] pair = decodeBasic(ctx, header.substring(5).trim());
            id = pair[0];
            secret = pair[1];
            call.noteClientId(id);
            if (form.has("client_secret")) {
                throw EkoolOAuthException.invalidRequest("the client authenticated twice: with HTTP Basic and with"
                        + " client_secret in the body; use exactly one method (RFC 6749 section 2.3)");
            }
            if (formId != null && !formId.equals(id)) {
                throw EkoolOAuthException.invalidRequest("client_id in the body differs from the client id in the"
                        + " Authorization header (RFC 6749 section 2.3.1)");
            }
        } else {
            id = formId;
            secret = formSecret;
            call.noteClientId(id);
            call.noteAuthMethod(id != null || secret != null ? AuthMethod.POST : AuthMethod.NONE);
        }
        List<Violation> violations = CredentialFormat.check(id, secret);
        if (!violations.isEmpty()) {
            throw new CredentialFormatException(violations);
        }
        Optional<MockClient> client = clients.find(id);
        boolean ok = client.map(MockClient::secret).orElse(DUMMY).matches(secret);
        if (client.isEmpty() || !ok) {
            throw EkoolOAuthException.invalidClient(FAILED);
        }
        return client.get();
    }

    private static String[] decodeBasic(Context ctx, String b64) {
        String rule = "the Authorization header must be 'Basic ' and base64(client_id:client_secret) (RFC 6749 section 2.3.1,"
                + " RFC 7617)";
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw EkoolOAuthException.invalidClient(rule + "; got text that is not base64");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw EkoolOAuthException.invalidClient(rule + "; got bytes that are not UTF-8");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw EkoolOAuthException.invalidClient(rule + "; got no ':' between id and secret");
        }
        try {
            return new String[] {
                    URLDecoder.decode(text.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(text.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw EkoolOAuthException.invalidClient(rule + "; got broken percent-encoding (the id and secret are"
                    + " form-urlencoded before base64)");
        }
    }
}
