package dev.ekoolkit.testkit.spring;

import dev.ekoolkit.testkit.EkoolMockTest;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

/**
 * Spring's test framework finds this factory in {@code META-INF/spring.factories}: for a test class annotated
 * {@link EkoolMockTest} it adds an {@link EkoolMockContextCustomizer}, which starts the mock before the application
 * context and stops it with the context. Its settings ({@code config}, {@code autoLogin}) are part of Spring's
 * context-cache key, so test classes with the same settings share one context and one mock.
 */
public class EkoolMockContextCustomizerFactory implements ContextCustomizerFactory {

    /** Created by Spring's test framework. */
    public EkoolMockContextCustomizerFactory() {
    }

    /** A customizer for classes annotated {@link EkoolMockTest} (also on an enclosing class), else {@code null}. */
    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        EkoolMockTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, EkoolMockTest.class);
        return annotation == null ? null : new EkoolMockContextCustomizer(annotation.config(), annotation.autoLogin());
    }
}
