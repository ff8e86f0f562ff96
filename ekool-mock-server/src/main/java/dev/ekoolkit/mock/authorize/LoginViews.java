package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.person.PersonalCode;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.internal.Html;
import dev.ekoolkit.mock.state.PendingLogin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The bodies of the login, verification and consent pages: server-rendered HTML without scripts or external
 * assets, every value escaped. Views only: {@link LoginHandlers} decides which one to show.
 */
final class LoginViews {

    private LoginViews() {
    }

    private static String hidden(PendingLogin login) {
        return "<input type=\"hidden\" name=\"login\" value=\"" + Html.escape(login.id()) + "\">"
                + "<input type=\"hidden\" name=\"csrf_token\" value=\"" + Html.escape(login.csrfToken()) + "\">";
    }

    /**
     * The login page: the mock users to pick, the password form and the simulated eID forms.
     *
     * @param users every user, in order
     * @param error a message to show above the forms, or {@code null}
     */
    static String login(PendingLogin login, MockClient client, List<MockUser> users, String error) {
        return login(login, client, users, error, "");
    }

    /**
     * The login page with the password form's username filled in, as after a wrong password.
     *
     * @param username the username to show in the password form (escaped here), or {@code ""}
     */
    static String login(PendingLogin login, MockClient client, List<MockUser> users, String error, String username) {
        List<MockUser> eid = users.stream().filter(u -> u.personalCode() != null).toList();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Log in to eKool</h1><p><strong>").append(Html.escape(client.name()))
                .append("</strong> wants you to log in with your eKool account.</p>");
        if (error != null) {
            b.append("<p class=\"error\" id=\"login-error\">").append(Html.escape(error)).append("</p>");
        }
        b.append("<h2>Mock users</h2><table id=\"users\"><tr><th>Name</th><th>Username</th><th>Password</th><th>Roles</th><th></th></tr>");
        for (MockUser u : users) {
            b.append("<tr><td>").append(Html.escape(u.fullName())).append("</td><td>").append(Html.escape(u.username()))
                    .append("</td><td><code id=\"password-of-").append(Html.escape(u.username())).append("\">")
                    .append(Html.escape(u.password())).append("</code></td><td>").append(Html.escape(u.roles().stream().map(MockUser.Role::wire).collect(Collectors.joining(", "))))
                    .append("</td><td><form method=\"post\" action=\"").append(LoginHandlers.LOGIN_PATH).append("\">").append(hidden(login))
                    .append("<input type=\"hidden\" name=\"method\" value=\"pick\"><input type=\"hidden\" name=\"user_id\" value=\"")
                    .append(Html.escape(u.id())).append("\"><button type=\"submit\" id=\"pick-").append(Html.escape(u.username()))
                    .append("\">Log in as ").append(Html.escape(u.firstName())).append("</button></form></td></tr>");
        }
        b.append("</table><p>This is a mock: its users and their passwords are listed on purpose.</p>");

        b.append("<fieldset><legend>Username and password</legend><form method=\"post\" action=\"").append(LoginHandlers.LOGIN_PATH)
                .append("\" id=\"password-form\">").append(hidden(login)).append("<input type=\"hidden\" name=\"method\" value=\"password\">")
                .append("<label>Username <input type=\"text\" name=\"username\" id=\"username\" autocomplete=\"username\" value=\"")
                .append(Html.escape(username)).append("\"></label>")
                .append("<label>Password <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\"></label>")
                .append("<button type=\"submit\" id=\"password-submit\">Log in</button></form></fieldset>");

        eidForm(b, login, eid, "smart-id", "Smart-ID", "");
        eidForm(b, login, eid, "mobile-id", "Mobile-ID",
                "<label>Phone number <input type=\"text\" name=\"phone\" value=\"+372\" autocomplete=\"tel\"></label>");
        b.append("<fieldset><legend>ID-card</legend><form method=\"post\" action=\"").append(LoginHandlers.LOGIN_PATH)
                .append("\" id=\"id-card-form\">").append(hidden(login)).append("<input type=\"hidden\" name=\"method\" value=\"id-card\">")
                .append("<label>Card in the reader <select name=\"user_id\" id=\"id-card-holder\">");
        for (MockUser u : eid) {
            b.append("<option value=\"").append(Html.escape(u.id())).append("\">").append(Html.escape(u.fullName())).append(" (")
                    .append(PersonalCode.of(u.personalCode()).masked()).append(")</option>");
        }
        b.append("</select></label><button type=\"submit\" id=\"id-card-submit\">Log in with ID-card</button></form></fieldset>");

        b.append("<form method=\"post\" action=\"").append(LoginHandlers.CONSENT_PATH).append("\">").append(hidden(login))
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"cancel\">Cancel and return to the application</button></form>");
        return b.toString();
    }

    private static void eidForm(StringBuilder b, PendingLogin login, List<MockUser> eid, String method, String label, String extra) {
        b.append("<fieldset><legend>").append(label).append("</legend><form method=\"post\" action=\"").append(LoginHandlers.LOGIN_PATH)
                .append("\" id=\"").append(method).append("-form\">")
                .append(hidden(login))
                .append("<input type=\"hidden\" name=\"method\" value=\"").append(method).append("\">")
                .append("<label>Personal code <input type=\"text\" name=\"personal_code\" id=\"").append(method)
                .append("-personal-code\" inputmode=\"numeric\" maxlength=\"11\" autocomplete=\"off\"></label>").append(extra)
                .append("<button type=\"submit\" id=\"").append(method).append("-submit\">Log in with ").append(label)
                .append("</button></form>");
        if (!eid.isEmpty()) {
            b.append("<form method=\"post\" action=\"").append(LoginHandlers.LOGIN_PATH).append("\">")
                    .append(hidden(login))
                    .append("<input type=\"hidden\" name=\"method\" value=\"").append(method).append("\">")
                    .append("<label>or the account of <select name=\"user_id\">");
            for (MockUser u : eid) {
                b.append("<option value=\"").append(Html.escape(u.id())).append("\">").append(Html.escape(u.fullName()))
                        .append("</option>");
            }
            b.append("</select></label><button type=\"submit\">Log in with ").append(label).append("</button></form>");
        }
        b.append("</fieldset>");
    }

    /** The title of the Smart-ID / Mobile-ID verification page. */
    static String verifyTitle(PendingLogin login) {
        return label(login) + " verification";
    }

    private static String label(PendingLogin login) {
        return "smart-id".equals(login.loginMethod()) ? "Smart-ID" : "Mobile-ID";
    }

    /** The Smart-ID / Mobile-ID page showing the verification code to "confirm on the phone". */
    static String verify(PendingLogin login, MockUser user) {
        String label = label(login);
        String b = "<h1>" + label + "</h1><p>A request was sent to the " + label + " app of <strong>"
                + Html.escape(user.fullName()) + "</strong>. Check that the app shows this verification code:</p>"
                + "<p class=\"code\" id=\"verification-code\">" + Html.escape(login.verificationCode()) + "</p>"
                + "<p>(Simulated: confirm below as if you had entered your PIN1 on the phone.)</p>"
                + "<form method=\"post\" action=\"" + LoginHandlers.CONFIRM_PATH + "\">" + hidden(login)
                + "<button type=\"submit\" name=\"decision\" value=\"confirm\" id=\"confirm\">I confirmed on my phone</button>"
                + "<button type=\"submit\" name=\"decision\" value=\"cancel\" id=\"cancel\">Cancel</button></form>";
        return b;
    }

    /** The consent page listing the requested scopes with their descriptions from {@code config}. */
    static String consent(PendingLogin login, MockClient client, MockUser user, MockConfig config) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Allow access?</h1><p>You are logged in as <strong id=\"user-name\">").append(Html.escape(user.fullName()))
                .append("</strong>.</p><p><strong id=\"client-name\">").append(Html.escape(client.name()))
                .append("</strong> asks for access to:</p><ul id=\"scopes\">");
        for (Scope s : login.request().scopes()) {
            String description = config.scope(s).map(d -> d.description()).orElse(s.value());
            b.append("<li><code>").append(Html.escape(s.value())).append("</code>: ").append(Html.escape(description)).append("</li>");
        }
        b.append("</ul><form method=\"post\" action=\"").append(LoginHandlers.CONSENT_PATH).append("\">").append(hidden(login))
                .append("<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve\">Allow</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button></form>")
                .append("<p>You will be sent back to <code>").append(Html.escape(login.request().redirectUri())).append("</code>.</p>");
        return b.toString();
    }
}
