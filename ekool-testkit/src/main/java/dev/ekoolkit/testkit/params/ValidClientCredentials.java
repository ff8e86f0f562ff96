package dev.ekoolkit.testkit.params;

import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds a {@code @ParameterizedTest} well-formed pairs: a {@code client_id} and a {@code client_secret}
 * ({@code String}s), from {@link CredentialSamples#validClientIds()} and {@link CredentialSamples#validClientSecrets()}.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @ValidClientCredentials
 * void starts_with_them(String clientId, String clientSecret) { ... }
 * }</pre>
 */
@Target({ElementType.ANNOTATION_TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(CredentialArgumentsProvider.ValidClientCredentialsProvider.class)
public @interface ValidClientCredentials {
}
