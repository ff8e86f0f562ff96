package dev.ekoolkit.testkit.params;

import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds a {@code @ParameterizedTest} one argument per sample: a well-formed client_id (String), from
 * {@link CredentialSamples#validClientIds()}.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @ValidClientIds
 * void accepts_it(String clientId) { ... }
 * }</pre>
 */
@Target({ElementType.ANNOTATION_TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(CredentialArgumentsProvider.ValidClientIdsProvider.class)
public @interface ValidClientIds {
}
