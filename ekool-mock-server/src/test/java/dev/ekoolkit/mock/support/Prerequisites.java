package dev.ekoolkit.mock.support;

import org.junit.jupiter.api.Assumptions;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * What a test needs from the machine (a browser, a network address). On CI (the environment variable
 * {@code CI} is {@code true}, as GitHub Actions and {@code .ci/run} set it) a missing prerequisite fails the
 * test, saying what to install or provide, because a CI run that silently skips proves nothing. Elsewhere the
 * test is skipped, and the reason is printed so that it shows in the Maven output next to the skip count.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** Whether this run is a CI run: {@code CI} is {@code true} (any case) or {@code 1}. */
    public static boolean onCi() {
        return onCi(System.getenv("CI"));
    }

    static boolean onCi(String ci) {
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
    }

    /**
     * Returns if {@code present}; otherwise fails on CI and skips elsewhere.
     *
     * @param present      whether the prerequisite is there
     * @param test         the test that needs it, for the message
     * @param what         what is missing, such as {@code "Chromium and chromedriver"}
     * @param howToProvide how to provide it, such as {@code "apt-get install chromium chromium-driver"}
     * @throws AssertionError on CI, when the prerequisite is missing
     * @throws org.opentest4j.TestAbortedException elsewhere, when the prerequisite is missing (JUnit skips the test)
     */
    public static void require(boolean present, String test, String what, String howToProvide) {
        require(present, test, what, howToProvide, onCi(), System.out);
    }

    /**
     * This machine's first non-loopback, non-link-local IPv4 address on an interface that is up; fails on CI and
     * skips elsewhere if there is none.
     *
     * @param test the test that needs it, for the message
     * @throws AssertionError on CI, when there is no such address
     * @throws org.opentest4j.TestAbortedException elsewhere, when there is no such address
     */
    public static InetAddress nonLoopbackIpv4(String test) {
        Optional<InetAddress> found = Optional.empty();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (found.isPresent() || !nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                found = Collections.list(nif.getInetAddresses()).stream()
                        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                        .findFirst();
            }
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        require(found.isPresent(), test, "a network interface that is up with a non-loopback, non-link-local IPv4"
                + " address", "run it on a machine or container with a network (Docker: not --network none)");
        return found.orElseThrow();
    }

    static void require(boolean present, String test, String what, String howToProvide, boolean ci, PrintStream out) {
        if (present) {
            return;
        }
        String message = test + " needs " + what + ", which this machine lacks; " + howToProvide;
        if (ci) {
            fail("CI=true, so a missing prerequisite fails instead of skipping: " + message);
        }
        out.println("[skipped] " + message); // surefire shows a test's output, not an aborted test's reason
        Assumptions.abort(message);
    }
}
