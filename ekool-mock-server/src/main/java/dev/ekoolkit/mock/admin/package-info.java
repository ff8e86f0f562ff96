/**
 * Test control: endpoints, faults, the request journal and the mock-only {@code /__admin} JSON API.
 */
package dev.ekoolkit.mock.admin;
