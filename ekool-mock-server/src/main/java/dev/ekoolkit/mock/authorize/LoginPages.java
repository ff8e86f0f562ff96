package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.person.PersonalCode;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.internal.Exchange;
import dev.ekoolkit.mock.internal.Html;
import dev.ekoolkit.mock.internal.MockRuntime;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.internal.Randoms;
import dev.ekoolkit.mock.internal.Redirects;
import dev.ekoolkit.mock.internal.Text;
import dev.ekoolkit.mock.state.AuthorizationContext;
import dev.ekoolkit.mock.state.MockState;
import dev.ekoolkit.mock.state.PendingLogin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The login and consent pages: server-rendered HTML without scripts or external assets, so they work
 * without JavaScript. The login page offers the configured users and eKool's login methods (password,
 * Smart-ID, Mobile-ID, ID-card; the eID methods simulated with the user's personal code and, for Smart-ID
 * and Mobile-ID, a verification code to "confirm on the phone"); the consent page lists the requested
 * scopes with their descriptions. Every form is bound to the browser by a cookie and carries a CSRF token
 * (RFC 6749 §10.12); pages may not be framed (§10.13).
 */
public final class LoginPages {

    /** The cookie that binds a login to the browser that started it. */
    public static final String BROWSER_COOKIE = "ekool_mock_browser";
    /** {@code POST} target of the login forms. */
    public static final String LOGIN_PATH = "/oauth/login";
    /** {@code POST} target of the Smart-ID / Mobile-ID confirmation. */
    public static final String CONFIRM_PATH = "/oauth/login/confirm";
    /** {@code POST} target of the consent decision. */
    public static final String CONSENT_PATH = "/oauth/consent";

    private final MockRuntime rt;

    /** The pages of one server. */
    public LoginPages(MockRuntime rt) {
        this.rt = rt;
    }

    /** Starts a login for a validated request and shows the login page. */
    public void begin(Context ctx, AuthorizationContext request, MockClient client) {
        String browser = ctx.cookie(BROWSER_COOKIE);
        if (browser == null || !browser.matches("[A-Za-z0-9_-]{32}")) {
            browser = Randoms.token(24);
            ctx.res().addHeader("Set-Cookie", BROWSER_COOKIE + "=" + browser + "; Path=/oauth; HttpOnly; SameSite=Lax");
        }
        PendingLogin login = new PendingLogin(Randoms.token(24), request, browser, Randoms.token(24),
                rt.now().plus(rt.config().lifetimes().login()), PendingLogin.Stage.LOGIN, null, null, null);
        rt.state().logins().put(login, rt.now());
        loginPage(ctx, login, client, null, 200);
    }

    /** {@code POST /oauth/login}: one of the login forms. */
    public void login(Context ctx) {
        MockState state = rt.state();
        PendingLogin login = checked(ctx, state, PendingLogin.Stage.LOGIN);
        MockClient client = client(state, login);
        Params form = Exchange.form(ctx);
        String method = Optional.ofNullable(form.get("method")).orElse("");
        MockUser user;
        switch (method) {
            case "pick" -> user = state.users().byId(form.get("user_id")).orElse(null);
            case "password" -> {
                Optional<MockUser> byName = state.users().byUsername(Optional.ofNullable(form.get("username")).orElse(""));
                String password = Optional.ofNullable(form.get("password")).orElse("");
                boolean ok = byName.isPresent() && MessageDigest.isEqual(byName.get().password().getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
                if (!ok) {
                    loginPage(ctx, login, client, "Wrong username or password.", 200);
                    return;
                }
                user = byName.get();
            }
            case "smart-id", "mobile-id", "id-card" -> {
                Optional<MockUser> holder = eidUser(state, form);
                if (holder.isEmpty()) {
                    loginPage(ctx, login, client, eidProblem(form), 200);
                    return;
                }
                user = holder.get();
                if (!method.equals("id-card")) {
                    PendingLogin verifying = login.advance(PendingLogin.Stage.VERIFY, user.id(), method, Randoms.digits(4));
                    if (!state.logins().advance(login, verifying)) {
                        throw alreadyUsed();
                    }
                    verifyPage(ctx, verifying, client, user);
                    return;
                }
            }
            default -> {
                loginPage(ctx, login, client, "Choose a login method.", 200);
                return;
            }
        }
        if (user == null) {
            loginPage(ctx, login, client, "Choose one of the listed users.", 200);
            return;
        }
        PendingLogin consenting = login.advance(PendingLogin.Stage.CONSENT, user.id(), method, null);
        if (!state.logins().advance(login, consenting)) {
            throw alreadyUsed();
        }
        consentPage(ctx, consenting, client, user);
    }

    /** {@code POST /oauth/login/confirm}: the user "confirmed" the Smart-ID / Mobile-ID verification code. */
    public void confirm(Context ctx) {
        MockState state = rt.state();
        PendingLogin login = checked(ctx, state, PendingLogin.Stage.VERIFY);
        MockClient client = client(state, login);
        MockUser user = user(state, login);
        if ("cancel".equals(Exchange.form(ctx).get("decision"))) {
            PendingLogin back = login.advance(PendingLogin.Stage.LOGIN, null, null, null);
            if (!state.logins().advance(login, back)) {
                throw alreadyUsed();
            }
            loginPage(ctx, back, client, null, 200);
            return;
        }
        PendingLogin consenting = login.advance(PendingLogin.Stage.CONSENT, user.id(), login.loginMethod(), null);
        if (!state.logins().advance(login, consenting)) {
            throw alreadyUsed();
        }
        consentPage(ctx, consenting, client, user);
    }

    /** {@code POST /oauth/consent}: approve (a code) or deny ({@code access_denied}); deny works at any stage. */
    public void consent(Context ctx) {
        MockState state = rt.state();
        String decision = Optional.ofNullable(Exchange.form(ctx).get("decision")).orElse("");
        PendingLogin login = checked(ctx, state, decision.equals("approve") ? PendingLogin.Stage.CONSENT : null);
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

    private PendingLogin checked(Context ctx, MockState state, PendingLogin.Stage expected) {
        Params form = Exchange.form(ctx);
        if (!Params.mediaType(ctx.header("Content-Type")).equals("application/x-www-form-urlencoded")) {
            throw new EkoolOAuthException(EkoolOAuthException.INVALID_REQUEST, "the login forms post"
                    + " application/x-www-form-urlencoded", 400);
        }
        PendingLogin login = state.logins().find(form.get("login"), rt.now()).orElseThrow(() -> new EkoolOAuthException(
                EkoolOAuthException.INVALID_REQUEST, "this login is unknown, finished or expired (logins must finish"
                + " within " + rt.config().lifetimes().login().toMinutes() + " minutes); start again from the application", 400));
        String browser = Optional.ofNullable(ctx.cookie(BROWSER_COOKIE)).orElse("");
        String csrf = Optional.ofNullable(form.get("csrf_token")).orElse("");
        if (!MessageDigest.isEqual(browser.getBytes(StandardCharsets.UTF_8), login.browserBinding().getBytes(StandardCharsets.UTF_8))
                || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), login.csrfToken().getBytes(StandardCharsets.UTF_8))) {
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

    // ---- rendering ----

    private String hidden(PendingLogin login) {
        return "<input type=\"hidden\" name=\"login\" value=\"" + Text.html(login.id()) + "\">"
                + "<input type=\"hidden\" name=\"csrf_token\" value=\"" + Text.html(login.csrfToken()) + "\">";
    }

    private void loginPage(Context ctx, PendingLogin login, MockClient client, String error, int status) {
        List<MockUser> users = rt.state().users().list();
        List<MockUser> eid = users.stream().filter(u -> u.personalCode() != null).toList();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Log in to eKool</h1><p><strong>").append(Text.html(client.name()))
                .append("</strong> wants you to log in with your eKool account.</p>");
        if (error != null) {
            b.append("<p class=\"error\" id=\"login-error\">").append(Text.html(error)).append("</p>");
        }
        b.append("<h2>Mock users</h2><table id=\"users\"><tr><th>Name</th><th>Username</th><th>Roles</th><th></th></tr>");
        for (MockUser u : users) {
            b.append("<tr><td>").append(Text.html(u.fullName())).append("</td><td>").append(Text.html(u.username()))
                    .append("</td><td>").append(Text.html(u.roles().stream().map(MockUser.Role::wire).collect(Collectors.joining(", "))))
                    .append("</td><td><form method=\"post\" action=\"").append(LOGIN_PATH).append("\">").append(hidden(login))
                    .append("<input type=\"hidden\" name=\"method\" value=\"pick\"><input type=\"hidden\" name=\"user_id\" value=\"")
                    .append(Text.html(u.id())).append("\"><button type=\"submit\" id=\"pick-").append(Text.html(u.username()))
                    .append("\">Log in as ").append(Text.html(u.firstName())).append("</button></form></td></tr>");
        }
        b.append("</table>");

        b.append("<fieldset><legend>Username and password</legend><form method=\"post\" action=\"").append(LOGIN_PATH)
                .append("\" id=\"password-form\">").append(hidden(login)).append("<input type=\"hidden\" name=\"method\" value=\"password\">")
                .append("<label>Username <input type=\"text\" name=\"username\" id=\"username\" autocomplete=\"username\"></label>")
                .append("<label>Password <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\"></label>")
                .append("<button type=\"submit\" id=\"password-submit\">Log in</button></form></fieldset>");

        eidForm(b, login, eid, "smart-id", "Smart-ID", "");
        eidForm(b, login, eid, "mobile-id", "Mobile-ID",
                "<label>Phone number <input type=\"text\" name=\"phone\" value=\"+372\" autocomplete=\"tel\"></label>");
        b.append("<fieldset><legend>ID-card</legend><form method=\"post\" action=\"").append(LOGIN_PATH)
                .append("\" id=\"id-card-form\">").append(hidden(login)).append("<input type=\"hidden\" name=\"method\" value=\"id-card\">")
                .append("<label>Card in the reader <select name=\"user_id\" id=\"id-card-holder\">");
        for (MockUser u : eid) {
            b.append("<option value=\"").append(Text.html(u.id())).append("\">").append(Text.html(u.fullName())).append(" (")
                    .append(PersonalCode.of(u.personalCode()).masked()).append(")</option>");
        }
        b.append("</select></label><button type=\"submit\" id=\"id-card-submit\">Log in with ID-card</button></form></fieldset>");

        b.append("<form method=\"post\" action=\"").append(CONSENT_PATH).append("\">").append(hidden(login))
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"cancel\">Cancel and return to the application</button></form>");
        Html.send(ctx, status, "Log in", b.toString());
    }

    private static void eidForm(StringBuilder b, PendingLogin login, List<MockUser> eid, String method, String label, String extra) {
        b.append("<fieldset><legend>").append(label).append("</legend><form method=\"post\" action=\"").append(LOGIN_PATH)
                .append("\" id=\"").append(method).append("-form\">")
                .append("<input type=\"hidden\" name=\"login\" value=\"").append(Text.html(login.id())).append("\">")
                .append("<input type=\"hidden\" name=\"csrf_token\" value=\"").append(Text.html(login.csrfToken())).append("\">")
                .append("<input type=\"hidden\" name=\"method\" value=\"").append(method).append("\">")
                .append("<label>Personal code <input type=\"text\" name=\"personal_code\" id=\"").append(method)
                .append("-personal-code\" inputmode=\"numeric\" maxlength=\"11\" autocomplete=\"off\"></label>").append(extra)
                .append("<button type=\"submit\" id=\"").append(method).append("-submit\">Log in with ").append(label)
                .append("</button></form>");
        if (!eid.isEmpty()) {
            b.append("<form method=\"post\" action=\"").append(LOGIN_PATH).append("\">")
                    .append("<input type=\"hidden\" name=\"login\" value=\"").append(Text.html(login.id())).append("\">")
                    .append("<input type=\"hidden\" name=\"csrf_token\" value=\"").append(Text.html(login.csrfToken())).append("\">")
                    .append("<input type=\"hidden\" name=\"method\" value=\"").append(method).append("\">")
                    .append("<label>or the account of <select name=\"user_id\">");
            for (MockUser u : eid) {
                b.append("<option value=\"").append(Text.html(u.id())).append("\">").append(Text.html(u.fullName()))
                        .append("</option>");
            }
            b.append("</select></label><button type=\"submit\">Log in with ").append(label).append("</button></form>");
        }
        b.append("</fieldset>");
    }

    private void verifyPage(Context ctx, PendingLogin login, MockClient client, MockUser user) {
        String label = "smart-id".equals(login.loginMethod()) ? "Smart-ID" : "Mobile-ID";
        String b = "<h1>" + label + "</h1><p>A request was sent to the " + label + " app of <strong>"
                + Text.html(user.fullName()) + "</strong>. Check that the app shows this verification code:</p>"
                + "<p class=\"code\" id=\"verification-code\">" + Text.html(login.verificationCode()) + "</p>"
                + "<p>(Simulated: confirm below as if you had entered your PIN1 on the phone.)</p>"
                + "<form method=\"post\" action=\"" + CONFIRM_PATH + "\">" + hidden(login)
                + "<button type=\"submit\" name=\"decision\" value=\"confirm\" id=\"confirm\">I confirmed on my phone</button>"
                + "<button type=\"submit\" name=\"decision\" value=\"cancel\" id=\"cancel\">Cancel</button></form>";
        Html.send(ctx, 200, label + " verification", b);
    }

    private void consentPage(Context ctx, PendingLogin login, MockClient client, MockUser user) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Allow access?</h1><p>You are logged in as <strong id=\"user-name\">").append(Text.html(user.fullName()))
                .append("</strong>.</p><p><strong id=\"client-name\">").append(Text.html(client.name()))
                .append("</strong> asks for access to:</p><ul id=\"scopes\">");
        for (Scope s : login.request().scopes()) {
            String description = rt.config().scope(s).map(d -> d.description()).orElse(s.value());
            b.append("<li><code>").append(Text.html(s.value())).append("</code>: ").append(Text.html(description)).append("</li>");
        }
        b.append("</ul><form method=\"post\" action=\"").append(CONSENT_PATH).append("\">").append(hidden(login))
                .append("<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve\">Allow</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button></form>")
                .append("<p>You will be sent back to <code>").append(Text.html(login.request().redirectUri())).append("</code>.</p>");
        Html.send(ctx, 200, "Allow access", b.toString());
    }
}
