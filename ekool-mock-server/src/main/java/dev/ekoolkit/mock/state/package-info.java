/**
 * What the server remembers between requests: clients, users, logins, codes and token families (bounded,
 * expiring and thread-safe), queued faults and delays, the request journal and the adjustable clock.
 */
package dev.ekoolkit.mock.state;
