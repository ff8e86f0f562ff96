package dev.ekoolkit.testkit.live;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method or class that needs the eKool mock (scripted logins, faults, recorded requests, tokens
 * without a browser): in live mode ({@link LiveSettings}) it is skipped, with the reason naming the feature and
 * the live server. Tests without it that call a mock-only {@code EkoolMock} method in live mode are skipped at
 * that call instead.
 *
 * <pre>{@code
 * @Test
 * @MockOnly("queues a token endpoint fault")
 * void shows_a_retry_page_when_ekool_is_down(EkoolMock ekool) { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MockOnlyCondition.class)
public @interface MockOnly {

    /**
     * Why the test needs the mock, shown in the skip reason; optional.
     *
     * @return why the test needs the mock, or empty for no explanation
     */
    String value() default "";
}
