/** The mock-only discovery endpoints: RFC 8414 server metadata and the RFC 7517 public JWK set. */
package dev.ekoolkit.mock.discovery;
