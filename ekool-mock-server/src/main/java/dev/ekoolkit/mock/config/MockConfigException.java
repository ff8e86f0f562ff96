package dev.ekoolkit.mock.config;

/**
 * A configuration file that cannot be used: the message names the file, the field (as a path such as
 * {@code clients[0].client_secret}) and the rule that was broken. Never contains a secret.
 */
public class MockConfigException extends RuntimeException {

    /** The configuration file, as given. */
    private final String file;
    /** The field path, such as {@code clients[0].client_secret}, or {@code null} for the file as a whole. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param file  the file, as given
     * @param field the field path, or {@code null} for the file as a whole
     * @param rule  what is wrong
     */
    public MockConfigException(String file, String field, String rule) {
        super(file + (field == null ? "" : ": " + field) + ": " + rule);
        this.file = file;
        this.field = field;
    }

    /**
     * The file, as given.
     *
     * @return the configuration file, as given to the loader
     */
    public String file() {
        return file;
    }

    /**
     * The field path, such as {@code clients[0].client_secret}, or {@code null}.
     *
     * @return the field path, or {@code null} when the file as a whole is wrong
     */
    public String field() {
        return field;
    }
}
