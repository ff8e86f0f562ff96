package dev.ekoolkit.testkit.params;

import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds a {@code @ParameterizedTest} one argument per sample: a well-formed client_secret (String), from
 * {@link CredentialSamples#validClientSecrets()}.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @ValidClientSecrets
 * void accepts_it(String clientSecret) { ... }
 * }</pre>
 */
@Target({ElementType.ANNOTATION_TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(CredentialArgumentsProvider.ValidClientSecretsProvider.class)
public @interface ValidClientSecrets {
}
