package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run-wide server is lent to one test at a time, reset for each, and stopped with the run. */
class SharedServerLeaseTest {

    private SharedServer shared;

    @BeforeEach
    void start_a_server() {
        shared = new SharedServer(EkoolMockServer.builder().config(MockConfig.defaults()).build().start(),
                SystemPropertyNames.defaults());
    }

    @AfterEach
    void stop_it() {
        shared.close();
    }

    @Test
    void a_second_test_is_refused_while_the_first_holds_the_server_naming_the_holder_and_the_fix() {
        shared.lease("[test:first]", "@EkoolMockTest");

        assertThatThrownBy(() -> shared.lease("[test:second]", "the EkoolMockExtension in static field 'ekool'"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("the shared eKool mock is in use by another test running at the same time "
                        + "([test:first]); tests sharing one server must not run in parallel: annotate the class with "
                        + "@ResourceLock(EkoolMock.SHARED_SERVER_LOCK)")
                .hasMessageEndingWith("or give the EkoolMockExtension in static field 'ekool' a per-class server");
    }

    @Test
    void closing_the_lease_frees_the_server_for_the_next_test() {
        shared.lease("[test:first]", "@EkoolMockTest").close();

        assertThatCode(() -> shared.lease("[test:second]", "@EkoolMockTest")).doesNotThrowAnyException();
    }

    @Test
    void a_stale_lease_closed_late_does_not_free_the_server_another_test_holds() {
        SharedServer.Lease first = shared.lease("[test:first]", "@EkoolMockTest");
        first.close();
        shared.lease("[test:second]", "@EkoolMockTest");

        first.close();

        assertThatThrownBy(() -> shared.lease("[test:third]", "@EkoolMockTest"))
                .hasMessageContaining("([test:second])");
    }

    @Test
    void each_lease_begins_with_the_server_reset_to_its_configuration() {
        EkoolMock handle = shared.handle();
        shared.lease("[test:first]", "@EkoolMockTest").close();
        handle.allowRedirectUri("http://127.0.0.1:1/leftover");
        handle.issueTokens("mari");

        shared.lease("[test:second]", "@EkoolMockTest");

        assertThat(handle.defaultClient().redirectUris()).extracting(Object::toString)
                .containsExactly(MockConfig.DEMO_REDIRECT_URI, MockConfig.DEMO_REDIRECT_URI_IPV4,
                        handle.url(MockConfig.PLAYGROUND_CALLBACK_PATH).toString());
    }

    @Test
    void closing_the_shared_server_stops_it() {
        EkoolMockServer server = shared.handle().server();

        shared.close();

        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void settings_that_differ_anywhere_get_their_own_shared_server() {
        MockConfig config = MockConfig.defaults();

        assertThat(new SharedServer.Key(config, "mari", null)).isEqualTo(new SharedServer.Key(config, "mari", null));
        assertThat(new SharedServer.Key(config, "mari", null)).isNotEqualTo(new SharedServer.Key(config, "jaan", null));
    }
}
