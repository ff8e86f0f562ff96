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
 * Runs generated cases against one endpoint and keeps score: the number of cases per endpoint, printed and
 * appended to {@code target/security-checks.txt} so the closing note of a run can quote them. The seed is
 * fixed for reproducible runs; {@code -Dekool.fuzz.seed=N} and {@code -Dekool.fuzz.cases=N} change it.
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
        List<String> failures = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        BadRequests.Req prev = null;
        for (int i = 0; i < cases; i++) {
            BadRequests.Req req = next.get();
            RawHttp.Response r;
            try {
                r = http.send(req.bytes(http.authority()));
            } catch (RuntimeException | AssertionError e) {
                failures.add("case " + i + ": no answer (" + e.getMessage() + ") to " + req);
                http.close();
                continue;
            }
            if (req.close) {
                http.close();
            }
            req.kinds.forEach(k -> kinds.merge(k, 1, Integer::sum));
            String v = Answers.violation(req.style != null ? req.style : style, r, req.mustFail, allowed(req));
            if (v != null && failures.size() < 10) {
                failures.add("case " + i + ": " + v + "\n  request: " + req + "\n  answer: " + r
                        + "\n  previous request: " + prev);
            }
            prev = req;
        }
        record(endpoint, cases, kinds);
        assertThat(failures).as("bad answers of %s (seed %d)", endpoint, SEED).isEmpty();
        return cases;
    }

    /**
     * The statuses a request with size or method mutations may get; stacked mutations allow any of theirs, a
     * near-miss path also 404, a non-form body also the endpoint's own 400.
     */
    private static java.util.Set<Integer> allowed(BadRequests.Req req) {
        java.util.Set<Integer> s = new java.util.TreeSet<>(req.expected);
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

    /** Adds to the score of an endpoint. */
    static synchronized void record(String endpoint, int cases, Map<String, Integer> kinds) {
        COUNTS.merge(endpoint, cases, Integer::sum);
        String line = "[security] bad-input endpoint=" + endpoint + " cases=" + cases + " seed=" + SEED + " kinds=" + kinds;
        System.out.println(line);
        note(line);
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
