package example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Adding it to a build" snippets: the Maven one is what this project's pom.xml declares (with the
 * version the README announces, the current one without -SNAPSHOT), and the Gradle one names the same artifacts
 * and version.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of(System.getProperty("toolkit.readme"));
    private static final String RELEASE = System.getProperty("toolkit.version").replace("-SNAPSHOT", "");

    @Test
    void the_maven_snippet_imports_the_bom_of_the_coming_release_and_adds_the_testkit_without_a_version() throws IOException {
        assertThat(dependencies(snippet("maven"))).containsExactly(
                "dev.ekoolkit:ekool-bom:" + RELEASE + ":pom:import",
                "dev.ekoolkit:ekool-testkit:::test");
    }

    @Test
    void this_project_declares_what_the_maven_snippet_shows() throws IOException {
        List<String> own = dependencies(Files.readString(Path.of("pom.xml")).replace("-SNAPSHOT", ""));

        assertThat(own).containsAll(dependencies(snippet("maven")));
    }

    @Test
    void the_gradle_snippet_takes_the_same_bom_and_testkit() throws IOException {
        assertThat(snippet("gradle").strip().lines().map(String::strip)).containsExactly(
                "dependencies {",
                "testImplementation(platform(\"dev.ekoolkit:ekool-bom:" + RELEASE + "\"))",
                "testImplementation(\"dev.ekoolkit:ekool-testkit\")",
                "}");
    }

    /** The fenced block between the README's markers "release:NAME-snippet:start" and "...:end". */
    private static String snippet(String name) throws IOException {
        String text = Files.readString(README);
        String start = "<!-- release:" + name + "-snippet:start -->";
        String end = "<!-- release:" + name + "-snippet:end -->";
        assertThat(text).as("README markers for the %s snippet", name).contains(start, end);
        String block = text.substring(text.indexOf(start) + start.length(), text.indexOf(end)).strip();
        assertThat(block).startsWith("```").endsWith("```");
        return block.substring(block.indexOf('\n') + 1, block.lastIndexOf("```"));
    }

    /** Each dependency element as groupId:artifactId:version:type:scope (empty where the element is absent). */
    private static List<String> dependencies(String xml) {
        List<String> result = new ArrayList<>();
        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(xml);
        while (dependency.find()) {
            String body = dependency.group(1);
            result.add(String.join(":", element(body, "groupId"), element(body, "artifactId"),
                    element(body, "version"), element(body, "type"), element(body, "scope")));
        }
        return result;
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*(.*?)\\s*</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : "";
    }
}
