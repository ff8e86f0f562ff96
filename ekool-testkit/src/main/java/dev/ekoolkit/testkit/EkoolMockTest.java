package dev.ekoolkit.testkit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an eKool mock server for a test class: one server per class (or, with {@link #shared()}, one for the
 * whole test run), injectable as an {@link EkoolMock} parameter into test, lifecycle and constructor methods.
 *
 * <pre>{@code
 * @EkoolMockTest(autoLogin = "mari")
 * class SignInTest {
 *     @Test
 *     void signs_mari_in(EkoolMock ekool) { ... ekool.environment() ... ekool.client() ... }
 * }
 * }</pre>
 *
 * <p>For anything beyond these simple settings (extra clients and users, per-test servers, system
 * properties, a clock) register an {@link EkoolMockExtension} built with {@link EkoolMockExtension#builder()}
 * instead; using both on one class is a configuration error.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EkoolMockExtension.class)
@ResourceLock(providers = SharedServerLock.class)
public @interface EkoolMockTest {

    /**
     * A classpath resource with the mock's YAML or JSON configuration (clients, users, scopes, lifetimes), such
     * as {@code "ekool-mock.yaml"}; empty (the default) for the mock's embedded default configuration.
     *
     * @return the classpath resource name of the configuration, or empty for the embedded default
     */
    String config() default "";

    /**
     * The user (id or username) every authorization logs in as without the login and consent pages, such as
     * {@code "mari"}; empty (the default) for the mock's pages (then use {@link EkoolMock#loginAs(String)}).
     *
     * @return the auto-login user's id or username, or empty for none
     */
    String autoLogin() default "";

    /**
     * {@code true} to use one server for the whole test run, reset before each test, instead of one per class;
     * classes that share it never run at the same time (they hold the resource lock {@link EkoolMock#SHARED_SERVER_LOCK}).
     *
     * @return {@code true} for one shared server per test run, {@code false} for one per class
     */
    boolean shared() default false;

    /**
     * {@code true} to export the server's URLs and the default client's credentials as system properties with
     * the default names of {@link SystemPropertyNames#defaults()} for the duration of the class.
     *
     * @return {@code true} to export the settings as system properties while the class runs
     */
    boolean systemProperties() default false;
}
