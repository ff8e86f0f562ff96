package example.app;

import dev.ekoolkit.core.flow.EkoolUser;
import dev.ekoolkit.spring.EkoolOAuth2User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A sample application that signs users in with eKool: a home page saying who is signed in and with which roles,
 * a page only teachers may open, sign-out, and a page explaining a failed sign-in.
 */
@SpringBootApplication
@RestController
public class SampleApplication {

    /** Starts the application; set EKOOL_CLIENT_ID and EKOOL_CLIENT_SECRET (see application.yml). */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    /** Teachers only on /teachers; a failed sign-in goes to a page of ours (failureUrl would be Spring's login page). */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(pages -> pages
                        .requestMatchers("/teachers").hasRole("TEACHER")
                        .requestMatchers("/sign-in-failed", "/signed-out", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.failureHandler(new SimpleUrlAuthenticationFailureHandler("/sign-in-failed")))
                .logout(logout -> logout.logoutSuccessUrl("/signed-out"));
        return http.build();
    }

    /** Who is signed in, with which eKool roles, and a sign-out button. */
    @GetMapping(value = "/", produces = "text/html")
    String home(@AuthenticationPrincipal EkoolOAuth2User principal, HttpServletRequest request) {
        EkoolUser user = principal.ekoolUser();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return page("Home", "<p id=\"who\">Signed in as " + html(user.fullName()) + " (eKool id " + html(user.id())
                + "), roles: " + html(String.join(", ", user.roles())) + "</p>"
                + "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"" + csrf.getParameterName()
                + "\" value=\"" + csrf.getToken() + "\"><button id=\"logout\">Sign out</button></form>");
    }

    /** Only users with the eKool role teacher (ROLE_TEACHER) get here; others get 403. */
    @GetMapping(value = "/teachers", produces = "text/html")
    String teachers(@AuthenticationPrincipal EkoolOAuth2User principal) {
        return page("Teachers", "<p id=\"teachers\">Teachers only. Welcome, " + html(principal.ekoolUser().fullName()) + ".</p>");
    }

    /** Why the sign-in failed: Spring Security's error, such as a denied consent or eKool's token-endpoint error. */
    @GetMapping(value = "/sign-in-failed", produces = "text/html")
    String signInFailed(HttpSession session) {
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        String why = failure instanceof AuthenticationException e ? e.getMessage() : "unknown";
        return page("Sign-in failed", "<p id=\"failure\">Signing in with eKool failed: " + html(why) + "</p>"
                + "<p><a href=\"/oauth2/authorization/ekool\">Try again</a></p>");
    }

    /** Where sign-out lands. */
    @GetMapping(value = "/signed-out", produces = "text/html")
    String signedOut() {
        return page("Signed out", "<p id=\"signed-out\">You are signed out.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body
                + "</body></html>";
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
