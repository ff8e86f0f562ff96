package dev.ekoolkit.spring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs complete the {@code ekool.*} properties from {@code META-INF/spring-configuration-metadata.json}, which
 * spring-boot-configuration-processor writes into the jar at compile time. Nothing else in the build would notice if
 * the processor stopped running (a lost annotation-processor path, say): this reads the generated file.
 */
class ConfigurationMetadataTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_jar_describes_every_ekool_property_for_the_ide() throws IOException {
        String json;
        try (InputStream in = EkoolProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json on the class path").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> properties = (List<Map<String, Object>>) JsonParserFactory.getJsonParser()
                .parseMap(json).get("properties");

        assertThat(properties).extracting(p -> p.get("name")).containsExactlyInAnyOrder(
                "ekool.client-id", "ekool.client-secret", "ekool.environment", "ekool.login-url", "ekool.api-url",
                "ekool.scopes", "ekool.redirect-uri", "ekool.client-authentication");
        assertThat(properties).allSatisfy(p -> assertThat((String) p.get("description"))
                .as("description of %s", p.get("name")).isNotBlank());
    }
}
