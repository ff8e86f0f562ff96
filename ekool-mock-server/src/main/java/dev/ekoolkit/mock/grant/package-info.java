/**
 * The grants as a service without HTTP types: code exchange, refresh rotation, client credentials, token
 * signing and the signing keys. Not API.
 */
package dev.ekoolkit.mock.grant;
