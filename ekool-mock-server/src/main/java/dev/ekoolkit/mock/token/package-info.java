/**
 * {@code POST /oauth/token} (RFC 6749 §3.2): the form, the grant type and client authentication; the grants
 * themselves are decided by {@link dev.ekoolkit.mock.grant.Grants}.
 */
package dev.ekoolkit.mock.token;
