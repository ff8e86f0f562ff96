package dev.ekoolkit.mock;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size rule of docs/architecture.md: no main class of the toolkit has more than {@value #LIMIT} code lines
 * unless its header comment gives the reason, in a sentence starting {@value #REASON}. A code line is a line with
 * anything but whitespace once comments (javadoc, block and line comments) are taken out; string literals and
 * text blocks are code, even where they contain comment markers.
 */
class ClassSizeTest {

    /** The most code lines a main class has without a reason in its header comment. */
    static final int LIMIT = 400;
    /** How the header comment of a larger class starts its reason. */
    static final String REASON = "Over 400 code lines because";

    /** The modules' main sources, seen from this module's directory (where Surefire runs the tests). */
    private static final List<String> MAIN_SOURCES = List.of("../ekool-core/src/main/java", "src/main/java",
            "../ekool-testkit/src/main/java", "../ekool-spring-boot/src/main/java",
            "../examples/spring-boot-app/src/main/java");

    @Test
    void no_main_class_is_over_the_limit_without_a_reason_in_its_header_comment() {
        List<String> tooLong = new ArrayList<>();
        int files = 0;
        for (String root : MAIN_SOURCES) {
            for (Path file : javaFiles(Path.of(root))) {
                files++;
                String text = read(file);
                int lines = codeLines(text);
                if (lines > LIMIT && !text.contains(REASON)) {
                    tooLong.add(file + ": " + lines + " code lines");
                }
            }
        }
        assertThat(files).as("main source files found").isGreaterThan(100);
        assertThat(tooLong).as("main classes over " + LIMIT + " code lines without '" + REASON + " ...' in the"
                + " header comment (split them at a seam, or give the reason)").isEmpty();
    }

    @Test
    void counts_neither_comments_nor_blank_lines() {
        String source = """
                /**
                 * Javadoc.
                 */
                class A {

                    // a line comment
                    int a = 1; // a trailing comment
                    /* a block */ int b = 2;
                    /* a block
                       over two lines */
                }
                """;

        assertThat(codeLines(source)).isEqualTo(4);
    }

    @Test
    void counts_comment_markers_inside_strings_and_text_blocks_as_code() {
        String source = "class A {\n"
                + "    String media = \"application/*\";\n"
                + "    String url = \"http://example.com\";\n"
                + "    char quote = '\"';\n"
                + "    String block = \"\"\"\n"
                + "        /* not a comment\n"
                + "        \"\"\";\n"
                + "}\n";

        assertThat(codeLines(source)).isEqualTo(8);
    }

    /** The code lines of a Java source: lines with anything but whitespace outside comments. */
    static int codeLines(String source) {
        int count = 0;
        boolean code = false;
        boolean inBlock = false;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                count += code ? 1 : 0;
                code = false;
                i++;
            } else if (inBlock) {
                if (source.startsWith("*/", i)) {
                    inBlock = false;
                    i += 2;
                } else {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                inBlock = true;
                i += 2;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                while (i < end) {
                    if (source.charAt(i) == '\n') {
                        count++;
                    }
                    i++;
                }
                code = true;
            } else if (c == '"' || c == '\'') {
                code = true;
                i++;
                while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                code |= !Character.isWhitespace(c);
                i++;
            }
        }
        return count + (code ? 1 : 0);
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
