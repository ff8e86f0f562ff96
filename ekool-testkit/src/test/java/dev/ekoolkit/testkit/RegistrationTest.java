package dev.ekoolkit.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the extension finds out where it was registered, what it is called in messages, and which registrations conflict. */
class RegistrationTest {

    private static final ExtensionSettings BUILT = EkoolMockExtension.builder().autoLogin("jaan").build().settings();

    @Test
    void an_annotated_class_runs_with_the_annotation_s_settings_and_is_named_after_it() {
        Registration registration = Registration.detect(Annotated.class, List.of(), new EkoolMockExtension(), null);

        assertThat(registration.annotation()).isTrue();
        assertThat(registration.settings().autoLogin()).isEqualTo("mari");
        assertThat(registration.describe()).isEqualTo("@EkoolMockTest");
        assertThat(registration.attribute("autoLogin", "mari")).isEqualTo("@EkoolMockTest(autoLogin = \"mari\")");
    }

    @Test
    void a_nested_class_finds_the_annotation_of_its_enclosing_class() {
        Registration registration = Registration.detect(Annotated.Inner.class, List.of(), new EkoolMockExtension(), null);

        assertThat(registration.annotation()).isTrue();
        assertThat(registration.settings().autoLogin()).isEqualTo("mari");
    }

    @Test
    void a_bare_extend_with_runs_with_the_defaults() {
        Registration registration = Registration.detect(Plain.class, List.of(), new EkoolMockExtension(), null);

        assertThat(registration.annotation()).isFalse();
        assertThat(registration.settings()).isEqualTo(ExtensionSettings.DEFAULTS);
        assertThat(registration.describe()).isEqualTo("the EkoolMockExtension");
    }

    @Test
    void a_static_field_runs_with_the_builder_s_settings_and_is_named_after_the_field() {
        Registration registration = Registration.detect(StaticField.class, List.of(), StaticField.ekool, BUILT);

        assertThat(registration.settings()).isSameAs(BUILT);
        assertThat(registration.describe()).isEqualTo("the EkoolMockExtension in static field 'ekool'");
        assertThat(registration.attribute("autoLogin", "jaan"))
                .isEqualTo("the EkoolMockExtension in static field 'ekool' (builder().autoLogin(\"jaan\"))");
    }

    @Test
    void an_instance_field_is_named_once_the_test_instance_exists() {
        InstanceField instance = new InstanceField();

        Registration before = Registration.detect(InstanceField.class, List.of(), instance.ekool, BUILT);
        Registration after = Registration.detect(InstanceField.class, List.of(instance), instance.ekool, BUILT);

        assertThat(before.describe()).isEqualTo("the EkoolMockExtension");
        assertThat(after.describe()).isEqualTo("the EkoolMockExtension in field 'ekool'");
    }

    @Test
    void the_annotation_and_a_field_together_are_refused_naming_the_field() {
        assertThatThrownBy(() -> Registration.detect(AnnotatedWithField.class, List.of(), AnnotatedWithField.ekool, BUILT))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("AnnotatedWithField is annotated @EkoolMockTest and also registers an EkoolMockExtension in "
                        + "static field 'ekool' of AnnotatedWithField; use one of them (each would start its own server)");
    }

    @Test
    void two_fields_are_refused_naming_both() {
        assertThatThrownBy(() -> Registration.detect(TwoFields.class, List.of(), TwoFields.one, BUILT))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("TwoFields registers more than one EkoolMockExtension ([static field 'one' of "
                        + "TwoFields, static field 'two' of TwoFields]); register one");
    }

    @Test
    void an_export_without_parallel_execution_needs_no_lock() {
        Registration registration = Registration.detect(StaticField.class, List.of(), StaticField.ekool, BUILT);

        assertThatCode(() -> registration.requirePropertiesLock(false)).doesNotThrowAnyException();
    }

    @Test
    void a_parallel_export_from_a_field_without_the_lock_is_refused_naming_the_setting_the_class_and_the_fix() {
        Registration registration = Registration.detect(StaticField.class, List.of(), StaticField.ekool, BUILT);

        assertThatThrownBy(() -> registration.requirePropertiesLock(true))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("the EkoolMockExtension in static field 'ekool' (builder().exportSystemProperties(\"\"))"
                        + " sets JVM-global system properties while JUnit runs tests in parallel; annotate StaticField "
                        + "with @ResourceLock(Resources.SYSTEM_PROPERTIES)");
    }

    @Test
    void a_read_only_lock_is_not_enough() {
        Registration registration = Registration.detect(ReadLocked.class, List.of(), ReadLocked.ekool, BUILT);

        assertThatThrownBy(() -> registration.requirePropertiesLock(true))
                .isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void a_parallel_export_is_allowed_under_the_lock_on_the_class_or_an_enclosing_class_or_when_isolated() {
        for (Registration registration : List.of(
                Registration.detect(Locked.class, List.of(), Locked.ekool, BUILT),
                Registration.detect(Locked.Inner.class, List.of(), Locked.ekool, BUILT),
                Registration.detect(IsolatedClass.class, List.of(), IsolatedClass.ekool, BUILT),
                Registration.detect(Annotated.class, List.of(), new EkoolMockExtension(), null))) {
            assertThatCode(() -> registration.requirePropertiesLock(true)).as(registration.describe())
                    .doesNotThrowAnyException();
        }
    }

    // The fixtures below are never run: they have no tests, only the shapes the detection looks at.

    @EkoolMockTest(autoLogin = "mari")
    static class Annotated {
        class Inner {
        }
    }

    static class Plain {
    }

    static class StaticField {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().build();
    }

    static class InstanceField {
        @RegisterExtension
        EkoolMockExtension ekool = EkoolMockExtension.builder().build();
    }

    @EkoolMockTest
    static class AnnotatedWithField {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().build();
    }

    static class TwoFields {
        @RegisterExtension
        static EkoolMockExtension one = EkoolMockExtension.builder().build();
        @RegisterExtension
        static EkoolMockExtension two = EkoolMockExtension.builder().build();
    }

    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    static class Locked {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().build();

        class Inner {
        }
    }

    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
    static class ReadLocked {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().build();
    }

    @Isolated
    static class IsolatedClass {
        @RegisterExtension
        static EkoolMockExtension ekool = EkoolMockExtension.builder().build();
    }
}
