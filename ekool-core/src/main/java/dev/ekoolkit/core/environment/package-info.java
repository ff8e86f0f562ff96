/**
 * Where eKool deployments live: {@code login_url} and {@code api_url} of production, staging or a mock.
 */
package dev.ekoolkit.core.environment;
