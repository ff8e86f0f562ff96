package dev.ekoolkit.mock.internal;

import java.util.Locale;

/** Making untrusted text safe to quote in messages and pages. */
public final class Text {

    private Text() {
    }

    /** {@code value} with control and non-ASCII characters as {@code \\uXXXX} escapes, cut at {@code max} characters. */
    public static String printable(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 8);
        int limit = Math.min(value.length(), max);
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

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String html(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
