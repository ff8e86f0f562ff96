/**
 * Leaf helpers that import nothing else of the mock: the one JSON writer, HTML pages, strict form parameters,
 * PKCE syntax, redirects, random tokens, Passport messages. Not API.
 */
package dev.ekoolkit.mock.internal;
