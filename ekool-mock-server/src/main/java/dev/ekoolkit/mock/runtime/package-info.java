/**
 * What every endpoint shares: the server's runtime (the one implementation of
 * {@link dev.ekoolkit.mock.api.MockControl}) and the typed per-request context. Not API.
 */
package dev.ekoolkit.mock.runtime;
