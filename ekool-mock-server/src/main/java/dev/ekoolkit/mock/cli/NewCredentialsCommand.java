package dev.ekoolkit.mock.cli;

import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.mock.internal.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.security.SecureRandom;

/**
 * {@code new-credentials}: prints a fresh random client id and secret in eKool's format (32 and 40 letters
 * or digits), drawn from {@link SecureRandom}, for a mock configuration or a test. Printing the secret is
 * this command's purpose; it is the only command besides {@code serve}'s demo client that prints one.
 */
@Command(name = "new-credentials",
        mixinStandardHelpOptions = true,
        versionProvider = EkoolMockCli.Version.class,
        description = "Prints a fresh random client_id (32 letters or digits) and client_secret (40), as eKool"
                + " would issue them, for a mock configuration or a test.")
final class NewCredentialsCommand implements Runnable {

    /** The output formats. */
    enum Format {
        /** {@code client_id=…} and {@code client_secret=…} lines, as {@code serve} prints them. */
        ENV,
        /** One JSON object with {@code client_id} and {@code client_secret}. */
        JSON
    }

    private final Io io;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "env",
            description = "env (default): client_id=... and client_secret=... lines; json: one JSON object.")
    Format format;

    NewCredentialsCommand(Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        ClientCredentials credentials = ClientCredentials.generate(new SecureRandom());
        String id = credentials.clientId().value();
        String secret = credentials.clientSecret().value();
        switch (format) {
            // Both values are letters and digits only, so the env lines need no escaping.
            case ENV -> io.out().print("client_id=" + id + "\nclient_secret=" + secret + "\n");
            case JSON -> io.out().print(Json.write(Json.object("client_id", id, "client_secret", secret)) + "\n");
        }
        io.out().flush();
    }
}
