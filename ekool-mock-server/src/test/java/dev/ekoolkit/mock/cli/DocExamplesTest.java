package dev.ekoolkit.mock.cli;

import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's and the docs' examples from drifting: every configuration example loads, and every shell
 * example is marked for {@code ShellExamplesIT} to run (or says why it cannot be run). See {@link DocExamples}.
 */
class DocExamplesTest {

    static final Set<String> KINDS = Set.of("config", "serve", "shell", "file", "not-run");

    /** A top-level section of the mock's configuration file, in YAML or JSON (an application.yml has none). */
    static final Pattern MOCK_CONFIGURATION =
            Pattern.compile("(?m)^(\\{\\s*)?\"?(clients|users|lifetimes|limits|signing_key_file)\"?\\s*:");

    static List<DocExamples.Example> configurationExamples() {
        return DocExamples.all().stream().filter(e -> "config".equals(e.kind())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurationExamples")
    void every_configuration_example_loads_with_the_configuration_loader(DocExamples.Example example) {
        MockConfig config = MockConfigLoader.parse(example.body(), example.where(), "json".equals(example.language()),
                example.file().getParent());

        assertThat(config.clients()).as("clients loaded from %s", example.where()).isNotEmpty();
    }

    @Test
    void the_docs_have_configuration_examples_to_load() {
        assertThat(configurationExamples()).extracting(DocExamples.Example::where)
                .anySatisfy(where -> assertThat(where).startsWith("docs/mock-server.md"));
    }

    @Test
    void every_block_that_looks_like_a_mock_configuration_is_loaded() {
        assertThat(DocExamples.all()).filteredOn(e -> List.of("yaml", "yml", "json").contains(e.language())
                        && MOCK_CONFIGURATION.matcher(e.body()).find())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.kind()).as("the marker above the configuration block at %s", e.where())
                        .isEqualTo("config"));
    }

    @Test
    void every_shell_block_is_run_by_a_test_or_says_why_not() {
        assertThat(DocExamples.all()).filteredOn(DocExamples.Example::isShell)
                .allSatisfy(e -> assertThat(e.kind()).as("the marker above the shell block at %s (<!-- example:shell"
                        + " exit=0 -->, <!-- example:serve --> or <!-- example:not-run REASON -->)", e.where())
                        .isIn("shell", "serve", "not-run"));
    }

    @Test
    void a_block_that_is_not_run_says_why() {
        assertThat(DocExamples.all()).filteredOn(e -> "not-run".equals(e.kind()))
                .allSatisfy(e -> assertThat(e.markerText()).as("the reason at %s", e.where()).isNotBlank());
    }

    @Test
    void every_marker_is_one_the_tests_know() {
        assertThat(DocExamples.all()).filteredOn(e -> e.kind() != null)
                .allSatisfy(e -> assertThat(e.kind()).as("the marker at %s", e.where()).isIn(KINDS));
    }

    @Test
    void a_shell_example_states_the_exit_status_it_expects() {
        assertThat(DocExamples.all()).filteredOn(e -> "shell".equals(e.kind()))
                .allSatisfy(e -> assertThat(e.attributes()).as("the marker at %s", e.where()).containsKey("exit"));
    }
}
