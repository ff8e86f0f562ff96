package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What a class's or test's store holds: closing it stops an owned server, but only unbinds the shared one. */
class SlotTest {

    private final Set<EkoolMock> index = ConcurrentHashMap.newKeySet();
    private EkoolMockServer server;

    @BeforeEach
    void start_a_server() {
        server = EkoolMockServer.builder().config(MockConfig.defaults()).build().start();
    }

    @AfterEach
    void stop_it() {
        server.close();
    }

    @Test
    void closing_an_owned_slot_stops_its_server_and_leaves_the_index() {
        EkoolMock handle = EkoolMock.of(server, SystemPropertyNames.defaults());
        index.add(handle);

        new Slot.Owned(handle, server, index).close();

        assertThat(server.isRunning()).isFalse();
        assertThat(index).isEmpty();
    }

    @Test
    void closing_a_bound_slot_leaves_the_index_but_the_shared_server_runs_on() {
        SharedServer shared = new SharedServer(server, SystemPropertyNames.defaults());
        Slot.Bound bound = new Slot.Bound(shared, index);
        index.add(bound.handle());

        bound.close();

        assertThat(index).isEmpty();
        assertThat(server.isRunning()).isTrue();
        assertThat(bound.handle()).isSameAs(shared.handle());
    }
}
