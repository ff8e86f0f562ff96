package dev.ekoolkit.testkit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** How long servers live in each registration, checked on whole classes run in a nested engine. */
class LifecycleTest {

    static final List<EkoolMock> seen = new CopyOnWriteArrayList<>();

    /** How many different servers the recorded handles point at (by identity: ports may be reused). */
    static long servers() {
        java.util.Set<EkoolMock> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        distinct.addAll(seen);
        return distinct.size();
    }

    @Test
    void the_annotation_runs_one_server_for_the_whole_class() {
        seen.clear();
        Scenarios.run(AnnotatedClass.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(seen).hasSize(2);
        assertThat(servers()).isEqualTo(1);
    }

    @Test
    void a_static_field_runs_one_server_for_the_whole_class() {
        seen.clear();
        Scenarios.run(StaticFieldClass.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(servers()).isEqualTo(1);
    }

    @Test
    void an_instance_field_runs_one_server_per_test() {
        seen.clear();
        Scenarios.run(InstanceFieldClass.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(servers()).isEqualTo(2);
    }

    @Test
    void a_static_field_asking_for_per_test_servers_gets_one_per_test() {
        seen.clear();
        Scenarios.run(StaticPerTestClass.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(servers()).isEqualTo(2);
    }

    @Test
    void shared_classes_use_one_server_reset_before_each_test() {
        seen.clear();
        Scenarios.run(SharedA.class, SharedB.class).testEvents().assertStatistics(s -> s.succeeded(4).failed(0));

        assertThat(seen).hasSize(4);
        assertThat(servers()).isEqualTo(1);
    }

    @Test
    void a_nested_class_uses_its_enclosing_class_server() {
        seen.clear();
        Scenarios.run(WithNested.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(servers()).isEqualTo(1);
    }

    @Test
    void servers_stop_when_their_class_or_test_ends() {
        seen.clear();
        Scenarios.run(AnnotatedClass.class, InstanceFieldClass.class);

        assertThat(seen).isNotEmpty().allSatisfy(mock ->
                assertThat(mock.server().isRunning()).as("%s still running", mock).isFalse());
    }

    @Scenario
    @EkoolMockTest
    static class AnnotatedClass {
        @Test
        void first(EkoolMock ekool) {
            seen.add(ekool);
        }

        @Test
        void second(EkoolMock ekool) {
            seen.add(ekool);
        }
    }

    @Scenario
    static class StaticFieldClass {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().build();

        @Test
        void first() {
            seen.add(ekool.mock());
        }

        @Test
        void second(EkoolMock mock) {
            seen.add(mock);
        }
    }

    @Scenario
    static class InstanceFieldClass {
        @RegisterExtension
        EkoolMockExtension ekool = EkoolMockExtension.builder().build();

        @Test
        void first() {
            seen.add(ekool.mock());
        }

        @Test
        void second(EkoolMock mock) {
            seen.add(mock);
        }
    }

    @Scenario
    static class StaticPerTestClass {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder()
                .lifecycle(EkoolMockExtension.Lifecycle.PER_TEST).build();

        @Test
        void first(EkoolMock mock) {
            seen.add(mock);
        }

        @Test
        void second(EkoolMock mock) {
            seen.add(mock);
        }
    }

    @Scenario
    @EkoolMockTest(shared = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedA {
        @Test
        @Order(1)
        void leaves_state_behind(EkoolMock ekool) {
            seen.add(ekool);
            ekool.loginAs("mari");
            ekool.allowRedirectUri("http://127.0.0.1:1/left-behind");
            ekool.issueTokens("mari");
        }

        @Test
        @Order(2)
        void finds_none_of_it(EkoolMock ekool) {
            seen.add(ekool);
            assertThat(ekool.defaultClient().redirectUris()).extracting(Object::toString)
                    .doesNotContain("http://127.0.0.1:1/left-behind");
        }
    }

    @Scenario
    static class SharedB {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().shared().build();

        @Test
        void first(EkoolMock mock) {
            seen.add(mock);
            assertThat(mock.requests()).isEmpty();
        }

        @Test
        void second(EkoolMock mock) {
            seen.add(mock);
            assertThat(mock.requests()).isEmpty();
        }
    }

    @Scenario
    @EkoolMockTest
    static class WithNested {
        @Test
        void outer(EkoolMock ekool) {
            seen.add(ekool);
        }

        @Nested
        class Inner {
            @Test
            void inner(EkoolMock ekool) {
                seen.add(ekool);
            }
        }
    }
}
