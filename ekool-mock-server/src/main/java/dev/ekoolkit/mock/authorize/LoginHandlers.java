package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.ConstantTime;
import dev.ekoolkit.core.person.PersonalCode;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.internal.Randoms;
import dev.ekoolkit.mock.internal.Redirects;
import dev.ekoolkit.mock.runtime.Call;
import dev.ekoolkit.mock.runtime.MockRuntime;
import dev.ekoolkit.mock.state.AuthorizationContext;
import dev.ekoolkit.mock.state.MockState;
import dev.ekoolkit.mock.state.PendingLogin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Locale;
import java.util.Optional;

/**
 * The login and consent steps of an authorization: the handlers of the forms the pages post (the pages
 * themselves are {@link LoginViews}), which work without JavaScript. The login page offers the configured users and eKool's login methods (password,
 * Smart-ID, Mobile-ID, ID-card; the eID methods simulated with the user's personal code and, for Smart-ID
 * and Mobile-ID, a verification code to "confirm on the phone"); the consent page lists the requested
 * scopes with their descriptions. Every form is bound to the browser by a cookie and carries a CSRF token
 * (RFC 6749 §10.12); pages may not be framed (§10.13).
 */
public final class LoginHandlers {

    /** The cookie that binds a login to the browser that started it. */
    public static final String BROWSER_COOKIE = "ekool_mock_browser";
    /** {@code POST} target of the login forms. */
    public static final String LOGIN_PATH = "/oauth/login";
    /** {@code POST} target of the Smart-ID / Mobile-ID confirmation. */
    public static final String CONFIRM_PATH = "/oauth/login/confirm";
    /** {@code POST} target of the consent decision. */
    public static final String CONSENT_PATH = "/oauth/consent";

    private final MockRuntime rt;

    /**
     * The login handlers of one server.
     *
     * @param rt the runtime of the server these handlers belong to
     */
    public LoginHandlers(MockRuntime rt) {
        this.rt = rt;
    }

    /**
     * Starts a login for a validated request and shows the login page.
     *
     * @param call the authorization request, already opened by the pipeline
     * @param request the validated authorization request
     * @param client the client that sent it
     */
    public void begin(Call call, AuthorizationContext request, MockClient client) {
        Context ctx = call.ctx();
        String browser = ctx.cookie(BROWSER_COOKIE);
        if (browser == null || !browser.matches("[A-Za-z0-9_-]{32}")) {
            browser = Randoms.token(24);
            ctx.res().addHeader("Set-Cookie", BROWSER_COOKIE + "=" + browser + "; Path=/oauth; HttpOnly; SameSite=Lax");
        }
        PendingLogin login = new PendingLogin(Randoms.token(24), request, browser, Randoms.token(24),
                rt.now().plus(rt.config().lifetimes().login()), PendingLogin.Stage.LOGIN, null, null, null);
        rt.state().logins().put(login, rt.now());
        call.page(200, "Log in", LoginViews.login(login, client, rt.state().users().list(), null));
    }

    /**
     * {@code POST /oauth/login}: one of the login forms.
     *
     * @param call the form submission
     */
    public void login(Call call) {
        MockState state = rt.state();
        PendingLogin login = checked(call, state, PendingLogin.Stage.LOGIN);
        MockClient client = client(state, login);
        Params form = call.form();
        String method = Optional.ofNullable(form.get("method")).orElse("");
        MockUser user;
        switch (method) {
            case "pick" -> user = state.users().byId(form.get("user_id")).orElse(null);
            case "password" -> {
                Optional<MockUser> byName = state.users().byUsername(Optional.ofNullable(form.get("username")).orElse(""));
                String password = Optional.ofNullable(form.get("password")).orElse("");
                boolean ok = byName.isPresent() && ConstantTime.equals(byName.get().password(), password);
                if (!ok) {
                    call.page(200, "Log in", LoginViews.login(login, client, rt.state().users().list(), "Wrong username or password.",
                            Optional.ofNullable(form.get("username")).orElse("")));
                    return;
                }
                user = byName.get();
            }
            case "smart-id", "mobile-id", "id-card" -> {
                Optional<MockUser> holder = eidUser(state, form);
                if (holder.isEmpty()) {
                    call.page(200, "Log in", LoginViews.login(login, client, rt.state().users().list(), eidProblem(form)));
                    return;
                }
                user = holder.get();
                if (!method.equals("id-card")) {
                    PendingLogin verifying = login.advance(PendingLogin.Stage.VERIFY, user.id(), method, Randoms.digits(4));
                    if (!state.logins().advance(login, verifying)) {
                        throw alreadyUsed();
                    }
                    call.page(200, LoginViews.verifyTitle(verifying), LoginViews.verify(verifying, user));
                    return;
                }
            }
            default -> {
                call.page(200, "Log in", LoginViews.login(login, client, rt.state().users().list(), "Choose a login method."));
                return;
            }
        }
        if (user == null) {
            call.page(200, "Log in", LoginViews.login(login, client, rt.state().users().list(), "Choose one of the listed users."));
            return;
        }
        PendingLogin consenting = login.advance(PendingLogin.Stage.CONSENT, user.id(), method, null);
        if (!state.logins().advance(login, consenting)) {
            throw alreadyUsed();
        }
        call.page(200, "Allow access", LoginViews.consent(consenting, client, user, rt.config()));
    }

    /**
     * {@code POST /oauth/login/confirm}: the user "confirmed" the Smart-ID / Mobile-ID verification code.
     *
     * @param call the form submission
     */
    public void confirm(Call call) {
        MockState state = rt.state();
        PendingLogin login = checked(call, state, PendingLogin.Stage.VERIFY);
        MockClient client = client(state, login);
        MockUser user = user(state, login);
        if ("cancel".equals(call.form().get("decision"))) {
            PendingLogin back = login.advance(PendingLogin.Stage.LOGIN, null, null, null);
            if (!state.logins().advance(login, back)) {
                throw alreadyUsed();
            }
            call.page(200, "Log in", LoginViews.login(back, client, rt.state().users().list(), null));
            return;
        }
        PendingLogin consenting = login.advance(PendingLogin.Stage.CONSENT, user.id(), login.loginMethod(), null);
        if (!state.logins().advance(login, consenting)) {
            throw alreadyUsed();
        }
        call.page(200, "Allow access", LoginViews.consent(consenting, client, user, rt.config()));
    }

    /**
     * {@code POST /oauth/consent}: approve (a code) or deny ({@code access_denied}); deny works at any stage.
     *
     * @param call the form submission
     */
    public void consent(Call call) {
        Context ctx = call.ctx();
        MockState state = rt.state();
        String decision = Optional.ofNullable(call.form().get("decision")).orElse("");
        PendingLogin login = checked(call, state, decision.equals("approve") ? PendingLogin.Stage.CONSENT : null);
        AuthorizationContext request = login.request();
        String target;
        if (decision.equals("approve")) {
            MockUser user = user(state, login);
            client(state, login);
            if (!state.logins().finish(login)) {
                throw alreadyUsed();
            }
            target = AuthorizeEndpoint.issueCode(rt, request, user);
        } else if (decision.equals("deny")) {
            if (!state.logins().finish(login)) {
                throw alreadyUsed();
            }
            target = Redirects.to(request.redirectUri(), "error", EkoolOAuthException.ACCESS_DENIED,
                    "error_description", "The resource owner or authorization server denied the request.",
                    "state", request.state());
        } else {
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST,
                    "decision must be 'approve' or 'deny'", 400);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    private PendingLogin checked(Call call, MockState state, PendingLogin.Stage expected) {
        Context ctx = call.ctx();
        Params form = call.form();
        if (!Params.mediaType(ctx.header("Content-Type")).equals("application/x-www-form-urlencoded")) {
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST, "the login forms post"
                    + " application/x-www-form-urlencoded", 400);
        }
        PendingLogin login = state.logins().find(form.get("login"), rt.now()).orElseThrow(() -> new EkoolOAuthException(
                EkoolOAuthException.INVALID_REQUEST, "this login is unknown, finished or expired (logins must finish"
                + " within " + rt.config().lifetimes().login().toMinutes() + " minutes); start again from the application", 400));
        String browser = Optional.ofNullable(ctx.cookie(BROWSER_COOKIE)).orElse("");
        String csrf = Optional.ofNullable(form.get("csrf_token")).orElse("");
        if (!ConstantTime.equals(login.browserBinding(), browser) || !ConstantTime.equals(login.csrfToken(), csrf)) {
            throw new EkoolOAuthException(EkoolOAuthException.ACCESS_DENIED, "the form's CSRF token or the browser"
                    + " cookie does not match this login (cross-site request forgery protection, RFC 6749 section 10.12);"
                    + " start again from the application", 403);
        }
        if (expected != null && login.stage() != expected) {
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST, "this login is at the "
                    + login.stage().name().toLowerCase(Locale.ROOT) + " step, not the "
                    + expected.name().toLowerCase(Locale.ROOT) + " step (was the form sent twice?)", 400);
        }
        return login;
    }

    private static EkoolOAuthException alreadyUsed() {
        return new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST,
                "this login step was already completed (was the form sent twice?)", 400);
    }

    private static MockClient client(MockState state, PendingLogin login) {
        return state.clients().find(login.request().clientId()).orElseThrow(() -> new EkoolOAuthException(
                EkoolOAuthException.INVALID_CLIENT, "the client of this login has been removed", 400));
    }

    private static MockUser user(MockState state, PendingLogin login) {
        return state.users().byId(login.userId()).orElseThrow(() -> new EkoolOAuthException(
                EkoolOAuthException.INVALID_REQUEST, "the user of this login no longer exists", 400));
    }

    private static Optional<MockUser> eidUser(MockState state, Params form) {
        String code = form.get("personal_code");
        if (code != null) {
            return PersonalCode.isValid(code) ? state.users().byPersonalCode(code) : Optional.empty();
        }
        return state.users().byId(form.get("user_id")).filter(u -> u.personalCode() != null);
    }

    private static String eidProblem(Params form) {
        String code = form.get("personal_code");
        if (code == null) {
            return "Enter a personal code or choose an account.";
        }
        return PersonalCode.isValid(code) ? "No account has this personal code."
                : "That is not a valid Estonian personal code (11 digits with a valid check digit).";
    }
}
