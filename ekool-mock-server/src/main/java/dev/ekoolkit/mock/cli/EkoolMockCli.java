package dev.ekoolkit.mock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The runnable jar's command line, {@code ekool-mock}: {@code serve} (the default), {@code
 * check-credentials}, {@code new-credentials} and {@code registration-email}.
 *
 * <p>Exit status: {@value #OK} success; {@value #INVALID} the checked input is invalid; {@value #USAGE}
 * a usage error, a bad configuration, or a server that could not start; {@value #BUG} an unexpected
 * internal error (a bug: the stack trace is printed).
 *
 * <pre>{@code
 * java -jar ekool-mock-server/target/ekool-mock.jar --port 0 --auto-login
 * }</pre>
 */
@Command(name = "ekool-mock",
        mixinStandardHelpOptions = true,
        versionProvider = EkoolMockCli.Version.class,
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "A local mock of eKool's OAuth 2.0 login server (login_url) and users-basic API (api_url).",
            "Without a command it runs 'serve'; options after the command name belong to that command."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:the checked input is invalid (check-credentials, registration-email)",
            "2:usage error, bad configuration, or the server could not start",
            "3:unexpected internal error (a bug; the stack trace is printed)"})
public final class EkoolMockCli implements Runnable {

    /** Exit status of a successful command. */
    public static final int OK = 0;
    /** Exit status when the input a command checks is invalid. */
    public static final int INVALID = 1;
    /** Exit status of a usage error, a bad configuration, or a server that could not start. */
    public static final int USAGE = 2;
    /** Exit status of an unexpected internal error. */
    public static final int BUG = 3;

    static final String SERVE = "serve";

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private static final String JAVALIN_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.javalin.Javalin";

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private EkoolMockCli() {
    }

    /**
     * Runs the command line and exits the JVM with its exit status; {@code serve} runs until Ctrl-C or SIGTERM.
     *
     * @param args the command line, for example {@code serve --port 0}
     */
    public static void main(String... args) {
        quietLogging();
        jettyWithoutJmx();
        if (SERVE.equals(withDefaultCommand(args)[0])) {
            // a second core loads the key and warms what serve needs while this thread parses (docs/performance.md)
            StartupPreload.start(args);
        }
        System.exit(run(System.out, System.err, System.in, System.getenv(), args));
    }

    /**
     * The jar's logging configuration, as system properties that only {@link #main} sets (the library's users keep
     * theirs). Jetty's and Javalin's start-up chatter would bury the lines serve prints: only warnings and errors
     * remain. Javalin's own logger is off: all it reports here is "Failed to start Javalin", just before serve
     * says why, more clearly (the mock logs unexpected request failures itself). Setting
     * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info} brings everything back.
     */
    static void quietLogging() {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
            if (System.getProperty(JAVALIN_LOG_LEVEL) == null) {
                System.setProperty(JAVALIN_LOG_LEVEL, "off");
            }
        }
    }

    /**
     * Spares the jar's JVM the platform MBean server (about 200 JMX classes and every platform MBean registered),
     * which Jetty's {@code MemoryUtils} otherwise starts while the server starts, only to ask whether compressed
     * object pointers are on; {@code org.eclipse.jetty.util.referencesPerCacheLine} answers that directly. 16
     * references of 4 bytes fill a 64-byte cache line: compressed pointers, as with any heap under 32 GB (the
     * launcher's is 128 MB); the value only sizes padding against false sharing in Jetty's queues. Set only by
     * {@link #main}, and only when not set already (docs/performance.md).
     */
    static void jettyWithoutJmx() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    /**
     * Runs the command line in-process and returns its exit status instead of exiting the JVM;
     * {@code serve} blocks until the process receives Ctrl-C or SIGTERM.
     *
     * @param out  where results go
     * @param err  where usage errors and diagnostics go
     * @param in   where {@code check-credentials} reads the secret
     * @param env  the environment ({@code check-credentials --secret-env} reads from it)
     * @param args the command line
     * @return the exit status: {@value #OK}, {@value #INVALID}, {@value #USAGE} or {@value #BUG}
     */
    public static int run(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, String... args) {
        return run(new Io(out, err, in, env, StopSignal.onProcessSignals()), args);
    }

    static int run(Io io, String... args) {
        String[] effective = withDefaultCommand(args);
        ServeCommand plainServe = ServeFastPath.parse(io, effective);
        if (plainServe != null) {
            return ServeFastPath.run(io, plainServe); // the common case, without picocli's start-up cost
        }
        CommandLine cli = commandLine(io, effective[0]);
        int status = cli.execute(effective);
        io.out().flush();
        io.err().flush();
        return status;
    }

    /**
     * The command line with every command, or, when {@code firstArgument} names one, with that command
     * alone: picocli reads each command's annotations when it is added, and {@code java -jar} start-up time
     * matters (a few milliseconds per command).
     */
    static CommandLine commandLine(Io io, String firstArgument) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put(SERVE, () -> new ServeCommand(io));
        commands.put("check-credentials", () -> new CheckCredentialsCommand(io));
        commands.put("new-credentials", () -> new NewCredentialsCommand(io));
        commands.put("registration-email", () -> new RegistrationEmailCommand(io));
        commands.put("help", CommandLine.HelpCommand::new);

        CommandLine cli = new CommandLine(new EkoolMockCli());
        if (commands.containsKey(firstArgument) && !"help".equals(firstArgument)) {
            cli.addSubcommand(firstArgument, commands.get(firstArgument).get());
        } else {
            commands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setParameterExceptionHandler(EkoolMockCli::usageError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, commandLine));
        return cli;
    }

    /** Prepends {@code serve} when no command is named, so {@code ekool-mock --port 0} means {@code serve --port 0}. */
    static String[] withDefaultCommand(String... args) {
        if (args.length > 0 && (!args[0].startsWith("-") || TOP_LEVEL_OPTIONS.contains(args[0]))) {
            return args;
        }
        List<String> withServe = new ArrayList<>(args.length + 1);
        withServe.add(SERVE);
        withServe.addAll(Arrays.asList(args));
        return withServe.toArray(String[]::new);
    }

    /** Picocli calls this when the top-level command itself runs, which {@link #withDefaultCommand} prevents. */
    @Override
    public void run() {
        throw new IllegalStateException("no command: the default command should have been added");
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched && unmatched.getSuggestions().isEmpty()) {
            List<String> similar = similarOptions(unmatched);
            if (!similar.isEmpty()) {
                err.println("Possible solutions: " + String.join(", ", similar));
            }
        } else {
            UnmatchedArgumentException.printSuggestions(ex, err);
        }
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    /** The command's option names that the unmatched arguments resemble ({@code --prot}: {@code --port}). */
    private static List<String> similarOptions(UnmatchedArgumentException ex) {
        List<String> known = ex.getCommandLine().getCommandSpec().options().stream()
                .flatMap(option -> Arrays.stream(option.names())).toList();
        List<String> found = new ArrayList<>();
        for (String argument : ex.getUnmatched()) {
            String name = OptionSuggestions.optionName(argument);
            if (name != null) {
                OptionSuggestions.similar(name, known).stream().filter(s -> !found.contains(s)).forEach(found::add);
            }
        }
        return found;
    }

    private static int failure(Exception ex, CommandLine command) {
        PrintWriter err = command.getErr();
        if (ex instanceof CliFailure failure) {
            err.println(failure.getMessage());
            err.flush();
            return failure.exitStatus();
        }
        err.println(command.getCommandSpec().qualifiedName() + ": unexpected internal error, please report it:");
        ex.printStackTrace(err);
        err.flush();
        return BUG;
    }

    /** The version from the filtered {@code version.properties} resource. */
    static final class Version implements IVersionProvider {

        /** The version of this build, for example {@code 0.1.0-SNAPSHOT}. */
        static String version() {
            Properties properties = new Properties();
            try (InputStream in = EkoolMockCli.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version", "unknown");
        }

        @Override
        public String[] getVersion() {
            return new String[] {"ekool-mock " + version()};
        }
    }
}
