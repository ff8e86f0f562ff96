package dev.ekoolkit.spring;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.flow.EkoolUser;
import dev.ekoolkit.core.internal.Text;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the signed-in user for the {@code ekool} registration from {@code <api_url>/user/me/basic}, unwrapping its
 * {@code {"data": {...}}} envelope into an {@link EkoolOAuth2User}; other registrations go to Spring Security's
 * {@link DefaultOAuth2UserService}. Spring Security's {@code oauth2Login()} picks this bean up by its type.
 *
 * <p>A refusal (401 or 403, say an expired token or a missing {@code users-basic} scope) or an unusable answer
 * becomes Spring Security's standard {@link OAuth2AuthenticationException} with the error code
 * {@code invalid_user_info_response} and a description quoting the server's error and description (from the
 * {@code WWW-Authenticate} challenge of RFC 6750 section 3, or a JSON body); tokens never appear in it.
 *
 * <p>Authorities: {@code ROLE_<ROLE>} per eKool role, then {@code SCOPE_<scope>} per granted scope (the token
 * response's {@code scope}, or, when it has none, the requested scopes, as RFC 6749 section 5.1 says).
 */
public class EkoolOAuth2UserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    /** Spring Security's error code for a failed user-info request. */
    public static final String INVALID_USER_INFO_RESPONSE = "invalid_user_info_response";

    private final RestClient rest;
    private final OAuth2UserService<OAuth2UserRequest, OAuth2User> others;

    /** A service with a 10-second connect timeout and a 30-second read timeout. */
    public EkoolOAuth2UserService() {
        this(RestClient.builder().requestFactory(requestFactory()).build(), new DefaultOAuth2UserService());
    }

    /**
     * A service with its own HTTP client and its own service for registrations other than {@code ekool}.
     *
     * @param rest   the client that calls {@code /user/me/basic}
     * @param others the service for every other registration
     */
    public EkoolOAuth2UserService(RestClient rest, OAuth2UserService<OAuth2UserRequest, OAuth2User> others) {
        this.rest = rest;
        this.others = others;
    }

    /**
     * The user behind the access token of {@code request}.
     *
     * @throws OAuth2AuthenticationException {@code invalid_user_info_response} when eKool refuses the token or
     *                                       answers something that is not a profile
     */
    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        if (!EkoolClientRegistration.REGISTRATION_ID.equals(request.getClientRegistration().getRegistrationId())) {
            return others.loadUser(request);
        }
        String uri = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri();
        ResponseEntity<String> response;
        try {
            response = rest.get().uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + request.getAccessToken().getTokenValue())
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .onStatus(status -> true, (req, res) -> { }) // every status is handled below
                    .toEntity(String.class);
        } catch (RestClientException e) {
            throw failure("could not reach eKool's user endpoint " + uri + ": " + e.getMessage(), e);
        }
        int status = response.getStatusCode().value();
        String body = response.getBody() == null ? "" : response.getBody();
        if (status != 200) {
            throw failure("eKool's user endpoint " + uri + " answered HTTP " + status + ": "
                    + refusal(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE), body), null);
        }
        EkoolUser user;
        try {
            user = EkoolUser.parse(body);
        } catch (EkoolOAuthException e) {
            throw failure("eKool's user endpoint " + uri + " answered a profile Spring cannot use: "
                    + e.errorDescription(), e);
        }
        return new EkoolOAuth2User(user, authorities(user, request));
    }

    /** {@code ROLE_<ROLE>} for every eKool role, then {@code SCOPE_<scope>} for every granted scope. */
    static List<GrantedAuthority> authorities(EkoolUser user, OAuth2UserRequest request) {
        List<GrantedAuthority> out = new ArrayList<>();
        for (String role : user.roles()) {
            String name = "ROLE_" + role.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            SimpleGrantedAuthority authority = new SimpleGrantedAuthority(name);
            if (!out.contains(authority)) {
                out.add(authority);
            }
        }
        // RFC 6749 section 5.1: a token response without "scope" grants the scope that was requested
        java.util.Set<String> granted = request.getAccessToken().getScopes().isEmpty()
                ? request.getClientRegistration().getScopes() : request.getAccessToken().getScopes();
        for (String scope : granted) {
            out.add(new SimpleGrantedAuthority("SCOPE_" + scope));
        }
        return out;
    }

    /** The server's error and description, from the Bearer challenge or else a JSON body. */
    private static String refusal(String challenge, String body) {
        if (challenge != null) {
            try {
                BearerTokenError error = BearerTokenError.parse(challenge);
                if (error.getCode() != null) {
                    return quote(error.getCode(), error.getDescription());
                }
            } catch (ParseException ignored) {
                // fall through to the body
            }
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            Object error = json.get("error");
            Object description = json.containsKey("error_description") ? json.get("error_description") : json.get("message");
            if (error != null || description != null) {
                return quote(error == null ? "error" : error.toString(), description == null ? null : description.toString());
            }
        } catch (ParseException ignored) {
            // not JSON
        }
        return "no error description (" + body.length() + " characters of body)";
    }

    private static String quote(String error, String description) {
        return Text.printable(error, 64) + (description == null ? "" : " (" + Text.printable(description, 300) + ")");
    }

    private static OAuth2AuthenticationException failure(String description, Throwable cause) {
        OAuth2Error error = new OAuth2Error(INVALID_USER_INFO_RESPONSE, description, null);
        String message = "[" + INVALID_USER_INFO_RESPONSE + "] " + description;
        return cause == null ? new OAuth2AuthenticationException(error, message)
                : new OAuth2AuthenticationException(error, message, cause);
    }

    private static JdkClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10)).build());
        factory.setReadTimeout(Duration.ofSeconds(30));
        return factory;
    }
}
