package dev.ekoolkit.mock.cli;

import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code check-credentials CLIENT_ID}: checks a client id and its secret against eKool's formats (32 and
 * 40 letters or digits) and prints every violation. The secret comes from standard input or from a named
 * environment variable, never from the command line (where shell history and {@code ps} would keep it),
 * and is never printed.
 */
@Command(name = "check-credentials",
        mixinStandardHelpOptions = true,
        versionProvider = EkoolMockCli.Version.class,
        description = "Checks a client_id and client_secret against eKool's formats (exactly 32 and 40 letters or"
                + " digits) and prints every violation. The secret is read from the first line of standard"
                + " input (or from --secret-env), never from the command line, and is never printed.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  echo \"$SECRET\" | ekool-mock check-credentials \"$ID\"",
            "  ekool-mock check-credentials \"$ID\" --secret-env EKOOL_CLIENT_SECRET"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:both are well-formed",
            "1:at least one violation (all are printed)",
            "2:usage error"})
final class CheckCredentialsCommand implements Callable<Integer> {

    static final String WELL_FORMED = "client_id and client_secret are well-formed";

    private static final Pattern LOOKS_LIKE_A_SECRET =
            Pattern.compile("[A-Za-z0-9]{" + CredentialFormat.CLIENT_SECRET_LENGTH + "}");

    private final Io io;

    @Parameters(index = "0", paramLabel = "CLIENT_ID", description = "The client id to check (not a secret).")
    String clientId;

    @Option(names = "--secret-env", paramLabel = "NAME",
            description = "Read the secret from the environment variable NAME instead of standard input.")
    String secretEnv;

    /**
     * Whatever else was typed. Collected rather than left to picocli, whose error message would quote it:
     * the most likely extra argument here is the secret itself.
     */
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    CheckCredentialsCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!unmatched.isEmpty()) {
            throw new CliFailure(EkoolMockCli.USAGE, unmatchedMessage());
        }
        SecretSource source = secretEnv != null ? SecretSource.ENVIRONMENT : SecretSource.STANDARD_INPUT;
        String secret = source == SecretSource.ENVIRONMENT ? fromEnvironment() : fromStandardInput();

        List<Violation> violations = CredentialFormat.check(clientId, secret);
        if (violations.isEmpty()) {
            io.out().println(WELL_FORMED);
            return EkoolMockCli.OK;
        }
        // Diagnostics go to standard error, so a script that only wants the verdict can discard standard output.
        for (Violation violation : violations) {
            io.err().println(violation.message());
        }
        if (source == SecretSource.STANDARD_INPUT && (secret == null || secret.isEmpty())) {
            io.err().println("(the secret is read from the first line of standard input, which was "
                    + (secret == null ? "empty" : "blank: the secret must be on the first line") + ";"
                    + " pipe it in, or use --secret-env NAME)");
        }
        return EkoolMockCli.INVALID;
    }

    /**
     * Why the extra arguments are refused: an option-like one by its name (never its {@code =value}), with the
     * option it probably meant; any other only counted, since it may be the secret.
     */
    private String unmatchedMessage() {
        List<String> parts = new ArrayList<>();
        int others = 0;
        for (String argument : unmatched) {
            String name = OptionSuggestions.optionName(argument);
            if (name == null) {
                others++;
                continue;
            }
            List<String> meant = OptionSuggestions.similar(name, optionNames());
            parts.add("unknown option '" + name + "'" + (name.length() < argument.length() ? " (its value not shown)" : "")
                    + (meant.isEmpty() ? "" : " (did you mean " + String.join(" or ", meant) + "?)"));
        }
        if (others > 0) {
            parts.add(others + (others == 1 ? " more argument" : " more arguments")
                    + " (not shown, in case one is the secret)");
        }
        return "check-credentials takes one argument, CLIENT_ID, and the option --secret-env NAME; got "
                + String.join(", and ", parts) + ". The secret is never taken from the command line, where shell"
                + " history and 'ps' would keep it: pipe it to standard input, or name an environment variable with"
                + " --secret-env NAME. Try 'ekool-mock check-credentials --help' for more information.";
    }

    private List<String> optionNames() {
        return spec.options().stream().flatMap(option -> Arrays.stream(option.names())).toList();
    }

    private String fromEnvironment() {
        if (secretEnv.isEmpty()) {
            throw new CliFailure(EkoolMockCli.USAGE, "--secret-env needs the name of an environment variable; got an empty name");
        }
        if (LOOKS_LIKE_A_SECRET.matcher(secretEnv).matches()) {
            throw new CliFailure(EkoolMockCli.USAGE, "--secret-env takes the NAME of an environment variable (such as"
                    + " EKOOL_CLIENT_SECRET), and got 40 letters and digits, which look like a client secret"
                    + " themselves (not shown). Put the secret in a variable and pass the variable's name.");
        }
        String value = io.env().get(secretEnv);
        if (value == null) {
            throw new CliFailure(EkoolMockCli.USAGE, "--secret-env " + secretEnv + ": no environment variable named "
                    + secretEnv + " is set (did you export it?)");
        }
        return value;
    }

    /**
     * The first line of standard input without its line terminator ({@code \n}, {@code \r\n} or {@code \r});
     * anything else, such as trailing spaces, is kept for the format check to report. {@code null} at end of
     * input. At an interactive terminal the secret is read without echo.
     */
    private String fromStandardInput() {
        Console terminal = io.in() == System.in ? System.console() : null;
        if (terminal != null) {
            char[] typed = terminal.readPassword("client_secret (not echoed): ");
            return typed == null ? null : new String(typed);
        }
        try {
            // Not closed: closing would close the caller's standard input.
            BufferedReader reader = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
            return reader.readLine();
        } catch (IOException e) {
            throw new CliFailure(EkoolMockCli.USAGE, "could not read the secret from standard input: " + e.getMessage(), e);
        }
    }

    private enum SecretSource { STANDARD_INPUT, ENVIRONMENT }
}
