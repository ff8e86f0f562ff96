/**
 * The mock's configuration: {@link dev.ekoolkit.mock.config.MockConfig} (clients, users, scopes, lifetimes, signing
 * key, limits), its embedded default and the YAML/JSON loader whose errors name file, field and rule.
 */
package dev.ekoolkit.mock.config;
