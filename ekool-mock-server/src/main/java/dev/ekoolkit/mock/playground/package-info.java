/**
 * The playground: the mock's own demo-client page at {@code /playground}, which starts a login with a chosen
 * client, scope and PKCE method, takes the code at its own callback, exchanges it and shows every answer with
 * the equivalent {@code curl} commands. A feature package: it uses the services below it, never another feature.
 */
package dev.ekoolkit.mock.playground;
