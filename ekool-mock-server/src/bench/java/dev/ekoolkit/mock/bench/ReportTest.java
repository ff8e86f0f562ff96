package dev.ekoolkit.mock.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench report's logic: the command row and the target verdicts ({@code ./mvnw -Pbench ... -Dtest=ReportTest test}). */
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
}
