package dev.ekoolkit.testkit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstances;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an {@link EkoolMockExtension} came to a test class, and so which settings it runs with and how messages
 * name it: through {@link EkoolMockTest} (or a bare {@code @ExtendWith}), or through a {@code @RegisterExtension}
 * field, static or instance. {@link #detect} also rejects registrations that would start competing servers: the
 * annotation together with a field, or two fields.
 *
 * @param testClass  the test class (for a {@code @Nested} class, the nested one)
 * @param settings   the settings in force
 * @param field      the field holding the extension, or {@code null} when it was not found in one
 * @param annotation {@code true} when the settings come from {@link EkoolMockTest}
 */
record Registration(Class<?> testClass, ExtensionSettings settings, Field field, boolean annotation) {

    /** The registration of {@code extension} in the test class of {@code context}; see {@link #detect}. */
    static Registration of(ExtensionContext context, EkoolMockExtension extension, ExtensionSettings built) {
        List<Object> instances = context.getTestInstances().map(TestInstances::getAllInstances).orElse(List.of());
        return detect(context.getRequiredTestClass(), instances, extension, built);
    }

    /**
     * The registration of {@code extension} in {@code testClass}: {@code built} is the builder's settings, or
     * {@code null} for an extension JUnit created from {@link EkoolMockTest} or {@code @ExtendWith} (whose settings
     * come from the annotation on the class or an enclosing class, or are the defaults).
     *
     * @param instances the test instances that exist now (outermost first), empty before any exists; instance
     *                  fields are found only through them
     * @throws ExtensionConfigurationException when the class is annotated and also registers a field, or registers
     *                                         more than one field, naming them
     */
    static Registration detect(Class<?> testClass, List<Object> instances, EkoolMockExtension extension,
                               ExtensionSettings built) {
        Optional<EkoolMockTest> annotation = findAnnotation(testClass);
        List<FieldValue> fields = registeredFields(testClass, instances);
        if (annotation.isPresent() && !fields.isEmpty()) {
            throw new ExtensionConfigurationException(testClass.getSimpleName() + " is annotated @EkoolMockTest and "
                    + "also registers an EkoolMockExtension in " + fields.get(0).describe() + "; use one of them "
                    + "(each would start its own server)");
        }
        if (fields.size() > 1) {
            throw new ExtensionConfigurationException(testClass.getSimpleName() + " registers more than one "
                    + "EkoolMockExtension (" + fields.stream().map(FieldValue::describe).toList() + "); register one "
                    + "and add clients and users to it, or register further clients at run time");
        }
        if (built == null) {
            return new Registration(testClass, annotation.map(ExtensionSettings::from).orElse(ExtensionSettings.DEFAULTS),
                    null, annotation.isPresent());
        }
        Field field = fields.stream().filter(f -> f.value == extension).map(FieldValue::field).findFirst().orElse(null);
        return new Registration(testClass, built, field, false);
    }

    /** How to name this registration in a message: {@code @EkoolMockTest} or {@code the EkoolMockExtension in static field 'ekool'}. */
    String describe() {
        if (annotation) {
            return "@EkoolMockTest";
        }
        if (field == null) {
            return "the EkoolMockExtension";
        }
        return "the EkoolMockExtension in " + (ModifierSupport.isStatic(field) ? "static field '" : "field '")
                + field.getName() + "'";
    }

    /**
     * How to name one attribute or builder setting and its value in a message:
     * {@code @EkoolMockTest(autoLogin = "x")} or {@code the EkoolMockExtension in field 'f' (builder().autoLogin("x"))}.
     */
    String attribute(String name, Object value) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        if (annotation) {
            return "@EkoolMockTest(" + name + " = " + shown + ")";
        }
        return describe() + " (builder()." + name + "(" + shown + "))";
    }

    /**
     * System properties are JVM-global: under parallel execution an export must hold JUnit's
     * {@link Resources#SYSTEM_PROPERTIES} lock. The annotation takes it itself ({@link SharedServerLock}); a
     * registered field's class must declare it, or be {@link Isolated}.
     *
     * @param parallel whether JUnit runs tests in parallel
     * @throws ExtensionConfigurationException when the class (and every enclosing class) lacks the lock, naming the
     *                                         setting, the class and the fix
     */
    void requirePropertiesLock(boolean parallel) {
        if (!parallel || annotation) {
            return;
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, Isolated.class) || AnnotationSupport.findRepeatableAnnotations(c, ResourceLock.class)
                    .stream().anyMatch(lock -> Resources.SYSTEM_PROPERTIES.equals(lock.value()) && lock.mode() == ResourceAccessMode.READ_WRITE)) {
                return;
            }
        }
        throw new ExtensionConfigurationException(attribute("exportSystemProperties", "")
                + " sets JVM-global system properties while JUnit runs tests in parallel; annotate "
                + testClass.getSimpleName() + " with @ResourceLock(Resources.SYSTEM_PROPERTIES) (or @Isolated), or read the"
                + " settings from EkoolMock.properties() instead of exporting them");
    }

    private static Optional<EkoolMockTest> findAnnotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<EkoolMockTest> found = AnnotationSupport.findAnnotation(c, EkoolMockTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The registered EkoolMockExtension fields visible now: static ones always, instance ones once instances exist. */
    private static List<FieldValue> registeredFields(Class<?> testClass, List<Object> instances) {
        List<FieldValue> out = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class,
                    f -> EkoolMockExtension.class.isAssignableFrom(f.getType()))) {
                if (ModifierSupport.isStatic(field)) {
                    ReflectionSupport.tryToReadFieldValue(field, null).toOptional()
                            .ifPresent(v -> out.add(new FieldValue(field, v)));
                } else {
                    for (Object instance : instances) {
                        if (field.getDeclaringClass().isInstance(instance)) {
                            ReflectionSupport.tryToReadFieldValue(field, instance).toOptional()
                                    .ifPresent(v -> out.add(new FieldValue(field, v)));
                        }
                    }
                }
            }
        }
        return out.stream().filter(f -> f.value != null).distinct().toList();
    }

    /** One field and the extension it holds (compared by identity: two instances may hold equal-looking values). */
    private record FieldValue(Field field, Object value) {
        String describe() {
            return (ModifierSupport.isStatic(field) ? "static field '" : "field '") + field.getName() + "' of "
                    + field.getDeclaringClass().getSimpleName();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FieldValue other && other.field.equals(field) && other.value == value;
        }

        @Override
        public int hashCode() {
            return field.hashCode();
        }
    }
}
