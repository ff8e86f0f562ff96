package dev.ekoolkit.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Misconfiguration fails fast with ExtensionConfigurationException naming the attribute or field. */
class ConfigurationErrorsTest {

    @Test
    void a_missing_config_resource_names_the_attribute_and_the_resource() {
        assertFailure(MissingConfigResource.class, ExtensionConfigurationException.class,
                "@EkoolMockTest(config = \"no-such-ekool-mock.yaml\") names a classpath resource that does not exist");
    }

    @Test
    void an_invalid_config_resource_names_the_attribute_and_passes_on_the_mock_s_reason() {
        assertFailure(BrokenConfigResource.class, ExtensionConfigurationException.class,
                "@EkoolMockTest(config = \"ekool-mock-broken.yaml\") is not a valid eKool mock configuration: ");
        assertFailure(BrokenConfigResource.class, ExtensionConfigurationException.class, "client_id");
    }

    @Test
    void an_unknown_auto_login_user_names_the_attribute_and_the_users() {
        assertFailure(UnknownAutoLogin.class, ExtensionConfigurationException.class,
                "@EkoolMockTest(autoLogin = \"nobody\") names no user of the mock's configuration; users: [mari (100001)");
    }

    @Test
    void an_unknown_auto_login_user_in_a_builder_names_the_field() {
        assertFailure(UnknownAutoLoginField.class, ExtensionConfigurationException.class,
                "the EkoolMockExtension in static field 'ekool' (builder().autoLogin(\"nobody\")) names no user");
    }

    @Test
    void the_annotation_and_a_field_together_name_the_field() {
        assertFailure(AnnotationAndField.class, ExtensionConfigurationException.class,
                "AnnotationAndField is annotated @EkoolMockTest and also registers an EkoolMockExtension in static field 'ekool'");
    }

    @Test
    void two_fields_name_both() {
        assertFailure(TwoFields.class, ExtensionConfigurationException.class,
                "TwoFields registers more than one EkoolMockExtension ([static field 'one' of TwoFields, static field 'two' of TwoFields])");
    }

    @Test
    void per_class_on_an_instance_field_names_the_field_and_the_fix() {
        assertFailure(PerClassInstanceField.class, ExtensionConfigurationException.class,
                "the EkoolMockExtension in field 'ekool' asks for lifecycle PER_CLASS, but JUnit registers an instance "
                        + "field per test; make the field static");
    }

    @Test
    void a_before_all_parameter_with_per_test_servers_says_why_there_is_none() {
        assertFailure(BeforeAllWithPerTestServer.class, ParameterResolutionException.class,
                "starts one server per test, before @BeforeEach methods");
    }

    @Test
    void the_field_handle_before_any_server_runs_says_when_one_will() {
        EkoolMockExtension extension = EkoolMockExtension.builder().build();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(extension::mock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no eKool mock runs for this EkoolMockExtension yet");
    }

    private static void assertFailure(Class<?> scenario, Class<? extends Throwable> type, String messagePart) {
        EngineExecutionResults results = Scenarios.run(scenario);
        results.allEvents().assertThatEvents().haveAtLeastOne(finishedWithFailure(instanceOf(type),
                message(m -> m.contains(messagePart))));
    }

    @Scenario
    @EkoolMockTest(config = "no-such-ekool-mock.yaml")
    static class MissingConfigResource {
        @Test
        void test() {
        }
    }

    @Scenario
    @EkoolMockTest(config = "ekool-mock-broken.yaml")
    static class BrokenConfigResource {
        @Test
        void test() {
        }
    }

    @Scenario
    @EkoolMockTest(autoLogin = "nobody")
    static class UnknownAutoLogin {
        @Test
        void test() {
        }
    }

    @Scenario
    static class UnknownAutoLoginField {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().autoLogin("nobody").build();

        @Test
        void test() {
        }
    }

    @Scenario
    @EkoolMockTest
    static class AnnotationAndField {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().build();

        @Test
        void test() {
        }
    }

    @Scenario
    static class TwoFields {
        @RegisterExtension
        static EkoolMockExtension one = EkoolMockExtension.builder().build();
        @RegisterExtension
        static EkoolMockExtension two = EkoolMockExtension.builder().build();

        @Test
        void test() {
        }
    }

    @Scenario
    static class PerClassInstanceField {
        @RegisterExtension
        EkoolMockExtension ekool = EkoolMockExtension.builder().lifecycle(EkoolMockExtension.Lifecycle.PER_CLASS).build();

        @Test
        void test() {
        }
    }

    @Scenario
    static class BeforeAllWithPerTestServer {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().lifecycle(EkoolMockExtension.Lifecycle.PER_TEST).build();

        @org.junit.jupiter.api.BeforeAll
        static void setUp(EkoolMock mock) {
        }

        @Test
        void test() {
        }
    }
}
