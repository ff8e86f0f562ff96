/**
 * The one exception family of the toolkit, carrying an OAuth error code (RFC 6749 §5.2, RFC 6750 §3.1).
 */
package dev.ekoolkit.core.error;
