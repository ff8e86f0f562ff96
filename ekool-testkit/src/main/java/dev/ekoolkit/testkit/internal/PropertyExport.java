package dev.ekoolkit.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * System properties set for a class or test and restored (set back, or cleared) when JUnit closes the store
 * holding this value. System properties are JVM-global: two exports active at once in parallel tests overwrite
 * each other, which is why exporting is opt-in and documented as unsafe for parallel tests that read them.
 */
public final class PropertyExport implements AutoCloseable {

    private static final Object LOCK = new Object();

    private final Map<String, String> previous = new LinkedHashMap<>();

    private PropertyExport() {
    }

    /** Sets every property and remembers what it replaces. */
    public static PropertyExport apply(Map<String, String> properties) {
        PropertyExport export = new PropertyExport();
        synchronized (LOCK) {
            properties.forEach((name, value) -> {
                export.previous.put(name, System.getProperty(name));
                System.setProperty(name, value);
            });
        }
        return export;
    }

    /** Puts back what each property held before, clearing those that were unset. */
    @Override
    public void close() {
        synchronized (LOCK) {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}
