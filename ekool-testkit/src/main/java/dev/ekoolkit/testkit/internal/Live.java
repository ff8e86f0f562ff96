package dev.ekoolkit.testkit.internal;

import dev.ekoolkit.testkit.live.LiveSettings;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;

/** Resolves live mode for a JUnit context: configuration parameters first, then environment variables. */
public final class Live {

    private Live() {
    }

    /**
     * The live settings in force for {@code context}, empty for mock mode.
     *
     * @throws IllegalArgumentException when the variables are incomplete or malformed
     */
    public static Optional<LiveSettings> settings(ExtensionContext context) {
        return LiveSettings.resolve(name -> context.getConfigurationParameter(LiveSettings.configurationParameter(name))
                .or(() -> Optional.ofNullable(System.getenv(name))));
    }
}
