package dev.ekoolkit.testkit.internal;

import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockTest;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * Gives classes annotated {@code @EkoolMockTest(shared = true)} the lock {@link EkoolMock#SHARED_SERVER_LOCK}, so
 * JUnit never runs two of them at the same time; per-class servers need no lock. Public only because JUnit
 * instantiates it.
 */
public final class SharedServerLock implements ResourceLocksProvider {

    private static final Set<Lock> SHARED = Set.of(new Lock(EkoolMock.SHARED_SERVER_LOCK));

    /** The lock for a shared-server class, none otherwise. */
    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return isShared(testClass) ? SHARED : Set.of();
    }

    /** The lock when the nested class or one around it is a shared-server class. */
    @Override
    public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        if (isShared(testClass) || enclosingInstanceTypes.stream().anyMatch(SharedServerLock::isShared)) {
            return SHARED;
        }
        return Set.of();
    }

    /** No locks per method: the class holds it. */
    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return Set.of();
    }

    private static boolean isShared(Class<?> type) {
        return AnnotationSupport.findAnnotation(type, EkoolMockTest.class).map(EkoolMockTest::shared).orElse(false);
    }
}
