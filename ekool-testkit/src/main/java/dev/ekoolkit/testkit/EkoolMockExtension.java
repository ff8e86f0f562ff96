package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockConfigLoader;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.testkit.internal.Live;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

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

    private static final Namespace SHARED_NAMESPACE = Namespace.create(EkoolMockExtension.class, "shared");
    private static final String SLOT = "slot";
    private static final String PROPERTIES = "properties";
    private static final String LEASE = "lease";

    /** The settings from the builder, or {@code null} to read {@link EkoolMockTest} from the test class. */
    private final Settings settings;
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

    private EkoolMockExtension(Settings settings) {
        this.settings = settings;
    }

    /** A builder with the defaults: the embedded configuration, no auto-login, {@link Lifecycle#AUTO}, no system properties. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The handle on this extension's server, for tests that reach it through the registered field
     * ({@code ekool.mock().loginAs("mari")}); a parameter of type {@link EkoolMock} works everywhere and is never
     * ambiguous.
     *
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
        if (dev.ekoolkit.testkit.spring.EkoolSpringSupport.managesMock(context)) {
            return;
        }
        // spring-support:end
        Registration registration = registration(context);
        if (slot(context).isPresent()) {
            return; // a @Nested class: the enclosing class's server serves it
        }
        Lifecycle lifecycle = registration.settings.lifecycle == Lifecycle.AUTO
                ? Lifecycle.PER_CLASS : registration.settings.lifecycle;
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
        if (dev.ekoolkit.testkit.spring.EkoolSpringSupport.managesMock(context)) {
            return;
        }
        // spring-support:end
        Registration registration = registration(context);
        Optional<Slot> existing = slot(context);
        if (existing.isPresent()) {
            if (existing.get() instanceof Bound bound) {
                beginSharedTest(context, registration, bound.shared);
            }
            return;
        }
        switch (registration.settings.lifecycle) {
            case AUTO, PER_TEST -> open(context, registration, false);
            case SHARED -> {
                Bound bound = open(context, registration, true);
                if (bound != null) {
                    beginSharedTest(context, registration, bound.shared);
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
        if (dev.ekoolkit.testkit.spring.EkoolSpringSupport.managesMock(extensionContext)) {
            return dev.ekoolkit.testkit.spring.EkoolSpringSupport.mock(extensionContext);
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
    private Bound open(ExtensionContext context, Registration registration, boolean shared) {
        Settings s = registration.settings;
        ExtensionContext.Store store = context.getStore(namespace());
        Optional<LiveSettings> live = s.allowLive ? live(context) : Optional.empty();
        EkoolMock handle;
        Bound bound = null;
        if (live.isPresent()) {
            handle = EkoolMock.live(live.get(), s.names());
            store.put(SLOT, new Owned(handle, null, serving));
        } else if (shared) {
            MockConfig config = resolveConfig(context, registration);
            SharedKey key = new SharedKey(config, s.autoLogin, s.clock);
            SharedServer server = context.getRoot().getStore(SHARED_NAMESPACE).computeIfAbsent(key,
                    k -> new SharedServer(start(registration, k.config, s), s.names()), SharedServer.class);
            handle = server.handle;
            bound = new Bound(server, serving);
            store.put(SLOT, bound);
        } else {
            handle = EkoolMock.of(start(registration, resolveConfig(context, registration), s), s.names());
            store.put(SLOT, new Owned(handle, handle.server(), serving));
        }
        serving.add(handle);
        if (s.export != null) {
            requirePropertiesLock(context, registration);
            store.put(PROPERTIES, PropertyExport.apply(handle.properties()));
        }
        return bound;
    }

    /**
     * System properties are JVM-global: under parallel execution an export must hold JUnit's
     * {@link Resources#SYSTEM_PROPERTIES} lock ({@code @EkoolMockTest(systemProperties = true)} takes it itself).
     */
    private static void requirePropertiesLock(ExtensionContext context, Registration registration) {
        boolean parallel = context.getConfigurationParameter("junit.jupiter.execution.parallel.enabled", Boolean::parseBoolean)
                .orElse(false);
        if (!parallel || registration.annotation) {
            return;
        }
        Class<?> type = context.getRequiredTestClass();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, Isolated.class) || AnnotationSupport.findRepeatableAnnotations(c, ResourceLock.class)
                    .stream().anyMatch(lock -> Resources.SYSTEM_PROPERTIES.equals(lock.value()) && lock.mode() == ResourceAccessMode.READ_WRITE)) {
                return;
            }
        }
        throw new ExtensionConfigurationException(registration.attribute("exportSystemProperties", "")
                + " sets JVM-global system properties while JUnit runs tests in parallel; annotate "
                + type.getSimpleName() + " with @ResourceLock(Resources.SYSTEM_PROPERTIES) (or @Isolated), or read the"
                + " settings from EkoolMock.properties() instead of exporting them");
    }

    private static void beginSharedTest(ExtensionContext context, Registration registration, SharedServer shared) {
        String test = context.getUniqueId();
        String holder = shared.holder.get();
        if (!shared.holder.compareAndSet(null, test)) {
            throw new ExtensionConfigurationException("the shared eKool mock is in use by another test running at the "
                    + "same time (" + holder + "); tests sharing one server must not run in parallel: annotate the "
                    + "class with @ResourceLock(EkoolMock.SHARED_SERVER_LOCK) (@EkoolMockTest(shared = true) does), "
                    + "or give " + registration.describe() + " a per-class server");
        }
        context.getStore(Namespace.create(EkoolMockExtension.class, "lease")).put(LEASE,
                (AutoCloseable) () -> shared.holder.compareAndSet(test, null));
        shared.handle.reset();
    }

    private static EkoolMockServer start(Registration registration, MockConfig config, Settings s) {
        EkoolMockServer.Builder builder = EkoolMockServer.builder().config(config);
        if (s.clock != null) {
            builder.clock(s.clock);
        }
        if (s.autoLogin != null) {
            if (config.user(s.autoLogin).isEmpty()) {
                throw new ExtensionConfigurationException(registration.attribute("autoLogin", s.autoLogin)
                        + " names no user of the mock's configuration; users: "
                        + config.users().stream().map(u -> u.username() + " (" + u.id() + ")").toList());
            }
            builder.autoLogin(s.autoLogin);
        }
        try {
            return builder.build().start();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(registration.describe() + " could not start the eKool mock: "
                    + e.getMessage(), e);
        }
    }

    private static MockConfig resolveConfig(ExtensionContext context, Registration registration) {
        Settings s = registration.settings;
        MockConfig config;
        try {
            config = switch (s.configKind) {
                case DEFAULT -> MockConfig.defaults();
                case VALUE -> s.config;
                case FILE -> MockConfigLoader.load(s.configFile);
                case RESOURCE -> loadResource(context, registration);
            };
        } catch (ExtensionConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(registration.attribute(s.configAttribute(), s.configName())
                    + " is not a valid eKool mock configuration: " + e.getMessage(), e);
        }
        try {
            if (!s.redirectUris.isEmpty()) {
                List<MockClient> clients = new ArrayList<>(config.clients());
                MockClient first = clients.get(0);
                List<RedirectUri> uris = new ArrayList<>(first.redirectUris());
                s.redirectUris.stream().filter(u -> !uris.contains(u)).forEach(uris::add);
                clients.set(0, first.withRedirectUris(uris));
                config = config.withClients(clients);
            }
            for (MockClient client : s.clients) {
                config = config.withClient(client);
            }
            for (MockUser user : s.users) {
                config = config.withUser(user);
            }
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(registration.describe() + " adds clients, users or redirect "
                    + "URIs the configuration rejects: " + e.getMessage(), e);
        }
        return config;
    }

    private static MockConfig loadResource(ExtensionContext context, Registration registration) {
        Settings s = registration.settings;
        String name = s.configResource.startsWith("/") ? s.configResource.substring(1) : s.configResource;
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        URL url = loader == null ? null : loader.getResource(name);
        if (url == null) {
            throw new ExtensionConfigurationException(registration.attribute("config", s.configResource)
                    + " names a classpath resource that does not exist (looked up from the classpath root, as "
                    + "src/test/resources/" + name + ")");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return MockConfigLoader.load(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new ExtensionConfigurationException("cannot read " + url, e);
            }
        }
        // Inside a jar: copy it next to nothing else, keeping the file name (its extension picks YAML or JSON).
        Path dir = null;
        try (InputStream in = url.openStream()) {
            dir = Files.createTempDirectory("ekool-mock-config");
            Path file = dir.resolve(Path.of(name).getFileName().toString());
            Files.copy(in, file);
            return MockConfigLoader.load(file);
        } catch (IOException e) {
            throw new ExtensionConfigurationException(registration.attribute("config", s.configResource)
                    + " cannot be read: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary copy left behind is harmless
                }
            }
        }
    }

    private static Optional<LiveSettings> live(ExtensionContext context) {
        try {
            return Live.settings(context);
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

    // ------------------------------------------------------------------------------------------- registration

    /** Where this extension came from and with which settings; checks for conflicting registrations. */
    private Registration registration(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<EkoolMockTest> annotation = findAnnotation(context);
        List<FieldValue> fields = registeredFields(context);
        if (annotation.isPresent() && !fields.isEmpty()) {
            throw new ExtensionConfigurationException(testClass.getSimpleName() + " is annotated @EkoolMockTest and "
                    + "also registers an EkoolMockExtension in " + fields.get(0).describe() + "; use one of them "
                    + "(each would start its own server)");
        }
        if (fields.size() > 1) {
            throw new ExtensionConfigurationException(testClass.getSimpleName() + " registers more than one "
                    + "EkoolMockExtension (" + fields.stream().map(FieldValue::describe).toList() + "); register one "
                    + "and add clients and users to it, or register further clients at run time");
        }
        if (settings == null) {
            return new Registration(annotation.map(Settings::from).orElse(Settings.DEFAULTS), null, annotation.isPresent());
        }
        Field field = fields.stream().filter(f -> f.value == this).map(FieldValue::field).findFirst().orElse(null);
        return new Registration(settings, field, false);
    }

    private static Optional<EkoolMockTest> findAnnotation(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<EkoolMockTest> found = AnnotationSupport.findAnnotation(c, EkoolMockTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The registered EkoolMockExtension fields visible now: static ones always, instance ones once instances exist. */
    private static List<FieldValue> registeredFields(ExtensionContext context) {
        List<FieldValue> out = new ArrayList<>();
        List<Object> instances = context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of());
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class,
                    f -> EkoolMockExtension.class.isAssignableFrom(f.getType()))) {
                if (ModifierSupport.isStatic(field)) {
                    ReflectionSupport.tryToReadFieldValue(field, null).toOptional()
                            .ifPresent(v -> out.add(new FieldValue(field, v)));
                } else {
                    for (Object instance : instances) {
                        if (field.getDeclaringClass().isInstance(instance)) {
                            ReflectionSupport.tryToReadFieldValue(field, instance).toOptional()
                                    .ifPresent(v -> out.add(new FieldValue(field, v)));
                        }
                    }
                }
            }
        }
        return out.stream().filter(f -> f.value != null).distinct().toList();
    }

    private record FieldValue(Field field, Object value) {
        String describe() {
            return (ModifierSupport.isStatic(field) ? "static field '" : "field '") + field.getName() + "' of "
                    + field.getDeclaringClass().getSimpleName();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FieldValue other && other.field.equals(field) && other.value == value;
        }

        @Override
        public int hashCode() {
            return field.hashCode();
        }
    }

    private record Registration(Settings settings, Field field, boolean annotation) {
        /** How to name this registration in a message. */
        String describe() {
            if (annotation) {
                return "@EkoolMockTest";
            }
            if (field == null) {
                return "the EkoolMockExtension";
            }
            return "the EkoolMockExtension in " + (ModifierSupport.isStatic(field) ? "static field '" : "field '")
                    + field.getName() + "'";
        }

        /** How to name one attribute or builder setting and its value in a message. */
        String attribute(String name, Object value) {
            String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
            if (annotation) {
                return "@EkoolMockTest(" + name + " = " + shown + ")";
            }
            return describe() + " (builder()." + name + "(" + shown + "))";
        }
    }

    // ------------------------------------------------------------------------------------------- store values

    /** What a class's or test's store holds under {@link #SLOT}. */
    private interface Slot {
        EkoolMock handle();
    }

    /** A server this context owns: closing the store stops it. */
    private record Owned(EkoolMock handle, EkoolMockServer server, Set<EkoolMock> index) implements Slot, AutoCloseable {
        @Override
        public void close() {
            index.remove(handle);
            if (server != null) {
                server.close();
            }
        }
    }

    /** The shared server as seen from one class or test: closing it only unbinds. */
    private record Bound(SharedServer shared, Set<EkoolMock> index) implements Slot, AutoCloseable {
        @Override
        public EkoolMock handle() {
            return shared.handle;
        }

        @Override
        public void close() {
            index.remove(shared.handle);
        }
    }

    /** The run-wide server in the root store; closed by JUnit when the run ends. */
    private static final class SharedServer implements AutoCloseable {
        final EkoolMock handle;
        final AtomicReference<String> holder = new AtomicReference<>();

        SharedServer(EkoolMockServer server, SystemPropertyNames names) {
            this.handle = EkoolMock.of(server, names);
        }

        @Override
        public void close() {
            handle.server().close();
        }
    }

    /** Classes with equal settings share one server; different settings get their own shared server. */
    private record SharedKey(MockConfig config, String autoLogin, Clock clock) {
    }

    // ------------------------------------------------------------------------------------------- settings

    private enum ConfigKind { DEFAULT, VALUE, FILE, RESOURCE }

    /** The immutable settings of one extension. */
    private record Settings(ConfigKind configKind, MockConfig config, Path configFile, String configResource,
                            List<MockClient> clients, List<MockUser> users, List<RedirectUri> redirectUris,
                            String autoLogin, Lifecycle lifecycle, SystemPropertyNames export, Clock clock,
                            boolean allowLive) {

        static final Settings DEFAULTS = new Settings(ConfigKind.DEFAULT, null, null, null, List.of(), List.of(),
                List.of(), null, Lifecycle.AUTO, null, null, true);

        static Settings from(EkoolMockTest a) {
            boolean resource = !a.config().isEmpty();
            return new Settings(resource ? ConfigKind.RESOURCE : ConfigKind.DEFAULT, null, null,
                    resource ? a.config() : null, List.of(), List.of(), List.of(),
                    a.autoLogin().isEmpty() ? null : a.autoLogin(), a.shared() ? Lifecycle.SHARED : Lifecycle.PER_CLASS,
                    a.systemProperties() ? SystemPropertyNames.defaults() : null, null, true);
        }

        SystemPropertyNames names() {
            return export != null ? export : SystemPropertyNames.defaults();
        }

        String configAttribute() {
            return switch (configKind) {
                case FILE -> "configFile";
                case RESOURCE -> "config";
                default -> "config";
            };
        }

        Object configName() {
            return switch (configKind) {
                case FILE -> configFile.toString();
                case RESOURCE -> configResource;
                default -> "MockConfig";
            };
        }
    }

    /** Builds an {@link EkoolMockExtension}; every setting is optional. */
    public static final class Builder {
        private ConfigKind configKind = ConfigKind.DEFAULT;
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

        /** The mock's whole configuration (default {@link MockConfig#defaults()}). */
        public Builder config(MockConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.configKind = ConfigKind.VALUE;
            return this;
        }

        /** A YAML or JSON configuration file, read when the server starts. */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file, "file");
            this.configKind = ConfigKind.FILE;
            return this;
        }

        /** A YAML or JSON configuration on the test classpath, such as {@code "ekool-mock.yaml"}, read when the server starts. */
        public Builder configResource(String resource) {
            Objects.requireNonNull(resource, "resource");
            if (resource.isBlank()) {
                throw new IllegalArgumentException("configResource must name a classpath resource; got a blank name");
            }
            this.configResource = resource;
            this.configKind = ConfigKind.RESOURCE;
            return this;
        }

        /** One more client, after the configuration's (the first client stays the default client). */
        public Builder client(MockClient client) {
            clients.add(Objects.requireNonNull(client, "client"));
            return this;
        }

        /** One more user, after the configuration's. */
        public Builder user(MockUser user) {
            users.add(Objects.requireNonNull(user, "user"));
            return this;
        }

        /** One more redirect URI for the default client, such as the callback of an application on a fixed port. */
        public Builder redirectUri(String redirectUri) {
            redirectUris.add(RedirectUri.parse(redirectUri));
            return this;
        }

        /** The user (id or username) every authorization logs in as without pages, or {@code null} (the default) for none. */
        public Builder autoLogin(String userIdOrUsername) {
            this.autoLogin = userIdOrUsername;
            return this;
        }

        /** How long a server lives (default {@link Lifecycle#AUTO}: per class for a static field, per test for an instance field). */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /** Shorthand for {@code lifecycle(Lifecycle.SHARED)}: one server for the whole run, reset before each test. */
        public Builder shared() {
            return lifecycle(Lifecycle.SHARED);
        }

        /**
         * Exports the mock's URLs and the default client's credentials as system properties with the default names
         * ({@link SystemPropertyNames#defaults()}) while the class or test runs, restoring them afterwards. System
         * properties are JVM-global: do not use this with parallel tests that read them.
         */
        public Builder exportSystemProperties() {
            return exportSystemProperties(SystemPropertyNames.defaults());
        }

        /** Exports the settings as system properties under these names; see {@link #exportSystemProperties()}. */
        public Builder exportSystemProperties(SystemPropertyNames names) {
            this.export = Objects.requireNonNull(names, "names");
            return this;
        }

        /** The clock the mock follows (default system UTC); {@link EkoolMock#advanceClock} moves it on. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether live mode ({@link LiveSettings}) may replace the mock for this extension (default {@code true});
         * {@code false} always starts the mock, for classes that make no sense against real eKool.
         */
        public Builder live(boolean allowed) {
            this.allowLive = allowed;
            return this;
        }

        /** The extension, ready for a {@code @RegisterExtension} field. */
        public EkoolMockExtension build() {
            return new EkoolMockExtension(new Settings(configKind, config, configFile, configResource,
                    List.copyOf(clients), List.copyOf(users), List.copyOf(redirectUris), autoLogin, lifecycle, export,
                    clock, allowLive));
        }
    }
}
