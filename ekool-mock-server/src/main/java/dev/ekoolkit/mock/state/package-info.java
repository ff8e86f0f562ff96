/**
 * What the server remembers between requests: clients, users, logins, codes and token families; bounded,
 * expiring and thread-safe.
 */
package dev.ekoolkit.mock.state;
