package dev.ekoolkit.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest application: Spring Boot's default security (oauth2Login for every page) and one page. */
@SpringBootApplication
@RestController
class SignInApplication {

    @GetMapping("/")
    String home(@AuthenticationPrincipal EkoolOAuth2User user) {
        return user.getName() + " " + user.ekoolUser().fullName() + " " + user.getAuthorities();
    }
}
