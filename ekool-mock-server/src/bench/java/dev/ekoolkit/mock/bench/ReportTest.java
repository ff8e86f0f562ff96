package dev.ekoolkit.mock.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench report's logic: the command row, the target verdicts and the peers comparison
 * ({@code ./mvnw -Pbench ... -Dtest=ReportTest test}).
 */
class ReportTest {

    private static BenchMain.Window window(long errors, String firstError) {
        Stats one = Stats.of(List.of(1000.0));
        return new BenchMain.Window(one, one, one, errors, firstError);
    }

    @Test
    void the_command_of_a_full_run_is_the_readme_command() {
        assertThat(Report.command(false, List.of(), ""))
                .isEqualTo("./mvnw -Pbench -pl ekool-mock-server -am verify -DskipTests");
    }

    @Test
    void the_command_of_a_subset_names_the_subset_and_quick_mode() {
        assertThat(Report.command(true, List.of("ceiling", "throughput"), ""))
                .isEqualTo("./mvnw -Pbench -pl ekool-mock-server -am verify -DskipTests -Dbench.quick=true"
                        + " -Dbench.only=ceiling,throughput");
    }

    @Test
    void the_command_names_the_doc_it_updated() {
        assertThat(Report.command(false, List.of("cold"), "docs/performance.md"))
                .isEqualTo("./mvnw -Pbench -pl ekool-mock-server -am verify -DskipTests -Dbench.only=cold"
                        + " -Dbench.doc=docs/performance.md");
    }

    @Test
    void a_target_reached_without_errors_is_met() {
        assertThat(Report.verdict(true, 0)).isEqualTo("met");
    }

    @Test
    void a_target_not_reached_is_missed() {
        assertThat(Report.verdict(false, 0)).isEqualTo("**missed**");
    }

    @Test
    void a_target_reached_by_a_run_with_errors_is_missed_and_says_how_many() {
        assertThat(Report.verdict(true, 1)).isEqualTo("**missed** (1 error)");
        assertThat(Report.verdict(true, 37)).isEqualTo("**missed** (37 errors)");
    }

    @Test
    void errors_add_up_over_windows_and_a_first_error_counts_at_least_once() {
        assertThat(Report.errors(List.of(window(0, null), window(3, "HTTP 500"), window(0, "timeout")))).isEqualTo(4);
        assertThat(Report.errors(List.of(window(0, null), window(0, null)))).isZero();
    }

    // ----------------------------------------------------------------------------------------------- cold start

    @Test
    void a_launcher_row_with_package_archive_says_every_run_maps_it() {
        BenchMain.ColdStart c = new BenchMain.ColdStart("launcher", "bin/ekool-mock serve", Stats.of(300, 280, 350),
                Stats.of(500, 450, 600), 3, 1200.4, Report.coldStartArchive(true));

        assertThat(Report.coldStartRow(c)).isEqualTo("| `bin/ekool-mock serve` | 3 | 300 (280–350) | 500 (450–600)"
                + " | 1200 (archive from `package`: every run maps it) |\n");
    }

    @Test
    void a_launcher_row_without_package_archive_says_its_run_not_counted_records_it() {
        BenchMain.ColdStart c = new BenchMain.ColdStart("launcher", "bin/ekool-mock serve", Stats.of(300), Stats.of(500),
                1, 2470, Report.coldStartArchive(false));

        assertThat(Report.coldStartRow(c)).isEqualTo("| `bin/ekool-mock serve` | 1 | 300 (300–300) | 500 (500–500)"
                + " | 2470 (records the archive) |\n");
    }

    @Test
    void a_plain_java_row_has_no_archive_note() {
        BenchMain.ColdStart c = new BenchMain.ColdStart("plain", "java -jar ekool-mock.jar serve", Stats.of(700),
                Stats.of(900), 1, 1500, "");

        assertThat(Report.coldStartRow(c))
                .isEqualTo("| `java -jar ekool-mock.jar serve` | 1 | 700 (700–700) | 900 (900–900) | 1500 |\n");
    }

    // ------------------------------------------------------------------------------------------------ the peers

    @Test
    void the_readme_command_through_the_launcher_says_whether_package_left_it_an_archive() {
        assertThat(Report.oursHow("bin/ekool-mock --port 0", true, true))
                .isEqualTo("`bin/ekool-mock --port 0` (archive from `package`)");
        assertThat(Report.oursHow("bin/ekool-mock --port 0", true, false))
                .isEqualTo("`bin/ekool-mock --port 0` (no archive from `package`: its first run records one)");
    }

    @Test
    void the_readme_command_as_java_jar_has_no_archive_note() {
        assertThat(Report.oursHow("java -jar ekool-mock.jar --port 0", false, false))
                .isEqualTo("`java -jar ekool-mock.jar --port 0`");
    }

    /** A window with these medians (min = max = median). */
    private static BenchMain.Window figure(double opsPerSecond, double p99Micros, long errors) {
        return new BenchMain.Window(Stats.of(opsPerSecond), Stats.of(p99Micros / 2), Stats.of(p99Micros), errors,
                errors == 0 ? null : "HTTP 500");
    }

    /** A measured server whose every workload, with both drivers, has these login-8 figures; cold start in ms. */
    private static Report.Peer peer(String server, double login8, double p99Micros, long errors, double coldMillis) {
        Map<String, BenchMain.Window> w = new LinkedHashMap<>();
        for (Http.Driver d : Http.Driver.values()) {
            for (Report.Workload k : Report.Workload.values()) {
                w.put(Report.key(k, d), k == Report.Workload.LOGIN_8 ? figure(login8, p99Micros, errors)
                        : figure(1000, 500, 0));
            }
        }
        return new Report.Peer(server, "test", null, w, Stats.of(coldMillis / 2), Stats.of(coldMillis), 0);
    }

    private static List<String> verdicts(Report.Peer... peers) {
        return Report.peerTargets(List.of(peers)).stream().map(r -> r[0] + ": " + r[3]).toList();
    }

    @Test
    void login_at_2_6_times_navikt_and_1_6_times_axa_with_a_p99_of_12_ms_meets_both_driver_targets() {
        assertThat(verdicts(peer(Report.OURS, 2600, 12_000, 0, 400), peer(Report.NAVIKT, 1000, 40_000, 0, 2300),
                peer(Report.AXA, 1625, 20_000, 0, 410))).containsExactly(
                "login, 8 clients, raw socket driver: met",
                "login, 8 clients, JDK HttpClient driver: met",
                "cold start of the README command to the first token (median): met");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            login at 2.4 times navikt misses however far ahead of axa | 2400  | 12000 | 400 | 1000 | 0 | 100  | 0 | login, 8 clients, raw socket driver: **missed**
            login at 1.4 times axa misses                             | 1400  | 12000 | 400 | 100  | 0 | 1000 | 1 | login, 8 clients, JDK HttpClient driver: **missed**
            a p99 of 31 ms misses even at ten times the peers         | 10000 | 31000 | 400 | 1000 | 0 | 1000 | 0 | login, 8 clients, raw socket driver: **missed**
            errors behind a peer figure miss the target and count     | 2600  | 12000 | 400 | 1000 | 3 | 1000 | 0 | login, 8 clients, raw socket driver: **missed** (3 errors)
            a cold start of 411 ms against axa at 410 ms misses       | 2600  | 12000 | 411 | 1000 | 0 | 1000 | 2 | cold start of the README command to the first token (median): **missed**
            """)
    void a_target_is_missed_by_any_figure_short_of_its_goal(String rule, double oursLogin, double oursP99Micros,
                                                            double oursColdMillis, double naviktLogin,
                                                            long naviktErrors, double axaLogin, int row,
                                                            String expected) {
        assertThat(verdicts(peer(Report.OURS, oursLogin, oursP99Micros, 0, oursColdMillis),
                peer(Report.NAVIKT, naviktLogin, 40_000, naviktErrors, 2300),
                peer(Report.AXA, axaLogin, 20_000, 0, 410)).get(row)).as(rule).isEqualTo(expected);
    }

    @Test
    void with_axa_left_out_the_targets_that_need_it_are_not_judged_and_its_column_says_why() {
        List<Report.Peer> peers = List.of(peer(Report.OURS, 2600, 12_000, 0, 400),
                peer(Report.NAVIKT, 1000, 40_000, 0, 2300), Report.Peer.leftOut(Report.AXA, "9.3", "npm is not available"));
        assertThat(verdicts(peers.toArray(Report.Peer[]::new))).containsExactly(
                "login, 8 clients, raw socket driver: not judged (axa oauth2-mock-server left out)",
                "login, 8 clients, JDK HttpClient driver: not judged (axa oauth2-mock-server left out)",
                "cold start of the README command to the first token (median): not judged (axa left out)");
        assertThat(Report.peers(peers)).contains("**left out: npm is not available**");
    }

    @Test
    void the_table_gives_each_workload_and_driver_with_the_ratios_to_each_peer() {
        String table = Report.peers(List.of(peer(Report.OURS, 2500, 12_000, 0, 400),
                peer(Report.NAVIKT, 1000, 40_000, 0, 2000), peer(Report.AXA, 2000, 20_000, 0, 500)));
        assertThat(table)
                .contains("| login, 8 clients, raw socket, per s (p50 / p99 ms) | 2500 (2500–2500) (6.00 / 12.00) | "
                        + "1000 (1000–1000) (20.00 / 40.00) | 2000 (2000–2000) (10.00 / 20.00) | 2.50× | 1.25× |")
                .contains("| login, 8 clients, JDK HttpClient, per s (p50 / p99 ms) |")
                .contains("| cold start to the first token, ms | 400 (400–400) | 2000 (2000–2000) | 500 (500–500) | "
                        + "0.20× | 0.80× |")
                .contains("(checks no token)");
    }

    @Test
    void a_ratio_is_not_given_without_both_figures() {
        assertThat(Report.ratio(2.0, 0)).isEqualTo("n/a");
        assertThat(Report.ratio(Double.NaN, 1)).isEqualTo("n/a");
        assertThat(Report.ratio(3, 2)).isEqualTo("1.50×");
    }
}
