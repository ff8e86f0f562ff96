/**
 * The wiring above the feature packages: the routes and server settings, the request pipeline (context,
 * delays, faults, journal) and the one error mapping. Not API.
 */
package dev.ekoolkit.mock.wiring;
