package dev.ekoolkit.testkit.spring;

import dev.ekoolkit.testkit.EkoolMock;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Signs a mock user in to a Spring Boot application through the whole authorization-code round trip: the
 * application's {@code /oauth2/authorization/ekool}, the mock's {@code /oauth/authorize}, the application's callback
 * (token exchange with PKCE, {@code /user/me/basic}). For {@code @AutoConfigureMockMvc} tests:
 *
 * <pre>{@code
 * MockHttpSession session = EkoolSpringLogin.mockMvc(mvc, ekool, "mari");
 * mvc.perform(get("/").session(session)).andExpect(content().string(containsString("Mari")));
 * }</pre>
 *
 * <p>and for {@code RANDOM_PORT} tests, a real HTTP client that keeps the session cookie:
 *
 * <pre>{@code
 * HttpClient browser = EkoolSpringLogin.httpClient(URI.create("http://localhost:" + port), ekool, "mari");
 * }</pre>
 */
public final class EkoolSpringLogin {

    /** Where Spring Security starts the login for the {@code ekool} registration. */
    public static final String AUTHORIZATION_PATH = "/oauth2/authorization/ekool";

    private EkoolSpringLogin() {
    }

    /**
     * Signs {@code user} (id or username) in through MockMvc and returns the authenticated session.
     *
     * @param mvc the MockMvc of the application under test, with Spring Security's filters
     * @param ekool the mock the application is configured against
     * @param user the user's id or username, such as {@code mari}
     * @return the session of the signed-in user, to pass to later requests
     * @throws AssertionError when the application does not start the login, or does not sign the user in (quoting
     *                        where it redirected and, when it failed, Spring Security's error)
     */
    public static MockHttpSession mockMvc(MockMvc mvc, EkoolMock ekool, String user) {
        Objects.requireNonNull(mvc, "mvc");
        ekool.loginAs(Objects.requireNonNull(user, "user"));
        MockHttpSession session = new MockHttpSession();
        MvcResult start = perform(mvc, URI.create(AUTHORIZATION_PATH), session);
        String authorize = start.getResponse().getRedirectedUrl();
        if (start.getResponse().getStatus() / 100 != 3 || authorize == null) {
            throw new AssertionError("GET " + AUTHORIZATION_PATH + " answered " + start.getResponse().getStatus()
                    + " instead of redirecting to eKool; is the ekool registration configured?");
        }
        URI callback = ekool.followLogin(URI.create(authorize));
        MvcResult end = perform(mvc, callback, session);
        String target = end.getResponse().getRedirectedUrl();
        Object error = session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
        if (end.getResponse().getStatus() / 100 != 3 || error != null || (target != null && target.contains("error"))) {
            throw new AssertionError("the application did not sign " + user + " in: the callback answered "
                    + end.getResponse().getStatus() + (target == null ? "" : " redirecting to " + target)
                    + (error == null ? "" : "; Spring Security's error: " + error));
        }
        return session;
    }

    /**
     * Signs {@code user} (id or username) in to the application at {@code baseUrl} (such as
     * {@code http://localhost:8080}) with a real HTTP client that follows redirects and keeps cookies, and returns
     * that client, now carrying the session.
     *
     * @param baseUrl the application's base URL, such as {@code http://localhost:8080}
     * @param ekool the mock the application is configured against
     * @param user the user's id or username, such as {@code mari}
     * @return a client that keeps the application's session cookie, signed in as {@code user}
     * @throws AssertionError when the round trip does not end signed in (quoting where it ended)
     */
    public static HttpClient httpClient(URI baseUrl, EkoolMock ekool, String user) {
        ekool.loginAs(Objects.requireNonNull(user, "user"));
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI start = baseUrl.resolve(AUTHORIZATION_PATH);
        HttpResponse<String> landing;
        try {
            landing = client.send(HttpRequest.newBuilder(start).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("could not sign " + user + " in at " + start + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while signing " + user + " in at " + start, e);
        }
        URI at = landing.uri();
        if (landing.statusCode() >= 400 || at.getPath().contains("/oauth2/") || at.getPath().startsWith("/oauth/")
                || at.getPath().endsWith("/login") || String.valueOf(at.getQuery()).contains("error")) {
            throw new AssertionError("the application did not sign " + user + " in: the round trip from " + start
                    + " ended at " + at + " with HTTP " + landing.statusCode());
        }
        return client;
    }

    private static MvcResult perform(MockMvc mvc, URI uri, MockHttpSession session) {
        try {
            return mvc.perform(MockMvcRequestBuilders.get(uri).session(session)).andReturn();
        } catch (Exception e) {
            throw new AssertionError("GET " + uri.getPath() + " failed in MockMvc: " + e, e);
        }
    }
}
