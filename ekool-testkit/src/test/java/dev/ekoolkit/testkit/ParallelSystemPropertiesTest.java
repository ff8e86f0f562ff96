package dev.ekoolkit.testkit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;
import org.junit.jupiter.api.parallel.Resources;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Exported system properties are JVM-global, so under parallel execution an export holds JUnit's
 * {@link Resources#SYSTEM_PROPERTIES} lock: the annotation takes it itself, and a registered extension without it
 * fails fast instead of letting two classes overwrite each other's settings.
 */
class ParallelSystemPropertiesTest {

    static final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void the_annotation_with_system_properties_takes_the_system_properties_lock() {
        assertThat(new SharedServerLock().provideForClass(AnnotatedExportOne.class))
                .containsExactly(new Lock(Resources.SYSTEM_PROPERTIES));
        assertThat(new SharedServerLock().provideForClass(PlainAnnotated.class)).isEmpty();
    }

    @Test
    void annotated_exports_in_parallel_classes_each_see_their_own_server() {
        seen.clear();
        Scenarios.run(Scenarios.parallel(), AnnotatedExportOne.class, AnnotatedExportTwo.class)
                .testEvents().assertStatistics(s -> s.succeeded(6).failed(0));
        assertThat(seen).hasSize(6).allMatch(s -> s.equals("ok"));
    }

    @Test
    void a_registered_extension_exporting_in_parallel_without_the_lock_fails_naming_the_setting() {
        Scenarios.run(Scenarios.parallel(), UnlockedExport.class).containerEvents().assertThatEvents()
                .haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("static field 'ekool'") && m.contains("exportSystemProperties")
                                && m.contains("@ResourceLock(Resources.SYSTEM_PROPERTIES)"))));
    }

    @Test
    void a_registered_extension_exporting_in_parallel_with_the_lock_runs() {
        Scenarios.run(Scenarios.parallel(), LockedExport.class)
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    /** Records whether the exported login URL is this class's own server's while sibling classes run. */
    static void check(EkoolMock ekool) {
        seen.add(ekool.loginUrl().toString().equals(System.getProperty("ekool.login-url")) ? "ok"
                : "overwritten: " + System.getProperty("ekool.login-url") + " vs " + ekool.loginUrl());
    }

    @Scenario
    @EkoolMockTest(systemProperties = true)
    static class AnnotatedExportOne {
        @RepeatedTest(3)
        void reads_its_own_settings(EkoolMock ekool) throws InterruptedException {
            Thread.sleep(5);
            check(ekool);
        }
    }

    @Scenario
    @EkoolMockTest(systemProperties = true)
    static class AnnotatedExportTwo {
        @RepeatedTest(3)
        void reads_its_own_settings(EkoolMock ekool) throws InterruptedException {
            Thread.sleep(5);
            check(ekool);
        }
    }

    @Scenario
    @EkoolMockTest
    static class PlainAnnotated {
    }

    @Scenario
    static class UnlockedExport {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().exportSystemProperties().build();

        @Test
        void never_runs() {
        }
    }

    @Scenario
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    static class LockedExport {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().exportSystemProperties().build();

        @RepeatedTest(2)
        void reads_its_own_settings(EkoolMock mock) {
            assertThat(System.getProperty("ekool.login-url")).isEqualTo(mock.loginUrl().toString());
        }
    }
}
