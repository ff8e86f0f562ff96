package dev.ekoolkit.mock.state;

import dev.ekoolkit.mock.config.MockConfig;

/**
 * Everything the server remembers between requests, built from a {@link MockConfig}. Resetting the server
 * replaces the whole object, which is what makes {@code reset()} cheap: a few empty maps and two copies of
 * the configured lists.
 */
public final class MockState {

    private final ClientRegistry clients;
    private final UserDirectory users;
    private final PendingLogins logins;
    private final AuthorizationCodes codes;
    private final TokenFamilies tokens;

    /**
     * Fresh state for {@code config}: its clients and users, no logins, codes or tokens.
     *
     * @param config the configuration whose clients and users the state starts with
     */
    public MockState(MockConfig config) {
        clients = new ClientRegistry(config.clients());
        users = new UserDirectory(config.users());
        logins = new PendingLogins(config.limits().pendingLogins());
        codes = new AuthorizationCodes(config.limits().authorizationCodes());
        tokens = new TokenFamilies(config.limits().tokenFamilies(), config.lifetimes().accessToken(),
                config.lifetimes().refreshToken());
    }

    /**
     * The registered clients.
     *
     * @return the client registry
     */
    public ClientRegistry clients() {
        return clients;
    }

    /**
     * The users.
     *
     * @return the user directory
     */
    public UserDirectory users() {
        return users;
    }

    /**
     * Logins in progress.
     *
     * @return the store of logins in progress
     */
    public PendingLogins logins() {
        return logins;
    }

    /**
     * Issued authorization codes.
     *
     * @return the store of authorization codes
     */
    public AuthorizationCodes codes() {
        return codes;
    }

    /**
     * Token families.
     *
     * @return the store of token families
     */
    public TokenFamilies tokens() {
        return tokens;
    }
}
