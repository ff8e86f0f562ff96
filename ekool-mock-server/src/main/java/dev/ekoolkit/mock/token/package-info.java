/**
 * {@code POST /oauth/token} (RFC 6749 §3.2): client authentication, the grants, and RS256 JWT issuing.
 */
package dev.ekoolkit.mock.token;
