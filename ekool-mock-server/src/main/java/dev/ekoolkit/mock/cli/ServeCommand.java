package dev.ekoolkit.mock.cli;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockConfigException;
import dev.ekoolkit.mock.config.MockConfigLoader;
import dev.ekoolkit.mock.internal.Randoms;
import io.javalin.util.JavalinException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.BindException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code serve}, the default command: runs the mock eKool server until Ctrl-C (SIGINT) or SIGTERM, and
 * prints, each at the start of its own line, what a script needs to talk to it: {@code login_url=},
 * {@code api_url=}, the demo client's {@code client_id=}, {@code client_secret=} and {@code redirect_uri=},
 * a ready-to-open {@code authorize_url=} and the {@code playground_url=} of the mock's own demo client page.
 */
@Command(name = EkoolMockCli.SERVE,
        mixinStandardHelpOptions = true,
        versionProvider = EkoolMockCli.Version.class,
        description = "Runs the mock eKool server (login_url and api_url on one origin) until Ctrl-C, and prints"
                + " login_url=, api_url=, client_id=, client_secret=, redirect_uri=, authorize_url= and playground_url=, each at the"
                + " start of its own line. The client is the first configured one; its secret is printed only when"
                + " it is the documented demo secret.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:stopped by Ctrl-C or SIGTERM",
            "2:usage error, bad configuration, or the server could not start (such as a port in use)"})
final class ServeCommand implements Callable<Integer> {

    /** The default port: not 8080, which is where the demo client's redirect URI expects the application. */
    static final int DEFAULT_PORT = 8089;

    /** What {@code --auto-login} without a value stands for: the first configured user. */
    static final String FIRST_USER = "";

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Io io;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT,
            description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}); 0.0.0.0 exposes the mock to the"
                    + " network, while its admin API still answers loopback callers only (unless --admin-token-env).")
    String host;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address clients reach the mock at, when it differs from --host and --port (a container,"
                    + " a proxy): every advertised URL (these lines, --env-file, the metadata document, the pages, the"
                    + " playground) uses it, while the mock still listens on --host and --port. An absolute http or"
                    + " https URL without a query or fragment, such as http://ekool-mock:8089.")
    String publicUrl;

    @Option(names = "--admin-token-env", paramLabel = "NAME",
            description = "Read an admin token (at least 16 characters) from the environment variable NAME; the admin"
                    + " API then answers any caller that sends 'Authorization: Bearer <token>', and no other. The"
                    + " token itself is never taken from the command line, where shell history and 'ps' keep it.")
    String adminTokenEnv;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML or JSON configuration replacing the embedded default (demo client and users).")
    Path config;

    @Option(names = "--fresh-key",
            description = "Sign with a newly generated RSA key instead of the published demo key, which the embedded"
                    + " configuration signs with to start faster. A --config file signs with its own signing_key or a"
                    + " generated one either way.")
    boolean freshKey;

    @Option(names = "--auto-login", paramLabel = "USER", arity = "0..1", fallbackValue = FIRST_USER,
            description = "Skip the login and consent pages and log in as USER (an id or username); without a"
                    + " value, as the first configured user.")
    String autoLogin;

    @Option(names = "--pkce", paramLabel = "POLICY",
            description = "The PKCE policy: optional (the default, or the configuration's 'pkce'), required (an"
                    + " authorization request needs a code_challenge) or s256 (required, and only S256).")
    String pkce;

    @Option(names = "--redirect-uri", paramLabel = "URI",
            description = "Add URI to the redirect URIs of the client serve prints (the demo client, or the first"
                    + " configured one), ahead of the configured ones, so redirect_uri= and authorize_url= use it; repeat"
                    + " for several. https, or http on a loopback host (localhost, 127.0.0.1, [::1]).")
    List<String> redirectUris = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "PATH",
            description = "Once the server listens, also write EKOOL_LOGIN_URL, EKOOL_API_URL, EKOOL_CLIENT_ID,"
                    + " EKOOL_CLIENT_SECRET and EKOOL_REDIRECT_URI to PATH, one NAME=value a line (dotenv and docker"
                    + " compose env_file format), readable by its owner only. It holds the demo client's secret;"
                    + " a configured client's secret is left out.")
    Path envFile;

    ServeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new CliFailure(EkoolMockCli.USAGE, "--port must be between 0 and 65535 (0 picks a free port); got " + port);
        }
        EkoolMockServer server = start();
        // Closes the server when the JVM ends some other way (SIGHUP, a signal we could not handle, System.exit).
        Thread closeOnExit = new Thread(server::close, "ekool-mock-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            io.stop().arm();
            Map<String, String> values = startValues(server);
            if (envFile != null) {
                EnvFile.write(envFile, values);
            }
            printStartLines(server, values);
            io.err().println("eKool mock server running at " + server.loginUrl()
                    + (publicUrl == null ? "" : ", listening on " + host + ":" + server.port()) + " (Ctrl-C stops it)");
            if (redirectUris.isEmpty()) {
                io.err().println("after a login the browser goes to " + server.defaultClient().redirectUris().get(0)
                        + ": your application must listen there, or register its own with --redirect-uri URI;"
                        + " to try a login without one, open playground_url");
            }
            if (adminTokenEnv != null) {
                io.err().println("admin API: every caller must send 'Authorization: Bearer' with the token from $"
                        + adminTokenEnv);
            }
            io.err().flush();
            if (TrainingRun.requested()) {
                TrainingRun.login(values, io.err()); // then stops, like Ctrl-C
            } else {
                io.stop().await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Interrupting the serving thread is a request to stop, too.
        } finally {
            try {
                server.close();
            } finally {
                io.stop().disarm(); // Only now: a second Ctrl-C while closing ends the process at once.
                removeShutdownHook(closeOnExit);
            }
        }
        io.err().println("eKool mock server stopped");
        return EkoolMockCli.OK;
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already shutting down; the hook closes an already closed server, which is harmless.
        }
    }

    private EkoolMockServer start() {
        EkoolMockServer.Builder builder = EkoolMockServer.builder().host(host).port(port);
        if (publicUrl != null) {
            builder.publicUrl(publicUrl());
        }
        if (adminTokenEnv != null) {
            String token = adminToken();
            try {
                builder.adminToken(token);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(EkoolMockCli.USAGE, "--admin-token-env " + adminTokenEnv + ": " + e.getMessage(), e);
            }
        }
        List<RedirectUri> added = addedRedirectUris();
        boolean firstUser = FIRST_USER.equals(autoLogin);
        EkoolMockServer server;
        try {
            MockConfig loaded = config != null ? MockConfigLoader.load(config)
                    : freshKey ? MockConfig.defaults() : MockConfig.defaults().withSigningKey(MockConfig.demoSigningKey());
            if (!added.isEmpty()) {
                loaded = withRedirectUris(loaded, added);
            }
            builder.config(loaded);
            // The first user is resolved here and given to the builder, so that it is a start-up setting
            // which reset() restores, exactly like '--auto-login USER'.
            if (firstUser && loaded.users().isEmpty()) {
                throw new CliFailure(EkoolMockCli.USAGE, "--auto-login without a user logs in as the first configured"
                        + " user, and " + (config == null ? "the configuration" : config) + " has no users");
            }
            builder.autoLogin(firstUser ? loaded.users().get(0).id() : autoLogin);
            if (pkce != null) {
                builder.pkce(pkcePolicy());
            }
            server = builder.build();
        } catch (MockConfigException e) {
            // Names the file, the field and the rule; never a secret.
            throw new CliFailure(EkoolMockCli.USAGE, "bad configuration: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            String option = autoLogin != null && !firstUser ? "--auto-login " + autoLogin : "cannot start";
            throw new CliFailure(EkoolMockCli.USAGE, option + ": " + e.getMessage(), e);
        }
        try {
            return server.start();
        } catch (JavalinException e) {
            server.close();
            throw new CliFailure(EkoolMockCli.USAGE, cannotListen(e), e);
        }
    }

    private MockConfig.PkcePolicy pkcePolicy() {
        try {
            return MockConfig.PkcePolicy.parse(pkce);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(EkoolMockCli.USAGE, "--" + e.getMessage());
        }
    }

    /** The {@code --public-url} value, checked; a bad one is a usage error naming the rule. */
    private URI publicUrl() {
        try {
            return EkoolMockServer.checkedPublicUrl(new URI(publicUrl));
        } catch (URISyntaxException e) {
            throw new CliFailure(EkoolMockCli.USAGE, "--public-url must be an absolute http or https URL without a query"
                    + " or fragment, such as http://ekool-mock:8089; got '" + Text.printable(publicUrl, 200)
                    + "', which is not a URI (" + e.getReason() + " at index " + e.getIndex() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(EkoolMockCli.USAGE, "--public-url: " + e.getMessage().replace("publicUrl ", ""), e);
        }
    }

    /** The {@code --redirect-uri} values, each checked with ekool-core's rules; a bad one is a usage error. */
    private List<RedirectUri> addedRedirectUris() {
        List<RedirectUri> uris = new ArrayList<>();
        for (String value : redirectUris) {
            try {
                RedirectUri uri = RedirectUri.parse(value);
                if (!uris.contains(uri)) {
                    uris.add(uri);
                }
            } catch (EkoolOAuthException e) {
                throw new CliFailure(EkoolMockCli.USAGE, "--redirect-uri " + Text.printable(value, 200) + ": "
                        + e.errorDescription(), e);
            }
        }
        return uris;
    }

    /** {@code config} with {@code added} ahead of its first client's own redirect URIs (each URI once). */
    private MockConfig withRedirectUris(MockConfig config, List<RedirectUri> added) {
        MockClient first = config.defaultClient();
        List<RedirectUri> uris = new ArrayList<>(added);
        first.redirectUris().stream().filter(uri -> !uris.contains(uri)).forEach(uris::add);
        List<MockClient> clients = new ArrayList<>(config.clients());
        try {
            clients.set(0, first.withRedirectUris(uris));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(EkoolMockCli.USAGE, "--redirect-uri: " + e.getMessage(), e);
        }
        return config.withClients(clients);
    }

    /** The admin token from the environment variable {@code --admin-token-env} names; never echoed. */
    private String adminToken() {
        if (!ENVIRONMENT_NAME.matcher(adminTokenEnv).matches()) {
            throw new CliFailure(EkoolMockCli.USAGE, "--admin-token-env takes the NAME of an environment variable"
                    + " (letters, digits and '_', not starting with a digit, such as EKOOL_MOCK_ADMIN_TOKEN), and got "
                    + adminTokenEnv.length() + " characters that are not one (not shown, in case they are the token)."
                    + " Put the token in a variable and pass the variable's name.");
        }
        String value = io.env().get(adminTokenEnv);
        if (value == null || value.isEmpty()) {
            throw new CliFailure(EkoolMockCli.USAGE, "--admin-token-env " + adminTokenEnv + ": no environment variable"
                    + " named " + adminTokenEnv + " is set" + (value == null ? "" : " to a non-empty value")
                    + " (did you export it?)");
        }
        return value;
    }

    private String cannotListen(Exception e) {
        String where = host + ":" + port;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof BindException && String.valueOf(t.getMessage()).contains("in use")) {
                return "cannot listen on " + where + ": the port is already in use (another ekool-mock?)."
                        + " Choose another with --port, or --port 0 for a free one.";
            }
            if (t instanceof UnresolvedAddressException) {
                return "cannot listen on " + where + ": --host " + host + " does not resolve to an address";
            }
        }
        return "cannot listen on " + where + ": " + root.getMessage() + " (is --host " + host
                + " an address of this machine?)";
    }

    /**
     * What serve announces, in order, under the names the banner prints; {@code client_secret} only for the
     * documented demo client.
     */
    private static Map<String, String> startValues(EkoolMockServer server) {
        MockClient client = server.defaultClient();
        String redirectUri = client.redirectUris().get(0).value();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("login_url", server.loginUrl().toString());
        values.put("api_url", server.apiUrl().toString());
        values.put("client_id", client.id().value());
        if (client.secret().matches(MockConfig.DEMO_CLIENT_SECRET)) {
            // The documented demo credential, printed on purpose so scripts can use it; a configured
            // client's own secret never prints.
            values.put("client_secret", client.secret().value());
        }
        values.put("redirect_uri", redirectUri);
        values.put("authorize_url", server.authorizeUrl()
                + "?response_type=code"
                + "&client_id=" + encode(client.id().value())
                + "&redirect_uri=" + encode(redirectUri)
                + "&scope=" + encode(client.allowedScopes().format())
                + "&state=" + Randoms.token(12));
        values.put("playground_url", server.playgroundUrl().toString());
        return values;
    }

    private void printStartLines(EkoolMockServer server, Map<String, String> values) {
        StringBuilder lines = new StringBuilder();
        values.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        io.out().print(lines);
        io.out().flush();
        if (!values.containsKey("client_secret")) {
            io.err().println("client_secret is not printed: client " + server.defaultClient().id() + " is not the demo"
                    + " client, and only the demo client's documented secret ever prints (yours is in " + config + ")");
        }
        if (envFile != null) {
            io.err().println("wrote " + envFile + " (EKOOL_* variables" + (values.containsKey("client_secret")
                    ? ", with the demo client's secret)" : "; EKOOL_CLIENT_SECRET left out: it is your own client's)"));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
