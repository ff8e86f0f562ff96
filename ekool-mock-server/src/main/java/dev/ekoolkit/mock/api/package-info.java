/**
 * The values tests and every layer of the mock use: {@link dev.ekoolkit.mock.api.Endpoint},
 * {@link dev.ekoolkit.mock.api.Fault}, {@link dev.ekoolkit.mock.api.RecordedRequest},
 * {@link dev.ekoolkit.mock.api.AuthMethod}, {@link dev.ekoolkit.mock.api.TokenResponse}, and
 * {@link dev.ekoolkit.mock.api.MockControl}, the one list of test-control operations. Imports nothing of the
 * mock but its configuration values.
 */
package dev.ekoolkit.mock.api;
