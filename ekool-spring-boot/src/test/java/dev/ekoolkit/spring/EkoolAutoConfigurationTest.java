package dev.ekoolkit.spring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import static org.assertj.core.api.Assertions.assertThat;

class EkoolAutoConfigurationTest {

    private static final String ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    private static final String SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EkoolAutoConfiguration.class, bootsOAuth2ClientAutoConfiguration()));

    /** Spring Boot's OAuth 2.0 client auto-configuration, whose package moved in Spring Boot 4. */
    private static Class<?> bootsOAuth2ClientAutoConfiguration() {
        for (String name : new String[] {
                "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration"}) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                // the other Spring Boot generation
            }
        }
        throw new IllegalStateException("Spring Boot's OAuth2ClientAutoConfiguration is not on the class path");
    }

    private static ClientRegistration ekool(org.springframework.context.ApplicationContext context) {
        return context.getBean(ClientRegistrationRepository.class).findByRegistrationId("ekool");
    }

    @Test
    void registers_ekool_production_with_pkce_and_client_secret_basic_by_default() {
        runner.withPropertyValues("ekool.client-id=" + ID, "ekool.client-secret=" + SECRET).run(context -> {
            ClientRegistration r = ekool(context);
            assertThat(r.getClientId()).isEqualTo(ID);
            assertThat(r.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
            assertThat(r.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
            assertThat(r.getClientSettings().isRequireProofKey()).isTrue();
            assertThat(r.getProviderDetails().getAuthorizationUri()).isEqualTo("https://login.ekool.eu/oauth/authorize");
            assertThat(r.getProviderDetails().getTokenUri()).isEqualTo("https://login.ekool.eu/oauth/token");
            assertThat(r.getProviderDetails().getUserInfoEndpoint().getUri()).isEqualTo("https://api-v2.ekool.eu/user/me/basic");
            assertThat(r.getScopes()).containsExactly("users-basic");
            assertThat(r.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
            assertThat(context.getBean(OAuth2UserService.class)).isInstanceOf(EkoolOAuth2UserService.class);
        });
    }

    @Test
    void staging_custom_and_client_secret_post_are_chosen_by_properties() {
        runner.withPropertyValues("ekool.client-id=" + ID, "ekool.client-secret=" + SECRET, "ekool.environment=staging",
                "ekool.client-authentication=client_secret_post").run(context -> {
            assertThat(ekool(context).getProviderDetails().getTokenUri()).isEqualTo("https://login.ekool.dev/oauth/token");
            assertThat(ekool(context).getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        });
        runner.withPropertyValues("ekool.client-id=" + ID, "ekool.client-secret=" + SECRET, "ekool.environment=custom",
                "ekool.login-url=http://127.0.0.1:8089", "ekool.api-url=http://127.0.0.1:8090").run(context ->
                assertThat(ekool(context).getProviderDetails().getUserInfoEndpoint().getUri())
                        .isEqualTo("http://127.0.0.1:8090/user/me/basic"));
    }

    @Test
    void registers_nothing_without_a_client_id() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class));
    }

    @Test
    void leaves_the_applications_own_repository_alone() {
        runner.withPropertyValues("ekool.client-id=" + ID, "ekool.client-secret=" + SECRET)
                .withUserConfiguration(OwnRepository.class).run(context -> {
                    assertThat(context.getBean(ClientRegistrationRepository.class)).isSameAs(context.getBean("ownRepository"));
                    assertThat(ekool(context)).isNull();
                });
    }

    @Test
    void leaves_the_applications_own_ekool_properties_alone() {
        runner.withPropertyValues("ekool.client-id=" + ID, "ekool.client-secret=" + SECRET,
                "spring.security.oauth2.client.registration.ekool.client-id=own-id",
                "spring.security.oauth2.client.registration.ekool.client-secret=own-secret",
                "spring.security.oauth2.client.registration.ekool.authorization-grant-type=authorization_code",
                "spring.security.oauth2.client.registration.ekool.redirect-uri={baseUrl}/own",
                "spring.security.oauth2.client.provider.ekool.authorization-uri=https://example.com/authorize",
                "spring.security.oauth2.client.provider.ekool.token-uri=https://example.com/token").run(context -> {
                    assertThat(ekool(context).getClientId()).isEqualTo("own-id");
                    assertThat(ekool(context).getProviderDetails().getTokenUri()).isEqualTo("https://example.com/token");
                });
    }

    @Test
    void joins_the_registrations_the_application_configures_for_other_providers() {
        runner.withPropertyValues("ekool.client-id=" + ID, "ekool.client-secret=" + SECRET,
                "spring.security.oauth2.client.registration.google.client-id=google-id",
                "spring.security.oauth2.client.registration.google.client-secret=google-secret").run(context -> {
                    ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
                    assertThat(repository.findByRegistrationId("google").getClientId()).isEqualTo("google-id");
                    assertThat(repository.findByRegistrationId("ekool").getClientId()).isEqualTo(ID);
                });
    }

    @Test
    void a_malformed_secret_stops_the_start_naming_the_property_and_every_rule_but_never_the_secret() {
        String pasted = SECRET.substring(0, 20) + "\n" + SECRET.substring(20) + "x";
        runner.withPropertyValues("ekool.client-id=" + ID.substring(1), "ekool.client-secret=" + pasted).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new EkoolConfigurationFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains("ekool.client-id: client_id must be exactly 32")
                    .contains("got 31 characters")
                    .contains("ekool.client-secret: client_secret must be exactly 40")
                    .contains("got 42 characters")
                    .contains("position 21")
                    .doesNotContain(SECRET.substring(0, 20)).doesNotContain(SECRET.substring(20));
            assertThat(analysis.getAction()).contains("ekool.client-secret");
        });
    }

    @Test
    void a_custom_environment_without_urls_names_both_properties() {
        runner.withPropertyValues("ekool.client-id=" + ID, "ekool.client-secret=" + SECRET, "ekool.environment=custom")
                .run(context -> assertThat(new EkoolConfigurationFailureAnalyzer().analyze(context.getStartupFailure())
                        .getDescription()).contains("ekool.login-url: must be eKool's login_url")
                        .contains("ekool.api-url: must be eKool's api_url"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRepository {
        @Bean
        InMemoryClientRegistrationRepository ownRepository() {
            return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("own")
                    .clientId("x").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/x").authorizationUri("https://example.com/a").tokenUri("https://example.com/t")
                    .build());
        }
    }
}
