package dev.ekoolkit.testkit.params;

import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds a {@code @ParameterizedTest} the malformed {@code client_id} samples of
 * {@link CredentialSamples#malformedClientIds()}: two arguments each, the value ({@code String}, possibly {@code null})
 * and the {@link dev.ekoolkit.core.credentials.Violation} ekool-core reports for it, named by what is wrong
 * (never by the value). A test may take only the first.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @MalformedClientIds
 * void rejects_it_as_ekool_core_does(String value, Violation expected) {
 *     assertThat(myConfigCheck(value)).contains(expected.message());
 * }
 * }</pre>
 */
@Target({ElementType.ANNOTATION_TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(CredentialArgumentsProvider.MalformedClientIdsProvider.class)
public @interface MalformedClientIds {
}
