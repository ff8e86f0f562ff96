package dev.ekoolkit.mock.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the README and {@code docs/*.md}, with the marker that says how a test uses each: an
 * HTML comment on the line just above the fence, invisible on GitHub.
 *
 * <ul>
 *   <li>{@code <!-- example:config -->}: a configuration file, loaded by {@code ConfigExamplesTest};</li>
 *   <li>{@code <!-- example:serve -->}: a command that starts the mock; {@code ShellExamplesIT} runs it on a free
 *       port, runs the page's later shell examples against it and stops it, expecting exit 0;
 *       {@code example:serve alone} only starts, checks and stops it;</li>
 *   <li>{@code <!-- example:shell exit=0 prints="text" -->}: run with bash against the page's mock, expecting
 *       that exit status and that text in its output; {@code env} exports the mock's {@code EKOOL_*} values
 *       first, as a reader who has them set;</li>
 *   <li>{@code <!-- example:file name=client.py -->}: written to that file before the page's shell examples run;</li>
 *   <li>{@code <!-- example:not-run REASON -->}: a command a test cannot run (one that builds the project), with
 *       the reason.</li>
 * </ul>
 */
final class DocExamples {

    // Tests run in the module's directory.
    static final Path ROOT = Path.of("..");

    private static final Pattern MARKER = Pattern.compile("<!-- example:([a-z-]+)(.*?)-->");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z]+)(?:=(?:\"([^\"]*)\"|(\\S+)))?");
    private static final Pattern FENCE = Pattern.compile("```(\\w*)\\s*");

    private DocExamples() {
    }

    /** One fenced block: where it is, its language, its marker (kind {@code null} when unmarked) and its text. */
    record Example(Path file, int line, String language, String kind, String markerText,
                   Map<String, String> attributes, String body) {

        /** {@code README.md:8}, for messages. */
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }

        boolean isShell() {
            return List.of("bash", "sh", "shell", "console").contains(language);
        }
    }

    /** The README and every page under {@code docs/}. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** Every fenced block of {@code page}, in order. */
    static List<Example> in(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                body.append(lines.get(i)).append('\n');
            }
            Matcher marker = start > 0 ? MARKER.matcher(lines.get(start - 1).trim()) : null;
            boolean marked = marker != null && marker.matches();
            examples.add(new Example(page, start + 1, open.group(1), marked ? marker.group(1) : null,
                    marked ? marker.group(2).trim() : "", marked ? attributes(marker.group(2)) : Map.of(),
                    body.toString()));
        }
        return examples;
    }

    /** Every fenced block of the README and the docs. */
    static List<Example> all() {
        return pages().stream().flatMap(page -> in(page).stream()).toList();
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "";
            attributes.put(m.group(1), value);
        }
        return attributes;
    }
}
