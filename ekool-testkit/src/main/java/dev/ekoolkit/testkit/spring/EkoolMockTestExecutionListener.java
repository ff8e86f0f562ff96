package dev.ekoolkit.testkit.spring;

import dev.ekoolkit.testkit.EkoolMockTest;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before each test method of an {@link EkoolMockTest} class, resets the mock of the test's application context and
 * registers the application's redirect URI again, so a mock shared through Spring's context cache starts every test
 * as configured (the shared lifecycle's guarantee). Registered in {@code META-INF/spring.factories}.
 */
public class EkoolMockTestExecutionListener extends AbstractTestExecutionListener {

    /** Created by Spring's test framework. */
    public EkoolMockTestExecutionListener() {
    }

    /** Just after Spring's own dependency injection and before transactional and SQL listeners. */
    @Override
    public int getOrder() {
        return 2100;
    }

    /** Resets the mock (only for {@link EkoolMockTest} classes). */
    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), EkoolMockTest.class) != null) {
            testContext.getApplicationContext().getBean(EkoolMockBinding.BEAN, EkoolMockBinding.class).beforeTest();
        }
    }
}
