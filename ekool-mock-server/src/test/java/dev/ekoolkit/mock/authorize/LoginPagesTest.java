package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.LoginPageClient;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ekoolkit.mock.support.LoginPageClient.assertPage;
import static org.assertj.core.api.Assertions.assertThat;

/** The login and consent pages driven by plain HTTP form posts, with the CSRF token read from the page. */
class LoginPagesTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(s -> server = s);
    private LoginPageClient browser;

    @BeforeEach
    void reset() {
        browser = new LoginPageClient(server.loginUrl());
    }

    private HttpResponse<String> loginPage() {
        return browser.read(Flows.authorize(server));
    }

    private static String subOfCodeIn(HttpResponse<String> redirect) {
        Map<String, String> p = TestHttp.locationParams(redirect);
        HttpResponse<String> token = Flows.exchange(server, p.get("code"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return TestHttp.json(Flows.me(server, TestHttp.json(token).get("access_token").asText())).get("data").get("id").asText();
    }

    @Test
    void the_login_page_offers_the_users_and_the_four_login_methods() {
        HttpResponse<String> r = loginPage();
        assertPage(r, "Log in to eKool");
        assertThat(r.body()).contains("Mari Maasikas", "Tiina Maasikas", "Jaan Tamm", "eKool mock demo app")
                .contains("id=\"password-form\"", "id=\"smart-id-form\"", "id=\"mobile-id-form\"", "id=\"id-card-form\"");
    }

    @Test
    void pages_may_not_be_framed_and_carry_no_script() {
        HttpResponse<String> r = loginPage();
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'")
                .contains("default-src 'none'");
        assertThat(r.body()).doesNotContain("<script");
        assertThat(r.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void pages_never_show_personal_codes() {
        String page = loginPage().body();
        assertThat(page).doesNotContain("61003150227", "48207040274", "36805280109");
    }

    @Test
    void the_login_page_shows_each_demo_users_username_and_password() {
        String page = loginPage().body();
        assertThat(page).contains("<td>mari</td><td><code id=\"password-of-mari\">demo-student</code>")
                .contains("<td>tiina</td><td><code id=\"password-of-tiina\">demo-parent</code>")
                .contains("<td>jaan</td><td><code id=\"password-of-jaan\">demo-teacher</code>");
    }

    @Test
    void the_login_page_escapes_a_configured_password() {
        server.addUser(dev.ekoolkit.mock.config.MockUser.of("900001", "ott", "<b>&\"pw", "Ott", "Tamm", "ott@example.com",
                null, dev.ekoolkit.mock.config.MockUser.Role.STUDENT));

        String page = loginPage().body();

        assertThat(page).contains("<code id=\"password-of-ott\">&lt;b&gt;&amp;&quot;pw</code>").doesNotContain("<b>&\"pw");
    }

    @Test
    void a_wrong_password_keeps_the_username_filled_in() {
        loginPage();

        HttpResponse<String> r = browser.post("/oauth/login", "method", "password", "username", "ti<i>na", "password", "nope");

        assertPage(r, "Wrong username or password.");
        assertThat(r.body()).contains("id=\"username\" autocomplete=\"username\" value=\"ti&lt;i&gt;na\"");
    }

    @Test
    void password_login_then_approve_redirects_with_a_code_for_that_user_and_the_state() {
        loginPage();
        HttpResponse<String> consent = browser.post("/oauth/login", "method", "password", "username", "tiina", "password", "demo-parent");
        assertPage(consent, "Allow access?");
        assertThat(consent.body()).contains("Tiina Maasikas", "users-basic", "basic profile");

        HttpResponse<String> back = browser.post("/oauth/consent", "decision", "approve");

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(TestHttp.locationParams(back)).containsEntry("state", "st-123").containsKey("code");
        assertThat(subOfCodeIn(back)).isEqualTo("100002");
    }

    @Test
    void a_wrong_password_shows_the_login_page_again_with_an_error() {
        loginPage();
        HttpResponse<String> r = browser.post("/oauth/login", "method", "password", "username", "tiina", "password", "nope");
        assertPage(r, "Wrong username or password.");
    }

    @Test
    void deny_redirects_with_access_denied_and_the_state() {
        loginPage();
        browser.post("/oauth/login", "method", "pick", "user_id", "100001");

        HttpResponse<String> back = browser.post("/oauth/consent", "decision", "deny");

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(TestHttp.locationParams(back)).containsEntry("error", "access_denied").containsEntry("state", "st-123")
                .doesNotContainKey("code");
    }

    @Test
    void smart_id_shows_a_verification_code_and_confirming_leads_to_consent() {
        loginPage();
        HttpResponse<String> verify = browser.post("/oauth/login", "method", "smart-id", "personal_code", "36805280109");
        assertPage(verify, "verification code");
        Matcher code = Pattern.compile("id=\"verification-code\">(\\d{4})<").matcher(verify.body());
        assertThat(code.find()).isTrue();

        HttpResponse<String> consent = browser.post("/oauth/login/confirm", "decision", "confirm");
        assertPage(consent, "Jaan Tamm");
        assertThat(subOfCodeIn(browser.post("/oauth/consent", "decision", "approve"))).isEqualTo("100003");
    }

    @Test
    void mobile_id_by_chosen_account_leads_to_consent_after_confirmation() {
        loginPage();
        assertPage(browser.post("/oauth/login", "method", "mobile-id", "user_id", "100001", "phone", "+37255555555"), "Mobile-ID");
        assertPage(browser.post("/oauth/login/confirm", "decision", "confirm"), "Mari Maasikas");
    }

    @Test
    void id_card_login_goes_straight_to_consent() {
        loginPage();
        assertPage(browser.post("/oauth/login", "method", "id-card", "user_id", "100002"), "Tiina Maasikas");
    }

    @Test
    void an_invalid_personal_code_is_explained_without_echoing_it() {
        loginPage();
        HttpResponse<String> r = browser.post("/oauth/login", "method", "smart-id", "personal_code", "36805280108");
        assertPage(r, "not a valid Estonian personal code");
        assertThat(r.body()).doesNotContain("36805280108");
    }

    @Test
    void an_unknown_personal_code_is_explained() {
        loginPage();
        assertPage(browser.post("/oauth/login", "method", "smart-id", "personal_code", "50001010006"), "No account has this personal code");
    }

    @Test
    void a_wrong_csrf_token_is_refused_with_403() {
        loginPage();
        HttpResponse<String> r = browser.post("/oauth/login", "method", "pick", "user_id", "100001", "csrf_token", "forged");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("CSRF");
    }

    @Test
    void a_post_from_another_browser_without_the_cookie_is_refused_with_403() {
        loginPage();
        browser.dropCookie();
        assertThat(browser.post("/oauth/login", "method", "pick", "user_id", "100001").statusCode()).isEqualTo(403);
    }

    @Test
    void an_unknown_login_gets_an_html_error_page() {
        loginPage();
        HttpResponse<String> r = browser.post("/oauth/login", "login", "nope", "method", "pick", "user_id", "100001");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown, finished or expired");
    }

    @Test
    void a_login_can_be_approved_only_once() {
        loginPage();
        browser.post("/oauth/login", "method", "pick", "user_id", "100001");
        assertThat(browser.post("/oauth/consent", "decision", "approve").statusCode()).isEqualTo(303);
        assertThat(browser.post("/oauth/consent", "decision", "approve").statusCode()).isEqualTo(400);
    }

    @Test
    void approving_before_logging_in_is_refused() {
        loginPage();
        HttpResponse<String> r = browser.post("/oauth/consent", "decision", "approve");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("at the login step");
    }

    @Test
    void a_login_expires() {
        loginPage();
        server.advanceClock(Duration.ofMinutes(11));
        assertThat(browser.post("/oauth/login", "method", "pick", "user_id", "100001").statusCode()).isEqualTo(400);
    }

    @Test
    void login_as_skips_the_pages_once() {
        server.loginAs("jaan");
        assertThat(Flows.authorize(server).statusCode()).isEqualTo(302);
        assertThat(Flows.authorize(server).statusCode()).isEqualTo(200);
    }

    @Test
    void the_journal_masks_the_password_and_the_csrf_token() {
        loginPage();
        browser.post("/oauth/login", "method", "password", "username", "tiina", "password", "demo-parent");
        var login = server.requests().stream().filter(r -> r.path().equals("/oauth/login")).findFirst().orElseThrow();
        assertThat(login.param("password")).hasValue("****");
        assertThat(login.param("csrf_token")).hasValue("****");
        assertThat(login.header("Cookie")).hasValue("****");
        assertThat(login.toString()).doesNotContain("demo-parent");
    }

    @Test
    void html_pages_escape_client_names() {
        server.registerClient(dev.ekoolkit.mock.config.MockClient.of(
                dev.ekoolkit.core.credentials.ClientCredentials.generate(new java.security.SecureRandom()),
                "<b>Evil</b> & co", java.util.List.of(dev.ekoolkit.core.client.RedirectUri.of(MockConfig.DEMO_REDIRECT_URI)),
                dev.ekoolkit.core.scope.Scopes.of("users-basic")));
        String id = server.clients().get(1).id().value();
        HttpResponse<String> r = Flows.authorize(server, "client_id", id);
        assertThat(r.body()).contains("&lt;b&gt;Evil&lt;/b&gt; &amp; co").doesNotContain("<b>Evil</b>");
    }
}
