package dev.ekoolkit.mock.config;

/**
 * A configuration file that cannot be used: the message names the file, the field (as a path such as
 * {@code clients[0].client_secret}) and the rule that was broken. Never contains a secret.
 */
public class MockConfigException extends RuntimeException {

    private final String file;
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

    /** The file, as given. */
    public String file() {
        return file;
    }

    /** The field path, such as {@code clients[0].client_secret}, or {@code null}. */
    public String field() {
        return field;
    }
}
