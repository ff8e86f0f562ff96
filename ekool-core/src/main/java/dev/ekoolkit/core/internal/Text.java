package dev.ekoolkit.core.internal;

import java.util.Locale;

/**
 * Making untrusted text safe to quote in messages, logs and pages, and naming one character in a message:
 * the one implementation of each in the toolkit.
 */
public final class Text {

    private Text() {
    }

    /**
     * {@code value} with every character outside printable ASCII (U+0020 to U+007E) written as a
     * {@code \\uXXXX} escape, cut after {@code max} characters with {@code ...(N characters)} saying
     * how long it was. {@code null} gives the empty string.
     *
     * @param value the text to quote, possibly {@code null}
     * @param max   how many characters of {@code value} to keep; negative counts as 0
     * @return the escaped, possibly shortened text; never {@code null}
     */
    public static String printable(String value, int max) {
        if (value == null) {
            return "";
        }
        int limit = Math.min(value.length(), Math.max(0, max));
        StringBuilder out = new StringBuilder(limit + 24);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        if (value.length() > limit) {
            out.append("...(").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * The Unicode name form of a code point, {@code U+0041} for 'A', {@code U+1F600} above the BMP.
     *
     * @param cp a code point
     * @return {@code U+} and at least four upper-case hex digits
     */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    /**
     * {@code true} for every character a reader may take for a space: Java's whitespace (space, tab, line
     * feed, carriage return, ...) and Unicode's space separators ({@code U+00A0} no-break space, {@code U+2007}
     * figure space, {@code U+202F} narrow no-break space, ...), which {@link Character#isWhitespace(int)}
     * leaves out.
     *
     * @param cp a code point
     * @return whether it is whitespace in either sense
     */
    public static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /**
     * How a message names one character it rejects, so that a reader can find it even when it is
     * invisible:
     * <ul>
     *   <li>the four everyday whitespace characters by name: {@code a space}, {@code a tab (\t)},
     *       {@code a line feed (\n)}, {@code a carriage return (\r)};</li>
     *   <li>any other whitespace by its Unicode name and code point: {@code a no-break space (U+00A0)};</li>
     *   <li>a visible character quoted, with its code point: {@code '-' (U+002D)}, {@code 'õ' (U+00F5)};</li>
     *   <li>an invisible one (control, format, combining mark, unassigned...) by code point, and by name
     *       where that helps: {@code the character U+0007}, {@code the character U+200B (zero width space)}.</li>
     * </ul>
     *
     * @param cp a code point
     * @return a phrase to follow "got" in a message; never {@code null}
     */
    public static String describe(int cp) {
        switch (cp) {
            case ' ':
                return "a space";
            case '\t':
                return "a tab (\\t)";
            case '\n':
                return "a line feed (\\n)";
            case '\r':
                return "a carriage return (\\r)";
            default:
                break;
        }
        if (isWhitespace(cp)) {
            String name = name(cp);
            return article(name) + name + " (" + codePoint(cp) + ")";
        }
        int type = Character.getType(cp);
        boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
        if (!invisible) {
            return "'" + Character.toString(cp) + "' (" + codePoint(cp) + ")";
        }
        boolean named = type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
        return "the character " + codePoint(cp) + (named ? " (" + name(cp) + ")" : "");
    }

    /**
     * The lower-case Unicode name of an assigned code point without a parenthesised abbreviation
     * ("FORM FEED (FF)" gives "form feed"); only called for whitespace, format characters and marks, which
     * all have a name.
     */
    private static String name(int cp) {
        return Character.getName(cp).replaceFirst(" \\(.*\\)$", "").toLowerCase(Locale.ROOT);
    }

    private static String article(String noun) {
        return switch (noun.charAt(0)) {
            case 'a', 'e', 'i', 'o', 'u' -> "an ";
            default -> "a ";
        };
    }
}
