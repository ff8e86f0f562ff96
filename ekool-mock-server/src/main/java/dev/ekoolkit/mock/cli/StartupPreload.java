package dev.ekoolkit.mock.cli;

import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.grant.SigningKeys;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.internal.Randoms;

import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Start-up work moved off the main thread for {@code serve}: while the main thread parses the command line
 * and starts Jetty, a second thread initialises what the server and its first requests need anyway (the mock's
 * random source, the embedded configuration, Javalin's and Jetty's heavier classes, the signing key with one
 * warm-up signature, the JSON writer, the locale data behind HTTP dates, the message digests, the refresh
 * tokens' HMAC). Class initialisation runs once per JVM, so nothing is done twice: whichever thread comes first
 * does it, and the other one waits only if it arrives meanwhile.
 * Every step is best effort; a failure here changes nothing but the timing.
 */
final class StartupPreload {

    private static final String[] CLASSES = {
        "io.javalin.Javalin",
        "io.javalin.config.JavalinConfig",
        "org.eclipse.jetty.server.Server",
        "org.eclipse.jetty.server.ServerConnector",
        "org.eclipse.jetty.server.HttpConfiguration",
        "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
        "org.eclipse.jetty.http.MimeTypes",
        "org.eclipse.jetty.http.HttpHeader",
        "org.eclipse.jetty.http.HttpField",
        "org.eclipse.jetty.http.HttpParser",
        "org.eclipse.jetty.http.HttpGenerator",
        "org.eclipse.jetty.util.thread.QueuedThreadPool",
        "dev.ekoolkit.mock.wiring.Routes",
    };

    private StartupPreload() {
    }

    /**
     * Starts the work on a daemon thread and returns at once.
     *
     * @param args the command line, read only to guess the key: {@code serve} signs with the published demo key
     *             unless it has {@code --config} or {@code --fresh-key} (a wrong guess costs time, nothing else)
     */
    static void start(String... args) {
        boolean generatesKey = Arrays.stream(args).anyMatch(a -> a.startsWith("--config") || a.startsWith("--fresh-key"));
        Thread t = new Thread(() -> run(generatesKey), "ekool-mock-preload");
        t.setDaemon(true);
        t.start();
    }

    /*
     * In the order the main thread needs things, so that this thread is ahead of it: the random source (the
     * token store's MAC key, made while the server is built), the configuration, Javalin's and Jetty's classes
     * (Jetty's MimeTypes asks the JDK for all its locales: tens of ms in a fresh JVM); then what only the first
     * requests need, after the port is open: the warm-up signature, the JSON writer, HTTP dates, digests, the
     * HMAC. A generated key is made on a thread of its own, started first.
     */
    private static void run(boolean generatesKey) {
        if (generatesKey) {
            step(SigningKeys::prepareJvmKey);
        }
        step(() -> Randoms.token(1)); // the mock's own random source: the shared one and this thread's DRBG
        step(MockConfig::defaults);
        ClassLoader loader = StartupPreload.class.getClassLoader();
        for (String name : CLASSES) {
            step(() -> Class.forName(name, true, loader));
        }
        if (!generatesKey) {
            step(() -> SigningKeys.warm(MockConfig.demoSigningKey()));
        }
        step(() -> Json.write(Map.of("warm", 1)));
        step(() -> DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        step(() -> MessageDigest.getInstance("SHA-256"));
        step(() -> { // the refresh tokens' HMAC: the first Mac.getInstance loads the JCE providers (~8 ms of a first login)
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            return mac.doFinal();
        });
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void step(Step s) {
        try {
            s.run();
        } catch (Throwable ignored) {
            // timing only
        }
    }

    private static void step(Runnable r) {
        step(() -> {
            r.run();
            return null;
        });
    }
}
