package dev.ekoolkit.mock.cli;

import dev.ekoolkit.core.client.ClientRegistrationException;
import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.client.RegistrationEmail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code registration-email}: renders the e-mail to {@code help@ekool.eu} that asks eKool for an OAuth
 * client, from flags, after checking every field; on invalid input it lists every problem, each prefixed
 * with the flag to fix.
 */
@Command(name = "registration-email",
        mixinStandardHelpOptions = true,
        versionProvider = EkoolMockCli.Version.class,
        description = "Renders the e-mail to " + ClientRegistrationRequest.HELP_ADDRESS + " that asks eKool for an"
                + " OAuth client (client_id, client_secret and scopes), with every detail eKool's help article asks"
                + " for, after checking them all. Every option except --scope is required.",
        footerHeading = "%nExample:%n",
        footer = {
            "  ekool-mock registration-email --institution 'Tartu Example School' \\",
            "    --first-name Mari --last-name Maasikas --email mari@example.ee \\",
            "    --phone '+372 5123 4567' --purpose 'Sign-in with eKool for our library app' \\",
            "    --redirect-uri https://library.example.ee/oauth2/callback"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the e-mail was printed",
            "1:at least one field is invalid (all are listed)",
            "2:usage error (such as a missing or unknown option)"})
final class RegistrationEmailCommand implements Callable<Integer> {

    /** Which flag sets each field that {@link ClientRegistrationException.Problem#field()} names. */
    private static final Map<String, String> FLAG_OF_FIELD = Map.of(
            "organisation", "--institution",
            "first_name", "--first-name",
            "surname", "--last-name",
            "email_address", "--email",
            "phone", "--phone",
            "purpose", "--purpose",
            "redirect_uris", "--redirect-uri",
            "scopes", "--scope");

    private final Io io;

    @Option(names = "--institution", required = true, paramLabel = "NAME", description = "The institution or company name.")
    String institution;

    @Option(names = "--first-name", required = true, paramLabel = "NAME", description = "The responsible person's first name.")
    String firstName;

    @Option(names = "--last-name", required = true, paramLabel = "NAME", description = "The responsible person's surname.")
    String lastName;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "The responsible person's e-mail address.")
    String email;

    @Option(names = "--phone", required = true, paramLabel = "NUMBER",
            description = "The responsible person's phone, international format, such as '+372 5123 4567'.")
    String phone;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT",
            description = "What the authorization is used for; may span several lines.")
    String purpose;

    @Option(names = "--redirect-uri", required = true, paramLabel = "URI",
            description = "A redirect URI to register (https, or http on a loopback host); repeat for several.")
    List<String> redirectUris = new ArrayList<>();

    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "A scope to request; repeat for several (default: users-basic).")
    List<String> scopes = new ArrayList<>();

    RegistrationEmailCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ClientRegistrationRequest.Builder builder = ClientRegistrationRequest.builder()
                .organisation(institution)
                .firstName(firstName)
                .surname(lastName)
                .emailAddress(email)
                .phone(phone)
                .purpose(purpose);
        redirectUris.forEach(builder::redirectUri);
        if (!scopes.isEmpty()) {
            builder.scopes(String.join(" ", scopes));
        }
        RegistrationEmail mail;
        try {
            mail = builder.build().email();
        } catch (ClientRegistrationException e) {
            for (ClientRegistrationException.Problem problem : e.problems()) {
                io.err().println(FLAG_OF_FIELD.getOrDefault(problem.field(), problem.field()) + ": " + problem.message());
            }
            return EkoolMockCli.INVALID;
        }
        io.out().print("To: " + mail.to() + "\n" + "Subject: " + mail.subject() + "\n\n" + mail.body());
        io.out().flush();
        return EkoolMockCli.OK;
    }
}
