package dev.ekoolkit.testkit;

import dev.ekoolkit.testkit.example.Browser;
import dev.ekoolkit.testkit.example.GreetingApp;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-class and per-test servers under JUnit's parallel execution (classes and methods concurrent, 4 threads), in
 * a nested engine so the rest of the suite keeps its own settings; shared-server classes serialise on their lock.
 */
class ParallelExecutionTest {

    static final List<String> trace = new CopyOnWriteArrayList<>();

    @Test
    void per_class_and_per_test_servers_serve_concurrent_sign_ins() {
        Scenarios.run(Scenarios.parallel(), PerClassOne.class, PerClassTwo.class, PerTest.class)
                .testEvents().assertStatistics(s -> s.succeeded(12).failed(0).aborted(0));
    }

    @Test
    void shared_server_classes_never_overlap() {
        trace.clear();
        Scenarios.run(Scenarios.parallel(), SharedOne.class, SharedTwo.class)
                .testEvents().assertStatistics(s -> s.succeeded(6).failed(0));

        // With the lock, one class's tests all finish before the other's start.
        String first = trace.get(0).substring(0, 1);
        assertThat(trace.subList(0, 6)).allMatch(t -> t.startsWith(first));
    }

    /** Signs the chosen user in through a fresh app and checks the greeting. */
    static void signIn(EkoolMock ekool, String user, String firstName) {
        try (GreetingApp app = GreetingApp.start(ekool.properties())) {
            ekool.allowRedirectUri(app.callbackUri().toString());
            ekool.loginAs(user);   // one-shot: races with concurrent tests of a per-class server, so those use auto-login
            assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, " + firstName);
        }
    }

    @Scenario
    @EkoolMockTest(autoLogin = "mari")
    static class PerClassOne {
        @RepeatedTest(4)
        void signs_in(EkoolMock ekool) {
            try (GreetingApp app = GreetingApp.start(ekool.properties())) {
                ekool.allowRedirectUri(app.callbackUri().toString());
                assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Mari");
            }
        }
    }

    @Scenario
    static class PerClassTwo {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().autoLogin("jaan").build();

        @RepeatedTest(4)
        void signs_in(EkoolMock mock) {
            try (GreetingApp app = GreetingApp.start(mock.properties())) {
                mock.allowRedirectUri(app.callbackUri().toString());
                assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Jaan");
            }
        }
    }

    @Scenario
    static class PerTest {
        @RegisterExtension
        EkoolMockExtension ekool = EkoolMockExtension.builder().build();

        @RepeatedTest(4)
        void signs_in(EkoolMock mock) {
            signIn(mock, "tiina", "Tiina");
        }
    }

    @Scenario
    @EkoolMockTest(shared = true)
    static class SharedOne {
        @RepeatedTest(3)
        void signs_in(EkoolMock ekool) {
            trace.add("1 start");
            signIn(ekool, "mari", "Mari");
            trace.add("1 end");
        }
    }

    @Scenario
    @EkoolMockTest(shared = true)
    static class SharedTwo {
        @RepeatedTest(3)
        void signs_in(EkoolMock ekool) {
            trace.add("2 start");
            signIn(ekool, "jaan", "Jaan");
            trace.add("2 end");
        }
    }
}
