package dev.ekoolkit.testkit;

import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives classes annotated {@code @EkoolMockTest(shared = true)} the lock {@link EkoolMock#SHARED_SERVER_LOCK}, so
 * JUnit never runs two of them at the same time, and classes annotated {@code @EkoolMockTest(systemProperties = true)}
 * read-write access to JUnit's {@link Resources#SYSTEM_PROPERTIES}, so no other test that declares the same resource
 * runs while the properties are set; per-class servers need no lock.
 * Package-private: JUnit instantiates it reflectively, and keeping it beside {@link EkoolMockTest} keeps the
 * {@code internal} package free of imports from the testkit.
 */
final class SharedServerLock implements ResourceLocksProvider {

    private static final Lock SHARED = new Lock(EkoolMock.SHARED_SERVER_LOCK);
    private static final Lock PROPERTIES = new Lock(Resources.SYSTEM_PROPERTIES);

    /** The locks of the class's {@code @EkoolMockTest}: shared server, system properties, or none. */
    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return locks(List.of(testClass));
    }

    /** The locks of the nested class's or an enclosing class's {@code @EkoolMockTest}. */
    @Override
    public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        List<Class<?>> types = new ArrayList<>(enclosingInstanceTypes);
        types.add(testClass);
        return locks(types);
    }

    /** No locks per method: the class holds it. */
    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return Set.of();
    }

    private static Set<Lock> locks(List<Class<?>> types) {
        Set<Lock> locks = new HashSet<>();
        for (Class<?> type : types) {
            AnnotationSupport.findAnnotation(type, EkoolMockTest.class).ifPresent(a -> {
                if (a.shared()) {
                    locks.add(SHARED);
                }
                if (a.systemProperties()) {
                    locks.add(PROPERTIES);
                }
            });
        }
        return Set.copyOf(locks);
    }
}
