package dev.ekoolkit.core.internal;

import java.util.Locale;

/** Making untrusted text safe to quote in messages, logs and pages: the one implementation in the toolkit. */
public final class Text {

    private Text() {
    }

    /**
     * {@code value} with every character outside printable ASCII (U+0020 to U+007E) written as a
     * {@code \\uXXXX} escape, cut after {@code max} characters with {@code ...(N characters)} saying
     * how long it was. {@code null} gives the empty string.
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

    /** The Unicode name form of a code point, {@code U+0041} for 'A', {@code U+1F600} above the BMP. */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
