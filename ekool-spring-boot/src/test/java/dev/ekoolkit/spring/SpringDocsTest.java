package dev.ekoolkit.spring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/spring-boot.md: its YAML configures a working registration, its failure report is the analyzer's. */
class SpringDocsTest {

    private static final String ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    private static final String SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";

    private static String docs() throws IOException {
        return Files.readString(SpringReadmeSnippetTest.ROOT.resolve("docs/spring-boot.md"));
    }

    @Test
    void the_yaml_registers_ekool_staging_with_the_credentials_from_the_environment() throws IOException {
        String yaml = SpringReadmeSnippetTest.between(docs(), "<!-- spring:yaml:start (checked by SpringDocsTest) -->\n```yaml\n",
                "```\n<!-- spring:yaml:end -->");
        var source = new YamlPropertySourceLoader().load("docs", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8))).get(0);
        new ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(EkoolAutoConfiguration.class))
                .withInitializer(context -> {
                    context.getEnvironment().getPropertySources().addFirst(source);
                    context.getEnvironment().getPropertySources().addLast(new org.springframework.core.env.MapPropertySource(
                            "environment variables", Map.of("EKOOL_CLIENT_ID", ID, "EKOOL_CLIENT_SECRET", SECRET)));
                })
                .run(context -> {
                    ClientRegistration ekool = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("ekool");
                    assertThat(ekool.getClientId()).isEqualTo(ID);
                    assertThat(ekool.getClientSecret()).isEqualTo(SECRET);
                    assertThat(ekool.getProviderDetails().getAuthorizationUri()).isEqualTo("https://login.ekool.dev/oauth/authorize");
                    assertThat(ekool.getScopes()).containsExactly("users-basic");
                    assertThat(ekool.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                });
    }

    @Test
    void the_failure_report_is_the_analyzers_for_a_secret_pasted_with_its_line_break() throws IOException {
        EkoolProperties properties = new EkoolProperties();
        properties.setClientId(ID);
        properties.setClientSecret(SECRET + "\n");
        EkoolConfigurationException failure = null;
        try {
            EkoolClientRegistration.of(properties);
        } catch (EkoolConfigurationException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new EkoolConfigurationFailureAnalyzer().analyze(failure);
        String report = SpringReadmeSnippetTest.between(docs(), "<!-- spring:failure:start -->\n```text\n",
                "```\n<!-- spring:failure:end -->");
        assertThat(report).contains("Description:\n\n" + analysis.getDescription() + "\n\nAction:\n\n" + analysis.getAction() + "\n");
    }
}
