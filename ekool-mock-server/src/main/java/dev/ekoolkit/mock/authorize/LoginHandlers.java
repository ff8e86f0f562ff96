package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.ConstantTime;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockUser;
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
 * themselves are {@link LoginViews}), which work without JavaScript. Each handler parses its form once into a
 * typed value ({@link LoginForm}, {@link ConfirmForm}, {@link ConsentForm}: every rule the post alone shows), then
 * decides against the server's state (the login, its browser binding and CSRF token, its step, the client and the
 * user), then answers with a page or a redirect. The login page offers the configured users and eKool's login methods (password,
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
     * {@code POST /oauth/login}: one of the login forms. Parses the form ({@link LoginForm}), checks it against
     * the login it continues, then shows the next page: the consent page, the Smart-ID / Mobile-ID verification
     * page, or the login page again with what to correct.
     *
     * @param call the form submission
     */
    public void login(Call call) {
        LoginForm form = LoginForm.parse(call.ctx().header("Content-Type"), call.ctx().cookie(BROWSER_COOKIE),
                call.form()).orThrow();
        MockState state = rt.state();
        PendingLogin login = checked(form.post(), state, PendingLogin.Stage.LOGIN);
        MockClient client = client(state, login);
        LoginForm.Choice choice = form.choice();
        if (choice instanceof LoginForm.Mistake mistake) {
            call.page(200, "Log in", LoginViews.login(login, client, state.users().list(), mistake.message()));
        } else if (choice instanceof LoginForm.PickUser pick) {
            Optional<MockUser> user = state.users().byId(pick.userId());
            if (user.isEmpty()) {
                call.page(200, "Log in", LoginViews.login(login, client, state.users().list(),
                        "Choose one of the listed users."));
            } else {
                toConsent(call, state, login, client, user.get(), "pick");
            }
        } else if (choice instanceof LoginForm.Password password) {
            Optional<MockUser> user = state.users().byUsername(password.username());
            if (user.isEmpty() || !ConstantTime.equals(user.get().password(), password.password())) {
                call.page(200, "Log in", LoginViews.login(login, client, state.users().list(),
                        "Wrong username or password.", password.username()));
            } else {
                toConsent(call, state, login, client, user.get(), "password");
            }
        } else {
            eid(call, state, login, client, (LoginForm.Eid) choice);
        }
    }

    private void eid(Call call, MockState state, PendingLogin login, MockClient client, LoginForm.Eid eid) {
        Optional<MockUser> holder = eid.personalCode() != null ? state.users().byPersonalCode(eid.personalCode())
                : state.users().byId(eid.userId()).filter(u -> u.personalCode() != null);
        if (holder.isEmpty()) {
            call.page(200, "Log in", LoginViews.login(login, client, state.users().list(), eid.personalCode() != null
                    ? "No account has this personal code." : "Enter a personal code or choose an account."));
        } else if (eid.needsConfirmation()) {
            PendingLogin verifying = login.advance(PendingLogin.Stage.VERIFY, holder.get().id(), eid.method(),
                    Randoms.digits(4));
            if (!state.logins().advance(login, verifying)) {
                throw alreadyUsed();
            }
            call.page(200, LoginViews.verifyTitle(verifying), LoginViews.verify(verifying, holder.get()));
        } else {
            toConsent(call, state, login, client, holder.get(), eid.method());
        }
    }

    private void toConsent(Call call, MockState state, PendingLogin login, MockClient client, MockUser user,
            String method) {
        PendingLogin consenting = login.advance(PendingLogin.Stage.CONSENT, user.id(), method, null);
        if (!state.logins().advance(login, consenting)) {
            throw alreadyUsed();
        }
        call.page(200, "Allow access", LoginViews.consent(consenting, client, user, rt.config()));
    }

    /**
     * {@code POST /oauth/login/confirm}: the user "confirmed" the Smart-ID / Mobile-ID verification code, or
     * cancelled back to the login page.
     *
     * @param call the form submission
     */
    public void confirm(Call call) {
        ConfirmForm form = ConfirmForm.parse(call.ctx().header("Content-Type"), call.ctx().cookie(BROWSER_COOKIE),
                call.form()).orThrow();
        MockState state = rt.state();
        PendingLogin login = checked(form.post(), state, PendingLogin.Stage.VERIFY);
        MockClient client = client(state, login);
        MockUser user = user(state, login);
        if (form.cancel()) {
            PendingLogin back = login.advance(PendingLogin.Stage.LOGIN, null, null, null);
            if (!state.logins().advance(login, back)) {
                throw alreadyUsed();
            }
            call.page(200, "Log in", LoginViews.login(back, client, state.users().list(), null));
            return;
        }
        toConsent(call, state, login, client, user, login.loginMethod());
    }

    /**
     * {@code POST /oauth/consent}: approve (a code) or deny ({@code access_denied}); deny works at any stage.
     *
     * @param call the form submission
     */
    public void consent(Call call) {
        ConsentForm form = ConsentForm.parse(call.ctx().header("Content-Type"), call.ctx().cookie(BROWSER_COOKIE),
                call.form()).orThrow();
        MockState state = rt.state();
        PendingLogin login = checked(form.post(), state, form.approve() ? PendingLogin.Stage.CONSENT : null);
        AuthorizationContext request = login.request();
        String target;
        if (form.approve()) {
            MockUser user = user(state, login);
            client(state, login);
            if (!state.logins().finish(login)) {
                throw alreadyUsed();
            }
            target = AuthorizeEndpoint.issueCode(rt, request, user);
        } else {
            if (!state.logins().finish(login)) {
                throw alreadyUsed();
            }
            target = Redirects.to(request.redirectUri(), "error", EkoolOAuthException.ACCESS_DENIED,
                    "error_description", "The resource owner or authorization server denied the request.",
                    "state", request.state());
        }
        call.ctx().header("Cache-Control", "no-store");
        call.ctx().redirect(target, HttpStatus.SEE_OTHER);
    }

    /**
     * The login a parsed form continues, checked against the server's state: known and unexpired, bound to this
     * browser, with this CSRF token (compared in constant time), and at the {@code expected} step.
     */
    private PendingLogin checked(FormPost post, MockState state, PendingLogin.Stage expected) {
        PendingLogin login = state.logins().find(post.loginId(), rt.now()).orElseThrow(() -> new EkoolOAuthException(
                EkoolOAuthException.INVALID_REQUEST, "this login is unknown, finished or expired (logins must finish"
                + " within " + rt.config().lifetimes().login().toMinutes() + " minutes); start again from the application", 400));
        if (!ConstantTime.equals(login.browserBinding(), post.browser())
                || !ConstantTime.equals(login.csrfToken(), post.csrfToken())) {
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
}
