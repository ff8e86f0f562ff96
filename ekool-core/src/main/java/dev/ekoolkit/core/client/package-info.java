/**
 * What a client registers with eKool: redirect URIs (RFC 6749 §3.1.2) and the registration request e-mail.
 */
package dev.ekoolkit.core.client;
