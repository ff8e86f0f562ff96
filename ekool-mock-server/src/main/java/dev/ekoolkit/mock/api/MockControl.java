package dev.ekoolkit.mock.api;

import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockUser;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every test-control operation of a running eKool mock, once: clients, users, the next login and auto-login,
 * tokens without a browser, faults and delays, the request journal, the clock and reset. The running server
 * implements it; {@code EkoolMockServer} exposes it, the admin HTTP API under {@code /__admin} maps HTTP onto
 * it, and the testkit's {@code EkoolMock} delegates to it, all with the same names and meanings
 * (docs/architecture.md has the table).
 *
 * <p>Every operation is thread-safe and takes effect at once for the next request. Operations that name a user
 * accept its id or its username.
 */
public interface MockControl {

    /**
     * Every registered client, in registration order; immutable.
     *
     * @return the registered clients, unmodifiable
     */
    List<MockClient> clients();

    /**
     * Registers a client; its credentials work at once.
     *
     * @param client the client to register; its id must not be in use yet
     * @return the client
     * @throws IllegalArgumentException when the id is taken or a scope is unknown to the server
     */
    MockClient registerClient(MockClient client);

    /**
     * Registers a client for a registration request (the e-mail eKool asks for), with freshly generated
     * 32/40-character credentials, as eKool's e-mail reply would deliver them.
     *
     * @param request the registration request, naming the application and its redirect URIs
     * @return the client with its generated credentials
     * @throws IllegalArgumentException when a requested scope is unknown to the server
     */
    MockClient registerClient(ClientRegistrationRequest request);

    /**
     * Replaces the registered client that has the same id in one step; tokens already issued to it stay valid.
     *
     * @param client the client's new state; a client with its id must be registered
     * @return the client
     * @throws IllegalArgumentException when no client has that id or a scope is unknown to the server
     */
    MockClient updateClient(MockClient client);

    /**
     * Removes a client and revokes every token issued to it; {@code true} when it was registered.
     *
     * @param id the id of the client to remove
     * @return {@code true} when the client was registered and is now removed
     */
    boolean removeClient(ClientId id);

    /**
     * Every user, in order; immutable.
     *
     * @return the users, unmodifiable
     */
    List<MockUser> users();

    /**
     * The user with this id, or else this username (ignoring case).
     *
     * @param idOrUsername a user's id, or a username in any case
     * @return the matching user, never {@code null}
     * @throws IllegalArgumentException naming the users when none matches
     */
    MockUser user(String idOrUsername);

    /**
     * Adds a user who can log in at once.
     *
     * @param user the user to add; its id and username must not be in use yet
     * @return the user
     * @throws IllegalArgumentException when the id or username is taken or a child id is unknown
     */
    MockUser addUser(MockUser user);

    /**
     * Makes the next authorization log in as this user, skipping the login and consent pages (one-shot; takes
     * precedence over auto-login).
     *
     * @param userIdOrUsername the user's id or username
     * @throws IllegalArgumentException when no user has this id or username
     */
    void loginAs(String userIdOrUsername);

    /**
     * Turns persistent auto-login on for a user (every authorization skips the pages), or off with {@code null}.
     *
     * @param userIdOrUsernameOrNull the user's id or username, or {@code null} to turn auto-login off
     * @throws IllegalArgumentException when no user has this id or username
     */
    void autoLogin(String userIdOrUsernameOrNull);

    /**
     * A valid token pair as if the user had logged in to the client and approved {@code scopes}, without any
     * browser or HTTP request.
     *
     * @return the token pair, as the token endpoint would have issued it
     * @param userIdOrUsername the user
     * @param clientIdOrNull   the client, or {@code null} for the first registered client
     * @param scopesOrNull     the scopes, each allowed for the client, or {@code null} for every scope it allows
     * @throws IllegalArgumentException naming an unknown user or client or a scope the client may not request
     */
    TokenResponse issueTokens(String userIdOrUsername, ClientId clientIdOrNull, Scopes scopesOrNull);

    /**
     * Serves {@code fault} for the next {@link Fault#times()} requests to {@code endpoint}.
     *
     * @param endpoint the endpoint whose next requests fail
     * @param fault what to answer and for how many requests
     * @throws IllegalStateException when a thousand faults and delays are already queued
     */
    void failNext(Endpoint endpoint, Fault fault);

    /**
     * Delays the answer to the next request to {@code endpoint}.
     *
     * @param endpoint the endpoint whose next request is delayed
     * @param delay how long to hold the answer back, 0 to 5 minutes
     * @throws IllegalArgumentException unless from 0 to 5 minutes
     */
    void delayNext(Endpoint endpoint, Duration delay);

    /** Drops every queued fault and delay. */
    void clearFaults();

    /**
     * Every recorded request, oldest first (bounded; secrets masked); an immutable snapshot.
     *
     * @return the recorded requests, unmodifiable
     */
    List<RecordedRequest> requests();

    /**
     * The oldest recorded request not yet taken, waiting up to {@code timeout}; empty when none arrives in time
     * (as {@link java.util.concurrent.BlockingQueue#poll(long, java.util.concurrent.TimeUnit)}).
     *
     * @param timeout how long to wait at most
     * @return the oldest request not yet taken, or empty when none arrives in time
     */
    Optional<RecordedRequest> pollRequest(Duration timeout);

    /**
     * Moves the server's clock forward, to expire codes and tokens without sleeping.
     *
     * @param duration how far to move the clock forward, zero or positive
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    void advanceClock(Duration duration);

    /**
     * The server's clock: the built clock (default system UTC) plus what {@link #advanceClock} added.
     *
     * @return the server's current clock
     */
    Clock clock();

    /**
     * Returns to the configuration: clients and users as configured; logins, codes, tokens, faults, recorded
     * requests and the one-shot login choice dropped; auto-login as built; the clock offset back to zero. The
     * server keeps running on the same port with the same signing key.
     */
    void reset();
}
