/**
 * OAuth scopes (RFC 6749 §3.3) and the catalogue of scopes eKool is known to issue.
 */
package dev.ekoolkit.core.scope;
