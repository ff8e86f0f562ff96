package dev.ekoolkit.core.flow;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes text from servers and callbacks safe for exception messages: no secrets, no control characters, short. */
final class Redaction {

    static final int DESCRIPTION_LIMIT = 500;
    static final int EXCERPT_LIMIT = 160;

    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");

    private Redaction() {
    }

    /** The first four characters and the length: enough to tell two values apart, not enough to forge one. */
    static String abbreviate(String value) {
        if (value == null) {
            return "none";
        }
        if (value.length() <= 8) {
            return "**** (" + value.length() + " characters)";
        }
        return value.substring(0, 4) + "... (" + value.length() + " characters)";
    }

    /**
     * Replaces every occurrence of a known secret with {@code ****}, control characters with spaces,
     * collapses whitespace and caps the length.
     */
    static String clean(String text, Collection<String> secrets, int limit) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, "****");
            }
        }
        StringBuilder b = new StringBuilder(Math.min(out.length(), limit + 3));
        boolean space = false;
        for (int i = 0; i < out.length() && b.length() < limit; i++) {
            char c = out.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (!space && b.length() > 0) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        String result = b.toString().strip();
        return result.length() < out.strip().length() && b.length() >= limit ? result + "..." : result;
    }

    /**
     * A short, safe description of an unexpected response body: its content type, its size and either
     * the HTML {@code <title>} or the first characters of text, with known secrets removed.
     */
    static String excerpt(String body, String contentType, Collection<String> secrets) {
        return excerpt(body, contentType, secrets, true);
    }

    /**
     * As {@link #excerpt(String, String, Collection)}; with {@code quoteText} false only an HTML title is
     * quoted. Used for 200 answers, whose bodies may hold tokens or personal data in an unexpected shape.
     */
    static String excerpt(String body, String contentType, Collection<String> secrets, boolean quoteText) {
        String type = contentType == null || contentType.isBlank() ? "no Content-Type" : clean(contentType, secrets, 80);
        if (body == null || body.isEmpty()) {
            return type + ", empty body";
        }
        String text = body;
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.contains("<html") || lower.contains("<!doctype") || (contentType != null && contentType.contains("html"))) {
            Matcher m = HTML_TITLE.matcher(body);
            text = m.find() ? m.group(1) : quoteText ? HTML_TAG.matcher(body).replaceAll(" ") : null;
        } else if (!quoteText) {
            text = null;
        }
        if (text == null) {
            return type + ", " + body.length() + " characters";
        }
        return type + ", " + body.length() + " characters: '" + clean(text, secrets, EXCERPT_LIMIT) + "'";
    }
}
