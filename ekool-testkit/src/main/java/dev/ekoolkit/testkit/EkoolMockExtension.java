package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.testkit.ExtensionSettings.ConfigSource;
import dev.ekoolkit.testkit.internal.PropertyExport;
import dev.ekoolkit.testkit.live.LiveSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JUnit Jupiter extension that runs the eKool mock for a test class, a test, or the whole run, and injects
 * an {@link EkoolMock} handle into test, lifecycle and constructor parameters. {@link EkoolMockTest} registers it
 * for the simple case; for everything else register it with {@link #builder()}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static EkoolMockExtension ekool = EkoolMockExtension.builder()
 *         .autoLogin("mari")
 *         .user(MockUser.of("200001", "kati", "pw", "Kati", "Karu", "kati@example.com", null, Role.STUDENT))
 *         .exportSystemProperties()
 *         .build();
 * }</pre>
 *
 * <table>
 *   <caption>Lifecycles</caption>
 *   <tr><th>registration</th><th>server</th></tr>
 *   <tr><td>{@code @EkoolMockTest}, or a {@code static} field</td><td>one per test class (state kept between its tests)</td></tr>
 *   <tr><td>an instance field</td><td>one per test</td></tr>
 *   <tr><td>{@code shared = true} / {@link Lifecycle#SHARED}</td><td>one for the whole run, reset before each test</td></tr>
 * </table>
 *
 * <p>All per-run state lives in JUnit's {@link ExtensionContext.Store} ({@link AutoCloseable} values, closed by
 * JUnit): servers in the class's or test's store, the shared server in the root store. The only field besides
 * the immutable settings is an index of the handles this instance currently serves, so that {@link #mock()} can
 * answer from a field; it owns nothing. Misconfiguration fails with an {@link ExtensionConfigurationException}
 * naming the annotation attribute, builder setting or field.
 *
 * <p>This class is only the JUnit callback layer; each concern it calls on is a package-private type with its own
 * tests: {@code Registration} (annotation, static or instance field, and the registrations that conflict),
 * {@code ExtensionSettings} and {@code ConfigResolver} (attributes or builder into one settings value, then into the
 * mock's configuration), {@code SharedServer} (the run-wide server in the root store and the per-test lease;
 * {@code SharedServerLock} adds the resource locks the annotation asks for) and {@code Slot} (what a class's or
 * test's store holds).
 *
 * <p>Over 400 lines because most of them are documentation: every public method carries its Javadoc
 * (parameters, result, what it throws). The code itself stays under the 400 code lines per class that
 * {@code ClassSizeTest} enforces (docs/architecture.md, "Class sizes").
 */
public final class EkoolMockExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** How long a server lives. */
    public enum Lifecycle {
        /** Per class for {@code @EkoolMockTest} and static fields, per test for instance fields (the default). */
        AUTO,
        /** One server per test class; needs the annotation or a static field (or {@code @TestInstance(PER_CLASS)}). */
        PER_CLASS,
        /** A new server for every test. */
        PER_TEST,
        /** One server for the whole test run, reset before each test; see {@link EkoolMock#SHARED_SERVER_LOCK}. */
        SHARED
    }

    private static final Namespace LEASE_NAMESPACE = Namespace.create(EkoolMockExtension.class, "lease");
    private static final String SLOT = "slot";
    private static final String PROPERTIES = "properties";
    private static final String LEASE = "lease";

    /** The settings from the builder, or {@code null} to read {@link EkoolMockTest} from the test class. */
    private final ExtensionSettings settings;
    /** The handles this instance serves right now; an index for {@link #mock()}, owned by the stores. */
    private final Set<EkoolMock> serving = ConcurrentHashMap.newKeySet();

    /**
     * The extension as {@link EkoolMockTest} (or {@code @ExtendWith(EkoolMockExtension.class)}) registers it: its
     * settings come from the annotation, or are the defaults without one. Use {@link #builder()} for
     * {@code @RegisterExtension}.
     */
    public EkoolMockExtension() {
        this(null);
    }

    private EkoolMockExtension(ExtensionSettings settings) {
        this.settings = settings;
    }

    /** The builder's settings, or {@code null} when JUnit created this extension from the annotation. */
    ExtensionSettings settings() {
        return settings;
    }

    /**
     * A builder with the defaults: the embedded configuration, no auto-login, {@link Lifecycle#AUTO}, no system properties.
     *
     * @return a new builder with the defaults above
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The handle on this extension's server, for tests that reach it through the registered field
     * ({@code ekool.mock().loginAs("mari")}); a parameter of type {@link EkoolMock} works everywhere and is never
     * ambiguous.
     *
     * @return the handle on the server of the running class or test; never {@code null} while one runs
     * @throws IllegalStateException when no server runs for this extension yet (a per-test server outside a test,
     *                               or a field initializer), or when several do at once (a static field inherited
     *                               by test classes that run in parallel)
     */
    public EkoolMock mock() {
        List<EkoolMock> now = List.copyOf(serving);
        if (now.size() == 1) {
            return now.get(0);
        }
        if (now.isEmpty()) {
            throw new IllegalStateException("no eKool mock runs for this EkoolMockExtension yet: a per-class server "
                    + "starts before @BeforeAll methods, a per-test server before @BeforeEach methods; inject an "
                    + "EkoolMock parameter to get the right one wherever you are");
        }
        throw new IllegalStateException("this EkoolMockExtension runs " + now.size() + " eKool mocks at once (a static "
                + "field inherited by test classes running in parallel, or PER_TEST with parallel methods), so the "
                + "field cannot tell which one you mean; inject an EkoolMock parameter instead");
    }

    // ------------------------------------------------------------------------------------------- callbacks

    /** Starts (or binds) the per-class or shared server, exports system properties for the class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        // spring-support:start (dev.ekoolkit.testkit.spring: the mock of a Spring test belongs to its application context)
        if (SpringManagedMock.managesMock(context)) {
            return;
        }
        // spring-support:end
        Registration registration = registration(context);
        if (slot(context).isPresent()) {
            return; // a @Nested class: the enclosing class's server serves it
        }
        Lifecycle lifecycle = registration.settings().lifecycle() == Lifecycle.AUTO
                ? Lifecycle.PER_CLASS : registration.settings().lifecycle();
        switch (lifecycle) {
            case PER_CLASS -> open(context, registration, false);
            case SHARED -> open(context, registration, true);
            default -> {
                // PER_TEST: beforeEach starts one per test.
            }
        }
    }

    /** Starts the per-test server, or resets the shared one and takes its lease; exports system properties for the test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        // spring-support:start (dev.ekoolkit.testkit.spring: the mock of a Spring test belongs to its application context)
        if (SpringManagedMock.managesMock(context)) {
            return;
        }
        // spring-support:end
        Registration registration = registration(context);
        Optional<Slot> existing = slot(context);
        if (existing.isPresent()) {
            if (existing.get() instanceof Slot.Bound bound) {
                beginSharedTest(context, registration, bound.shared());
            }
            return;
        }
        switch (registration.settings().lifecycle()) {
            case AUTO, PER_TEST -> open(context, registration, false);
            case SHARED -> {
                Slot.Bound bound = open(context, registration, true);
                if (bound != null) {
                    beginSharedTest(context, registration, bound.shared());
                }
            }
            case PER_CLASS -> throw new ExtensionConfigurationException(registration.describe()
                    + " asks for lifecycle PER_CLASS, but JUnit registers an instance field per test; make the field "
                    + "static (or annotate the class @TestInstance(PER_CLASS))");
        }
    }

    /** {@code true} for parameters of type {@link EkoolMock}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EkoolMock.class;
    }

    /** The handle on the server of this class or test. */
    @Override
    public EkoolMock resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // spring-support:start (dev.ekoolkit.testkit.spring: the mock of a Spring test belongs to its application context)
        if (SpringManagedMock.managesMock(extensionContext)) {
            return SpringManagedMock.mock(extensionContext);
        }
        // spring-support:end
        return slot(extensionContext).map(Slot::handle).orElseThrow(() -> new ParameterResolutionException(
                "no eKool mock runs yet where " + parameterContext.getDeclaringExecutable().getName()
                        + " asks for an EkoolMock: " + registration(extensionContext).describe() + " starts one server "
                        + "per test, before @BeforeEach methods; inject EkoolMock into test or @BeforeEach methods, "
                        + "or use a static field for one server per class"));
    }

    // ------------------------------------------------------------------------------------------- servers

    /** Opens a server (or binds the shared one) into the context's store; returns the binding when shared. */
    private Slot.Bound open(ExtensionContext context, Registration registration, boolean shared) {
        ExtensionSettings s = registration.settings();
        ExtensionContext.Store store = context.getStore(namespace());
        Optional<LiveSettings> live = s.allowLive() ? live(context) : Optional.empty();
        EkoolMock handle;
        Slot.Bound bound = null;
        if (live.isPresent()) {
            handle = EkoolMock.live(live.get(), s.names());
            store.put(SLOT, new Slot.Owned(handle, null, serving));
        } else if (shared) {
            MockConfig config = resolveConfig(context, registration);
            SharedServer server = SharedServer.in(context, new SharedServer.Key(config, s.autoLogin(), s.clock()),
                    () -> ConfigResolver.start(registration, config), s.names());
            handle = server.handle();
            bound = new Slot.Bound(server, serving);
            store.put(SLOT, bound);
        } else {
            handle = EkoolMock.of(ConfigResolver.start(registration, resolveConfig(context, registration)), s.names());
            store.put(SLOT, new Slot.Owned(handle, handle.server(), serving));
        }
        serving.add(handle);
        if (s.export() != null) {
            registration.requirePropertiesLock(context.getConfigurationParameter(
                    "junit.jupiter.execution.parallel.enabled", Boolean::parseBoolean).orElse(false));
            store.put(PROPERTIES, PropertyExport.apply(handle.properties()));
        }
        return bound;
    }

    /** Lends the shared server to this test (resetting it) until JUnit closes the test's store. */
    private static void beginSharedTest(ExtensionContext context, Registration registration, SharedServer shared) {
        context.getStore(LEASE_NAMESPACE).put(LEASE, shared.lease(context.getUniqueId(), registration.describe()));
    }

    private static MockConfig resolveConfig(ExtensionContext context, Registration registration) {
        return ConfigResolver.resolve(registration, context.getRequiredTestClass().getClassLoader());
    }

    private static Optional<LiveSettings> live(ExtensionContext context) {
        try {
            return LiveSettings.fromContext(context);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private Optional<Slot> slot(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(namespace()).get(SLOT, Slot.class));
    }

    private Namespace namespace() {
        return Namespace.create(EkoolMockExtension.class, this);
    }

    private Registration registration(ExtensionContext context) {
        return Registration.of(context, this, settings);
    }

    /** Builds an {@link EkoolMockExtension}; every setting is optional. */
    public static final class Builder {
        private ConfigSource source = ConfigSource.DEFAULT;
        private MockConfig config;
        private Path configFile;
        private String configResource;
        private final List<MockClient> clients = new ArrayList<>();
        private final List<MockUser> users = new ArrayList<>();
        private final List<RedirectUri> redirectUris = new ArrayList<>();
        private String autoLogin;
        private Lifecycle lifecycle = Lifecycle.AUTO;
        private SystemPropertyNames export;
        private Clock clock;
        private boolean allowLive = true;

        private Builder() {
        }

        /**
         * The mock's whole configuration (default {@link MockConfig#defaults()}).
         *
         * @param config the configuration, not {@code null}
         * @return this builder
         */
        public Builder config(MockConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.source = ConfigSource.VALUE;
            return this;
        }

        /**
         * A YAML or JSON configuration file, read when the server starts.
         *
         * @param file the path of a YAML or JSON configuration file
         * @return this builder
         */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file, "file");
            this.source = ConfigSource.FILE;
            return this;
        }

        /**
         * A YAML or JSON configuration on the test classpath, such as {@code "ekool-mock.yaml"}, read when the server starts.
         *
         * @param resource the classpath resource name of a YAML or JSON configuration
         * @return this builder
         */
        public Builder configResource(String resource) {
            Objects.requireNonNull(resource, "resource");
            if (resource.isBlank()) {
                throw new IllegalArgumentException("configResource must name a classpath resource; got a blank name");
            }
            this.configResource = resource;
            this.source = ConfigSource.RESOURCE;
            return this;
        }

        /**
         * One more client, after the configuration's (the first client stays the default client).
         *
         * @param client a client to add
         * @return this builder
         */
        public Builder client(MockClient client) {
            clients.add(Objects.requireNonNull(client, "client"));
            return this;
        }

        /**
         * One more user, after the configuration's.
         *
         * @param user a user to add
         * @return this builder
         */
        public Builder user(MockUser user) {
            users.add(Objects.requireNonNull(user, "user"));
            return this;
        }

        /**
         * One more redirect URI for the default client, such as the callback of an application on a fixed port.
         *
         * @param redirectUri an absolute redirect URI to register for the default client
         * @return this builder
         */
        public Builder redirectUri(String redirectUri) {
            redirectUris.add(RedirectUri.parse(redirectUri));
            return this;
        }

        /**
         * The user (id or username) every authorization logs in as without pages, or {@code null} (the default) for none.
         *
         * @param userIdOrUsername a user's id or username, or {@code null} for none
         * @return this builder
         */
        public Builder autoLogin(String userIdOrUsername) {
            this.autoLogin = userIdOrUsername;
            return this;
        }

        /**
         * How long a server lives (default {@link Lifecycle#AUTO}: per class for a static field, per test for an instance field).
         *
         * @param lifecycle when the server starts and stops
         * @return this builder
         */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * Shorthand for {@code lifecycle(Lifecycle.SHARED)}: one server for the whole run, reset before each test.
         *
         * @return this builder
         */
        public Builder shared() {
            return lifecycle(Lifecycle.SHARED);
        }

        /**
         * Exports the mock's URLs and the default client's credentials as system properties with the default names
         * ({@link SystemPropertyNames#defaults()}) while the class or test runs, restoring them afterwards. System
         * properties are JVM-global: do not use this with parallel tests that read them.
         *
         * @return this builder
         */
        public Builder exportSystemProperties() {
            return exportSystemProperties(SystemPropertyNames.defaults());
        }

        /**
         * Exports the settings as system properties under these names; see {@link #exportSystemProperties()}.
         *
         * @param names the property names to export under
         * @return this builder
         */
        public Builder exportSystemProperties(SystemPropertyNames names) {
            this.export = Objects.requireNonNull(names, "names");
            return this;
        }

        /**
         * The clock the mock follows (default system UTC); {@link EkoolMock#advanceClock} moves it on.
         *
         * @param clock the clock the mock reads, such as a fixed clock for repeatable expiry times
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether live mode ({@link LiveSettings}) may replace the mock for this extension (default {@code true});
         * {@code false} always starts the mock, for classes that make no sense against real eKool.
         *
         * @param allowed {@code false} to always start the mock, even when live settings are present
         * @return this builder
         */
        public Builder live(boolean allowed) {
            this.allowLive = allowed;
            return this;
        }

        /**
         * The extension, ready for a {@code @RegisterExtension} field.
         *
         * @return the configured extension, ready to register
         */
        public EkoolMockExtension build() {
            return new EkoolMockExtension(new ExtensionSettings(source, config, configFile, configResource, clients,
                    users, redirectUris, autoLogin, lifecycle, export, clock, allowLive));
        }
    }
}
