/**
 * Live mode: {@link dev.ekoolkit.testkit.live.LiveSettings} points the testkit at a real eKool server (staging) instead
 * of the mock, and {@link dev.ekoolkit.testkit.live.MockOnly} skips the tests that need the mock. This package imports
 * nothing else of the testkit; the extension and {@code EkoolMock} depend on it, never the other way round.
 */
package dev.ekoolkit.testkit.live;
