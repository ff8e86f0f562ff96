/**
 * A local mock of eKool's OAuth 2.0 authorization server and {@code users-basic} API for development and tests;
 * start with {@link dev.ekoolkit.mock.EkoolMockServer#builder()}.
 */
package dev.ekoolkit.mock;
