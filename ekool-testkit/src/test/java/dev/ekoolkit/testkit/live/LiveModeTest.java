package dev.ekoolkit.testkit.live;

import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockExtension;
import dev.ekoolkit.testkit.EkoolMockTest;
import dev.ekoolkit.testkit.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Switching to live mode with fake credentials (eKool itself cannot be reached here), and skipping mock-only tests. */
class LiveModeTest {

    static final String ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    static final String SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";
    static final String REDIRECT = "https://app.example.ee/oauth2/callback";

    static Map<String, String> liveConfiguration() {
        Map<String, String> config = new HashMap<>();
        config.put(LiveSettings.configurationParameter(LiveSettings.CLIENT_ID), ID);
        config.put(LiveSettings.configurationParameter(LiveSettings.CLIENT_SECRET), SECRET);
        config.put(LiveSettings.configurationParameter(LiveSettings.REDIRECT_URI), REDIRECT);
        return config;
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(configuration)
                .configurationParameter(Scenario.PARAMETER, "true")
                .selectors(selectClass(scenario)).execute();
    }

    @Test
    void live_settings_point_the_handle_at_ekool_staging() {
        run(liveConfiguration(), LiveScenario.class).testEvents()
                .assertThatEvents().haveExactly(1, event(test("points_at_staging"), finishedSuccessfully()));
    }

    @Test
    void a_mock_only_test_is_skipped_with_the_reason_and_the_server() {
        run(liveConfiguration(), LiveScenario.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("scripts_a_fault"), skippedWithReason(r -> r.contains("mock-only test (queues a fault) skipped")
                        && r.contains("live against eKool staging (https://login.ekool.dev)"))));
    }

    @Test
    void a_mock_only_call_aborts_the_test_naming_the_method() {
        run(liveConfiguration(), LiveScenario.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("logs_someone_in"), abortedWithReason(message(m -> m.contains("EkoolMock.loginAs(user) needs the eKool mock")))));
    }

    @Test
    void without_live_settings_the_same_class_runs_against_the_mock() {
        run(Map.of(), MockScenario.class).testEvents().assertStatistics(s -> s.succeeded(1).skipped(0).aborted(0));
    }

    @Test
    void an_extension_that_forbids_live_mode_keeps_the_mock() {
        run(liveConfiguration(), NoLiveScenario.class).testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void incomplete_live_settings_fail_naming_the_missing_variable() {
        Map<String, String> config = liveConfiguration();
        config.remove(LiveSettings.configurationParameter(LiveSettings.REDIRECT_URI));

        run(config, MockScenario.class).allEvents().assertThatEvents().haveAtLeastOne(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("EKOOL_LIVE_REDIRECT_URI must be set too"))));
    }

    @Scenario
    @EkoolMockTest
    static class LiveScenario {
        @Test
        void points_at_staging(EkoolMock ekool) {
            assertThat(ekool.isLive()).isTrue();
            assertThat(ekool.environment()).isEqualTo(EkoolEnvironment.STAGING);
            assertThat(ekool.client().clientId().value()).isEqualTo(ID);
            assertThat(ekool.redirectUri().value()).isEqualTo(REDIRECT);
            assertThat(ekool.properties()).containsEntry("ekool.login-url", "https://login.ekool.dev");
        }

        @Test
        @MockOnly("queues a fault")
        void scripts_a_fault(EkoolMock ekool) {
            throw new AssertionError("must not run live");
        }

        @Test
        void logs_someone_in(EkoolMock ekool) {
            ekool.loginAs("mari");
            throw new AssertionError("must not get here live");
        }
    }

    @Scenario
    @EkoolMockTest
    static class MockScenario {
        @Test
        @MockOnly
        void runs(EkoolMock ekool) {
            assertThat(ekool.isLive()).isFalse();
            ekool.loginAs("mari");
        }
    }

    @Scenario
    static class NoLiveScenario {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().live(false).build();

        @Test
        void runs(EkoolMock mock) {
            assertThat(mock.isLive()).isFalse();
        }
    }
}
