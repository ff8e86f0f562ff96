package dev.ekoolkit.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Set;
import java.util.TreeSet;

/**
 * When the {@code ekool} registration is added: {@code ekool.client-id} or {@code ekool.client-secret} is set and
 * no {@code spring.security.oauth2.client.registration.ekool.*} or {@code ...provider.ekool.*} property is (the
 * application configures eKool itself then). {@link Alone} also requires that no other registration is configured
 * by properties; {@link BesideOthers} requires that one is.
 */
abstract class EkoolClientCondition extends SpringBootCondition {

    private static final ConfigurationPropertyName CLIENT = ConfigurationPropertyName.of("spring.security.oauth2.client");

    private final boolean others;

    EkoolClientCondition(boolean others) {
        this.others = others;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        if (!hasText(environment, "ekool.client-id") && !hasText(environment, "ekool.client-secret")) {
            return ConditionOutcome.noMatch("neither ekool.client-id nor ekool.client-secret is set");
        }
        Set<String> registrations = new TreeSet<>();
        Set<String> providers = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(CLIENT::isAncestorOf).stream().forEach(name -> {
                    if (name.getNumberOfElements() > 5) {
                        String kind = name.getElement(4, ConfigurationPropertyName.Form.UNIFORM);
                        String id = name.getElement(5, ConfigurationPropertyName.Form.UNIFORM);
                        if (kind.equals("registration")) {
                            registrations.add(id);
                        } else if (kind.equals("provider")) {
                            providers.add(id);
                        }
                    }
                });
            }
        }
        if (registrations.contains(EkoolClientRegistration.REGISTRATION_ID)
                || providers.contains(EkoolClientRegistration.REGISTRATION_ID)) {
            return ConditionOutcome.noMatch("the application configures spring.security.oauth2.client.*.ekool itself");
        }
        boolean haveOthers = !registrations.isEmpty();
        return haveOthers == others
                ? ConditionOutcome.match("ekool.client-id is set; other registrations: " + registrations)
                : ConditionOutcome.noMatch("other registrations: " + registrations);
    }

    private static boolean hasText(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isEmpty();
    }

    /** The {@code ekool} registration is the only one. */
    static final class Alone extends EkoolClientCondition {
        Alone() {
            super(false);
        }
    }

    /** Other registrations are configured by properties; {@code ekool} joins them. */
    static final class BesideOthers extends EkoolClientCondition {
        BesideOthers() {
            super(true);
        }
    }
}
