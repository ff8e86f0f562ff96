package dev.ekoolkit.mock.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs generated cases against one endpoint and keeps score: the number of cases per endpoint, appended to
 * {@code target/security-checks.txt} so the closing note of a run can quote them (the build output stays quiet).
 * The seed is fixed for reproducible runs; {@code -Dekool.fuzz.seed=N} and {@code -Dekool.fuzz.cases=N} change
 * it. Each test derives its own generator from the seed and its name ({@link #seedFor(String)}), so the cases a
 * test sends never depend on how far another test got.
 */
final class Fuzzing {

    /** The seed of this run. */
    static final long SEED = Long.getLong("ekool.fuzz.seed", 20_260_601L);
    /** Cases per endpoint. */
    static final int CASES = Integer.getInteger("ekool.fuzz.cases", 1_500);

    private static final Map<String, Integer> COUNTS = new TreeMap<>();
    private static boolean started;

    private Fuzzing() {
    }

    /**
     * Sends {@code cases} generated requests and asserts every answer keeps the rules of {@code style}.
     *
     * @return the number of cases sent
     */
    static int run(String endpoint, RawHttp http, Answers.Style style, int cases, Supplier<BadRequests.Req> next) {
        return run(endpoint, http, style, cases, null, next);
    }

    /**
     * Like {@link #run(String, RawHttp, Answers.Style, int, Supplier)}, with one more rule for this endpoint:
     * {@code extra} returns a description of what is wrong with an answer, or {@code null}.
     */
    static int run(String endpoint, RawHttp http, Answers.Style style, int cases,
                   java.util.function.Function<RawHttp.Response, String> extra, Supplier<BadRequests.Req> next) {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        BadRequests.Req prev = null;
        String trace = null;
        for (int i = 0; i < cases; i++) {
            BadRequests.Req req = next.get();
            String framing = req.close ? null : BadRequests.notOneRequest(req.bytes(http.authority()));
            if (framing != null) {
                // A generator bug, not a server bug: fail now, the same way on every machine.
                throw new AssertionError("case " + i + " of " + endpoint + " would send more than one request on a"
                        + " kept-alive connection (" + framing + "): " + req);
            }
            RawHttp.Response r;
            try {
                r = http.send(req.bytes(http.authority()));
            } catch (RuntimeException | AssertionError e) {
                failures.add("case " + i + ": no answer (" + e.getMessage() + ") to " + req);
                trace = trace != null ? trace : http.trace();
                http.close();
                continue;
            }
            if (req.close) {
                http.close();
            }
            req.kinds.forEach(k -> kinds.merge(k, 1, Integer::sum));
            String v = Answers.violation(req.style != null ? req.style : style, r, req.mustFail, allowed(req));
            if (v == null && extra != null) {
                v = extra.apply(r);
            }
            if (v != null && trace == null) {
                trace = http.trace();
            }
            if (v != null && failures.size() < 10) {
                failures.add("case " + i + ": " + v + "\n  request: " + req + "\n  answer: " + r
                        + "\n  previous request: " + prev);
            }
            prev = req;
        }
        record(endpoint, cases, kinds);
        if (trace != null) {
            failures.add("the bytes of the connections up to the first failure are in " + keepTrace(endpoint, trace));
        }
        assertThat(failures).as("bad answers of %s (seed %d)", endpoint, SEED).isEmpty();
        return cases;
    }

    /**
     * The statuses a request with size or method mutations may get; stacked mutations allow any of theirs, a
     * near-miss path also 404, a non-form body also the endpoint's own 400.
     */
    static java.util.Set<Integer> allowed(BadRequests.Req req) {
        java.util.Set<Integer> s = new java.util.TreeSet<>(req.expected);
        if ((s.contains(431) || s.contains(414)) && hasControlByteInHead(req.bytes("h"))) {
            // Two faults in one request head: too large (RFC 6585 section 5: 431; RFC 9112 section 3: 414) and a
            // byte no field or request line may carry (RFC 9110 section 5.5, RFC 9112 section 2.2: 400). No RFC
            // says which a server must report first; Jetty reports whichever it parses first, so either is right.
            s.add(400);
        }
        if (!s.isEmpty()) {
            if (req.kinds.contains("near-path")) {
                s.addAll(List.of(400, 404, 405));
            }
            if (req.kinds.contains("content-type") || req.kinds.contains("json-body") || req.kinds.contains("wrong-method")) {
                s.add(400);
            }
        }
        return s;
    }

    /** The generator seed of the test or endpoint {@code name}: the run's seed mixed with the name. */
    static long seedFor(String name) {
        return SEED * 31 + name.hashCode();
    }

    /**
     * Whether the request head (up to the first empty line) carries a control byte other than HTAB and the CR LF
     * that end its lines: NUL, a bare CR or LF, DEL and the like.
     */
    static boolean hasControlByteInHead(byte[] request) {
        for (int i = 0; i < request.length; i++) {
            int b = request[i] & 0xff;
            if (b == '\r' && i + 1 < request.length && request[i + 1] == '\n') {
                if (i + 3 < request.length && request[i + 2] == '\r' && request[i + 3] == '\n') {
                    return false; // the end of the head
                }
                i++;
            } else if ((b < 0x20 && b != '\t') || b == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Writes a client's byte trace to {@code target/raw-http-<endpoint>.trace} and returns that path. */
    static Path keepTrace(String endpoint, String trace) {
        Path file = Path.of("target", "raw-http-" + endpoint.replaceAll("[^A-Za-z0-9-]", "_") + ".trace");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, trace + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath();
    }

    /** Adds to the score of an endpoint. */
    static synchronized void record(String endpoint, int cases, Map<String, Integer> kinds) {
        COUNTS.merge(endpoint, cases, Integer::sum);
        note("[security] bad-input endpoint=" + endpoint + " cases=" + cases + " seed=" + SEED + " kinds=" + kinds);
    }

    /** Appends a line to {@code target/security-checks.txt}. */
    static synchronized void note(String line) {
        try {
            Path file = Path.of("target", "security-checks.txt");
            Files.createDirectories(file.getParent());
            // The first line of a test JVM starts the file afresh.
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE,
                    started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
