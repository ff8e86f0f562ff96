package dev.ekoolkit.mock.config;

import java.nio.file.Path;

/** Reads a {@link MockConfig} from a YAML or JSON file. */
public final class MockConfigLoader {

    private MockConfigLoader() {
    }

    /**
     * Reads and validates a configuration file.
     *
     * @throws MockConfigException naming the file, the field and the rule
     */
    public static MockConfig load(Path file) {
        throw new MockConfigException(file.toString(), null, "configuration files are not supported yet");
    }
}
