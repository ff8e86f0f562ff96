package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.Violation;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.internal.Pkce;
import dev.ekoolkit.mock.internal.Randoms;
import dev.ekoolkit.mock.internal.Redirects;
import dev.ekoolkit.mock.runtime.Call;
import dev.ekoolkit.mock.runtime.MockRuntime;
import dev.ekoolkit.mock.runtime.ParsedEndpoint;
import dev.ekoolkit.mock.state.AuthorizationCodes;
import dev.ekoolkit.mock.state.AuthorizationContext;
import dev.ekoolkit.mock.state.MockState;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /oauth/authorize} (RFC 6749 §4.1.1, RFC 7636 §4.3). An unknown or malformed client and a
 * redirect URI that is not exactly registered get an HTML error page and no redirect (RFC 6749 §4.1.2.1);
 * every other problem is redirected to the client with {@code error}, {@code error_description} and
 * {@code state}. A valid request shows the login page, or, with auto-login or a chosen next login, redirects
 * straight back with a code.
 */
public final class AuthorizeEndpoint implements ParsedEndpoint<AuthorizeEndpoint.Request> {

    /**
     * A checked authorization request.
     *
     * @param client  the registered client it names
     * @param context what the code will be bound to: client, redirect URI, scopes, state, PKCE challenge
     */
    public record Request(MockClient client, AuthorizationContext context) {
    }

    /** The longest {@code state} accepted (the mock's bound, so redirects stay short). */
    public static final int MAX_STATE = 1024;

    private final MockRuntime rt;
    private final LoginHandlers login;

    /**
     * The endpoint of one server; a request without a chosen user continues at {@code login}.
     *
     * @param rt the runtime of the server this endpoint belongs to
     * @param login the login handlers that show the pages when no user is chosen
     */
    public AuthorizeEndpoint(MockRuntime rt, LoginHandlers login) {
        this.rt = rt;
        this.login = login;
    }

    /**
     * Parses and checks the whole authorization request. Until its client and redirect URI are known, errors get
     * an HTML page (RFC 6749 §4.1.2.1); from then on they are redirected to the client with the state.
     */
    @Override
    public Request parse(Call call) {
        Params q = call.params();
        MockClient client = client(q, rt.state());
        String redirectUri = redirectUri(q, client);
        call.redirectErrorsTo(redirectUri, null);
        String clientState = q.get("state");
        if (clientState != null && clientState.length() > MAX_STATE) {
            throw EkoolOAuthException.invalidRequest("state must be at most " + MAX_STATE + " characters (the mock's"
                    + " bound); got " + clientState.length());
        }
        call.redirectErrorsTo(redirectUri, clientState);
        return new Request(client, validate(q, client, redirectUri, clientState));
    }

    /** Logs the chosen user straight in (auto-login or a chosen next login) or shows the login page. */
    @Override
    public void answer(Call call, Request request) {
        Optional<MockUser> chosen;
        try {
            chosen = rt.takeLoginChoice();
        } catch (IllegalStateException e) {
            throw new EkoolOAuthException(EkoolOAuthException.SERVER_ERROR, e.getMessage(), 500);
        }
        if (chosen.isPresent()) {
            call.answered();
            call.ctx().header("Cache-Control", "no-store");
            call.ctx().redirect(issueCode(rt, request.context(), chosen.get()), HttpStatus.FOUND);
            return;
        }
        login.begin(call, request.context(), request.client());
    }

    /**
     * Issues a code for an approved request and returns the redirect URI carrying it and the state
     * (RFC 6749 §4.1.2).
     *
     * @param rt the runtime of the server
     * @param request the approved authorization request
     * @param user the user who approved it
     * @return the client's redirect URI with {@code code} and, when sent, {@code state}
     */
    public static String issueCode(MockRuntime rt, AuthorizationContext request, MockUser user) {
        String code = Randoms.token(32);
        rt.state().codes().put(code, new AuthorizationCodes.CodeGrant(request, user.id(),
                rt.now().plus(rt.config().lifetimes().authorizationCode())), rt.now());
        return Redirects.to(request.redirectUri(), "code", code, "state", request.state());
    }

    private static MockClient client(Params q, MockState state) {
        String id = single(q, "client_id");
        if (id == null) {
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST,
                    "client_id is required (RFC 6749 section 4.1.1); got " + (q.has("client_id") ? "an empty value"
                            : "no client_id parameter"), 400);
        }
        List<Violation> violations = CredentialFormat.checkClientId(id);
        if (!violations.isEmpty()) {
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_CLIENT,
                    violations.stream().map(Violation::message).collect(Collectors.joining("; ")), 400);
        }
        return state.clients().find(id).orElseThrow(() -> new EkoolOAuthException(EkoolOAuthException.INVALID_CLIENT,
                "client_id " + state.clients().shown(id) + " is not a client registered with this server"
                        + " (RFC 6749 section 4.1.2.1)", 400));
    }

    private static String redirectUri(Params q, MockClient client) {
        String uri = single(q, "redirect_uri");
        if (uri == null) {
            if (client.redirectUris().size() == 1) {
                return client.redirectUris().get(0).value();
            }
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST, "redirect_uri is required, because"
                    + " client " + client.id() + " has " + client.redirectUris().size() + " registered redirect URIs"
                    + " (RFC 6749 section 3.1.2.3)", 400);
        }
        if (!client.hasRedirectUri(uri)) {
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST, "redirect_uri '"
                    + Text.printable(uri, 200) + "' is not registered for client " + client.id()
                    + "; it must be exactly one of " + client.redirectUris()
                    + " (exact string match, RFC 6749 section 3.1.2.4, RFC 9700 section 4.1.3). To register it with"
                    + " this mock: start it with --redirect-uri <uri>, list it under redirect_uris in --config, or"
                    + " PUT /__admin/clients/<client_id> (docs/mock-server.md)", 400);
        }
        return uri;
    }

    private AuthorizationContext validate(Params q, MockClient client, String redirectUri, String clientState) {
        q.requireNoRepeats();
        String responseType = q.get("response_type");
        if (responseType == null) {
            throw EkoolOAuthException.invalidRequest("response_type is required; eKool uses response_type=code"
                    + " (RFC 6749 section 4.1.1)");
        }
        if (!responseType.equals("code")) {
            throw new EkoolOAuthException(EkoolOAuthException.UNSUPPORTED_RESPONSE_TYPE, "response_type '"
                    + Text.printable(responseType, 40) + "' is not supported; eKool uses the authorization code flow,"
                    + " response_type=code (RFC 6749 section 4.1.2.1)");
        }
        String scope = q.get("scope");
        if (scope == null) {
            throw EkoolOAuthException.invalidScope("scope is required (the mock's choice, RFC 6749 section 3.3);"
                    + " client " + client.id() + " may request '" + client.allowedScopes().format() + "'");
        }
        Scopes scopes = Scopes.parse(scope);
        for (Scope s : scopes) {
            if (rt.config().scope(s).isEmpty()) {
                throw EkoolOAuthException.invalidScope("scope '" + s + "' is unknown to this server; it knows '"
                        + rt.config().scopes().stream().map(d -> d.scope().value()).collect(Collectors.joining(" "))
                        + "' (RFC 6749 section 3.3)");
            }
            if (!client.allowedScopes().contains(s)) {
                throw EkoolOAuthException.invalidScope("client " + client.id() + " may not request the scope '" + s
                        + "'; it may request '" + client.allowedScopes().format() + "' (RFC 6749 section 3.3)");
            }
        }
        String challenge = q.get("code_challenge");
        String method = q.get("code_challenge_method");
        if (challenge == null && method != null) {
            throw EkoolOAuthException.invalidRequest("code_challenge_method was given without code_challenge"
                    + " (RFC 7636 section 4.3)");
        }
        MockConfig.PkcePolicy policy = rt.config().pkce();
        if (challenge == null && policy.requiresChallenge()) {
            throw EkoolOAuthException.invalidRequest("code_challenge is required: this server's PKCE policy is '"
                    + policy.wire() + "', so every authorization request must carry a code_challenge (RFC 7636 section 4.4.1)");
        }
        if (challenge != null) {
            if (!Pkce.isWellFormed(challenge)) {
                throw EkoolOAuthException.invalidRequest("code_challenge must be 43 to 128 characters from A-Z, a-z,"
                        + " 0-9, '-', '.', '_', '~' (RFC 7636 section 4.2); got " + challenge.length() + " characters");
            }
            if (method == null) {
                method = "plain";
            } else if (!method.equals("S256") && !method.equals("plain")) {
                throw EkoolOAuthException.invalidRequest("code_challenge_method '" + Text.printable(method, 40)
                        + "' is not supported; use S256 (RFC 7636 section 4.3)");
            }
            if (policy == MockConfig.PkcePolicy.S256 && !method.equals("S256")) {
                throw EkoolOAuthException.invalidRequest("code_challenge_method must be S256: this server's PKCE policy is"
                        + " 's256', which refuses 'plain'" + (q.has("code_challenge_method") ? "" : " (the method when"
                        + " code_challenge_method is omitted)") + " (RFC 7636 section 4.4.1)");
            }
        }
        return new AuthorizationContext(client.id().value(), redirectUri, q.has("redirect_uri"), scopes, clientState,
                challenge, challenge == null ? null : method);
    }

    private static String single(Params q, String name) {
        List<String> v = q.asMap().get(name);
        if (v != null && v.size() > 1) {
            EkoolOAuthException e = Params.repeated(name, v.size());
            throw new EkoolOAuthException(e.error(), e.errorDescription(), 400);
        }
        return q.get(name);
    }
}
