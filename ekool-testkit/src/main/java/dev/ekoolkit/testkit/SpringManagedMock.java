package dev.ekoolkit.testkit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Arrays;

/**
 * The bridge from {@link EkoolMockExtension} to Spring: on a test class that Spring's JUnit extension runs
 * ({@code @SpringBootTest}, {@code @SpringJUnitConfig}, ...), the mock belongs to the application context, so the
 * extension starts none of its own and resolves {@link EkoolMock} parameters from the context. Spring's classes
 * are touched only when the test class names Spring's extension, so the testkit works without Spring. It finds the
 * mock by type, so this package needs nothing of {@code dev.ekoolkit.testkit.spring} (which registers it).
 */
final class SpringManagedMock {

    private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

    private SpringManagedMock() {
    }

    /**
     * {@code true} when the test class (or an enclosing one) is annotated {@link EkoolMockTest} and run by Spring's
     * JUnit extension, so the mock is the application context's.
     */
    static boolean managesMock(ExtensionContext context) {
        boolean annotated = false;
        for (Class<?> c = context.getRequiredTestClass(); c != null && !annotated; c = c.getEnclosingClass()) {
            annotated = AnnotationSupport.isAnnotated(c, EkoolMockTest.class);
        }
        if (!annotated) {
            return false;
        }
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            boolean spring = AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
                    .flatMap(e -> Arrays.stream(e.value()))
                    .anyMatch(type -> type.getName().equals(SPRING_EXTENSION));
            if (spring) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mock of the test's application context (loading the context if need be).
     *
     * @throws IllegalStateException when the context has no mock (the class is not annotated {@code @EkoolMockTest})
     */
    static EkoolMock mock(ExtensionContext context) {
        return SpringContexts.mock(context);
    }

    /** Kept apart so that {@link SpringManagedMock} loads without Spring on the class path. */
    private static final class SpringContexts {
        static EkoolMock mock(ExtensionContext context) {
            org.springframework.context.ApplicationContext app =
                    org.springframework.test.context.junit.jupiter.SpringExtension.getApplicationContext(context);
            if (app.getBeanNamesForType(EkoolMock.class).length == 0) {
                throw new IllegalStateException("the application context of " + context.getRequiredTestClass().getName()
                        + " runs no eKool mock; annotate the class @EkoolMockTest");
            }
            return app.getBean(EkoolMock.class);
        }
    }
}
