package dev.ekoolkit.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every Java example in docs/testkit.md is copied from a compiled, running test: the line before its fence names the
 * source and a region ({@code <!-- checked: PATH region NAME -->}), and the block must equal the lines between
 * {@code // NAME:start} and {@code // NAME:end} in that file (several regions of one name are joined, common
 * indentation removed). An example without such a line fails the build, so none can rot unnoticed.
 */
class DocsExamplesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DOCS = ROOT.resolve("docs/testkit.md");
    private static final Pattern CHECKED = Pattern.compile("<!-- checked: (\\S+) region (\\S+) -->");
    private static final String FENCE = "```java";

    /** One Java block of the page: where it starts, the line before its fence, and its text. */
    private record Example(int line, String marker, String code) {
    }

    @Test
    void every_java_example_names_the_compiled_test_it_is_copied_from() throws IOException {
        List<Example> examples = examples();

        assertThat(examples).as("Java examples in docs/testkit.md").hasSizeGreaterThanOrEqualTo(5);
        assertThat(examples).filteredOn(e -> !CHECKED.matcher(e.marker()).matches())
                .as("examples without a '<!-- checked: PATH region NAME -->' line before the fence")
                .extracting(e -> "docs/testkit.md line " + e.line())
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> each_java_example_is_the_marked_region_of_its_test() throws IOException {
        return examples().stream().filter(e -> CHECKED.matcher(e.marker()).matches()).map(e -> {
            Matcher m = CHECKED.matcher(e.marker());
            m.matches();
            Path source = ROOT.resolve(m.group(1));
            return dynamicTest("docs/testkit.md line " + e.line() + " is region " + m.group(2) + " of " + source.getFileName(),
                    () -> {
                        assertThat(m.group(1)).as("the source is a test the build compiles").startsWith("ekool-testkit/src/");
                        assertThat(e.code()).isEqualTo(region(source, m.group(2)));
                    });
        });
    }

    @Test
    void the_dependency_snippets_name_the_module_s_version() throws IOException {
        String pom = Files.readString(ROOT.resolve("ekool-testkit/pom.xml"));
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(version.find()).as("parent version in ekool-testkit/pom.xml").isTrue();
        String snippet = "<artifactId>ekool-testkit</artifactId>\n  <version>" + version.group(1) + "</version>";

        assertThat(Files.readString(DOCS)).contains(snippet);
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains(snippet);
    }

    /** The Java blocks of docs/testkit.md, each with the line just before its fence. */
    private static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(DOCS);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(FENCE)) {
                int start = i;
                StringBuilder code = new StringBuilder();
                for (i = i + 1; i < lines.size() && !lines.get(i).equals("```"); i++) {
                    code.append(lines.get(i)).append('\n');
                }
                out.add(new Example(start + 1, start > 0 ? lines.get(start - 1) : "", code.toString()));
            }
        }
        return out;
    }

    /** The lines of every {@code // name:start} ... {@code // name:end} region of {@code source}, joined and dedented. */
    static String region(Path source, String name) throws IOException {
        List<String> picked = new ArrayList<>();
        boolean inside = false;
        int regions = 0;
        for (String line : Files.readAllLines(source)) {
            if (line.strip().equals("// " + name + ":start")) {
                inside = true;
                regions++;
            } else if (line.strip().equals("// " + name + ":end")) {
                inside = false;
            } else if (inside) {
                picked.add(line);
            }
        }
        assertThat(regions).as("regions '%s' in %s", name, source).isPositive();
        assertThat(inside).as("every region '%s' in %s is closed", name, source).isFalse();
        int indent = picked.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : picked) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
