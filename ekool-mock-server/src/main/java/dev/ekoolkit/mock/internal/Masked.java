package dev.ekoolkit.mock.internal;

import dev.ekoolkit.core.internal.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * How the mock shows a value it must not repeat: its length and the kinds of characters in it, never the
 * characters themselves. Used for a {@code client_id} that is not a registered client's id, which may well
 * be a secret pasted into the wrong field.
 */
public final class Masked {

    private Masked() {
    }

    /**
     * A {@code client_id} as the mock may show it: a registered client's id as it is (printable, at most 64
     * characters), any other text only through {@link #unregisteredClientId}.
     *
     * @param value      the id as received, or {@code null}
     * @param registered whether a registered client has exactly this id
     * @return {@code null} when {@code value} is {@code null}
     */
    public static String clientId(String value, boolean registered) {
        if (value == null) {
            return null;
        }
        return registered ? Text.printable(value, 64) : unregisteredClientId(value);
    }

    /**
     * A {@code client_id} that no registered client has, for the journal, error descriptions and pages:
     * {@code <unregistered client_id: 40 characters, letters and digits>}.
     *
     * @param value the id as received; not {@code null}
     */
    public static String unregisteredClientId(String value) {
        int length = value.codePointCount(0, value.length());
        String classes = classes(value);
        return "<unregistered client_id: " + length + (length == 1 ? " character" : " characters")
                + (classes.isEmpty() ? "" : ", " + classes) + ">";
    }

    /** The kinds of characters in {@code value}, in a fixed order, joined as an English list. */
    static String classes(String value) {
        boolean letters = false;
        boolean digits = false;
        boolean punctuation = false;
        boolean spaces = false;
        boolean controls = false;
        boolean nonAscii = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x80) {
                nonAscii = true;
            } else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) {
                letters = true;
            } else if (cp >= '0' && cp <= '9') {
                digits = true;
            } else if (cp == ' ') {
                spaces = true;
            } else if (cp < 0x20 || cp == 0x7f) {
                controls = true;
            } else {
                punctuation = true;
            }
        }
        List<String> kinds = new ArrayList<>();
        if (letters) {
            kinds.add("letters");
        }
        if (digits) {
            kinds.add("digits");
        }
        if (punctuation) {
            kinds.add("punctuation");
        }
        if (spaces) {
            kinds.add("spaces");
        }
        if (controls) {
            kinds.add("control characters");
        }
        if (nonAscii) {
            kinds.add("non-ASCII characters");
        }
        if (kinds.size() <= 1) {
            return String.join("", kinds);
        }
        return String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
    }
}
