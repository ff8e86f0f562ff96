package dev.ekoolkit.testkit.params;

import dev.ekoolkit.core.credentials.Violation;
import dev.ekoolkit.core.credentials.Violation.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Sample eKool client ids and secrets for testing an application's own configuration checks: well-formed ones,
 * and malformed ones each paired with the violation ekool-core reports for it. Every expected violation (rule and
 * message) is written out here by hand from eKool's format rules (32 or 40 characters from {@code A-Z, a-z, 0-9}),
 * not computed by ekool-core, so the samples also check ekool-core: its own tests run every sample through
 * {@code ClientId.parse} and {@code ClientSecret.parse}.
 *
 * <p>Besides everyday mistakes (a pasted line break, the other credential pasted in its place), the malformed
 * samples carry characters a careless implementation accepts: full-width and Arabic-Indic digits, Unicode letters
 * that look or case-fold like ASCII ({@code ſ} U+017F, the Kelvin sign U+212A, a Cyrillic {@code а}), a combining
 * mark, a zero-width space and a no-break space.
 *
 * <p>The annotations {@link ValidClientIds}, {@link ValidClientSecrets}, {@link ValidClientCredentials},
 * {@link MalformedClientIds} and {@link MalformedClientSecrets} feed these to {@code @ParameterizedTest}s; the
 * methods serve {@code @MethodSource("dev.ekoolkit.testkit.params.CredentialSamples#malformedClientIds")} and
 * plain loops.
 */
public final class CredentialSamples {

    private static final String ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    private static final String SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";

    private static final String ID_RULE = "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9); got ";
    private static final String ID_ALPHABET = "client_id must contain only letters and digits (A-Z, a-z, 0-9); got ";
    private static final String SECRET_RULE = "client_secret must be exactly 40 letters or digits (A-Z, a-z, 0-9); got ";
    private static final String SECRET_ALPHABET = "client_secret must contain only letters and digits (A-Z, a-z, 0-9);"
            + " got a character outside that alphabet at position ";

    private CredentialSamples() {
    }

    /**
     * Well-formed client ids: 32 letters or digits, mixed case, all digits, all upper, all lower.
     *
     * @return an immutable list
     */
    public static List<String> validClientIds() {
        return List.of(ID, "01234567890123456789012345678901", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF",
                "abcdefghijklmnopqrstuvwxyzabcdef", "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4");
    }

    /**
     * Well-formed client secrets: 40 letters or digits, mixed case, all digits, all upper, all lower.
     *
     * @return an immutable list
     */
    public static List<String> validClientSecrets() {
        return List.of(SECRET, "0123456789012345678901234567890123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmn", "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2H1g0");
    }

    /**
     * Malformed client ids, each with the one violation ekool-core reports for it.
     *
     * @return an immutable list, labels unique
     */
    public static List<MalformedCredential> malformedClientIds() {
        List<MalformedCredential> out = new ArrayList<>();
        String id = "client_id";
        add(out, id, "no value (null)", null, Rule.MISSING, ID_RULE + "no value");
        add(out, id, "empty", "", Rule.MISSING, ID_RULE + "an empty value");
        add(out, id, "only spaces", "    ", Rule.WHITESPACE, ID_RULE + "only whitespace (4 characters)");
        add(out, id, "31 characters", ID.substring(1), Rule.LENGTH, ID_RULE + "31 characters");
        add(out, id, "33 characters", ID + "x", Rule.LENGTH, ID_RULE + "33 characters");
        add(out, id, "a 40-character secret pasted as the id", SECRET, Rule.LENGTH, ID_RULE + "40 characters");
        add(out, id, "a pasted line break at the end", ID + "\n", Rule.WHITESPACE,
                "client_id must not end with whitespace; got a line feed (\\n) at position 33 (a pasted line break?)");
        add(out, id, "a Windows line break at the end", ID + "\r\n", Rule.WHITESPACE,
                "client_id must not end with whitespace; got a carriage return (\\r) at position 33 and 1 more"
                        + " (a pasted line break?)");
        add(out, id, "a space at the end", ID + " ", Rule.WHITESPACE,
                "client_id must not end with whitespace; got a space at position 33");
        add(out, id, "a no-break space at the end", ID + "\u00A0", Rule.WHITESPACE,
                "client_id must not end with whitespace; got a no-break space (U+00A0) at position 33");
        add(out, id, "a space at the start", " " + ID, Rule.WHITESPACE,
                "client_id must not start with whitespace; got a space at position 1");
        add(out, id, "a hyphen inside", ID.substring(0, 8) + "-" + ID.substring(9), Rule.ALPHABET,
                ID_ALPHABET + "'-' (U+002D) at position 9");
        add(out, id, "an underscore inside", ID.substring(0, 31) + "_", Rule.ALPHABET,
                ID_ALPHABET + "'_' (U+005F) at position 32");
        add(out, id, "a non-ASCII letter inside", "\u00F5" + ID.substring(1), Rule.ALPHABET,
                ID_ALPHABET + "'\u00F5' (U+00F5) at position 1");
        add(out, id, "a space inside", ID.substring(0, 16) + " " + ID.substring(17), Rule.ALPHABET,
                ID_ALPHABET + "a space at position 17");
        add(out, id, "a full-width digit", ID.substring(0, 31) + "\uFF11", Rule.ALPHABET,
                ID_ALPHABET + "'\uFF11' (U+FF11) at position 32");
        add(out, id, "an Arabic-Indic digit", "\u0663" + ID.substring(1), Rule.ALPHABET,
                ID_ALPHABET + "'\u0663' (U+0663) at position 1");
        add(out, id, "a long s, which upper-cases to S", ID.substring(0, 4) + "\u017F" + ID.substring(5), Rule.ALPHABET,
                ID_ALPHABET + "'\u017F' (U+017F) at position 5");
        add(out, id, "a Kelvin sign, which lower-cases to k", ID.substring(0, 9) + "\u212A" + ID.substring(10),
                Rule.ALPHABET, ID_ALPHABET + "'\u212A' (U+212A) at position 10");
        add(out, id, "a Cyrillic a that looks like a Latin a", "o\u0430" + ID.substring(2), Rule.ALPHABET,
                ID_ALPHABET + "'\u0430' (U+0430) at position 2");
        add(out, id, "a combining accent", ID.substring(0, 10) + "e\u0301" + ID.substring(12), Rule.ALPHABET,
                ID_ALPHABET + "the character U+0301 (combining acute accent) at position 12");
        add(out, id, "a zero-width space at the end", ID.substring(0, 31) + "\u200B", Rule.ALPHABET,
                ID_ALPHABET + "the character U+200B (zero width space) at position 32");
        return List.copyOf(out);
    }

    /**
     * Malformed client secrets, each with the one violation ekool-core reports for it; the messages never
     * show a secret's characters, only positions.
     *
     * @return an immutable list, labels unique
     */
    public static List<MalformedCredential> malformedClientSecrets() {
        List<MalformedCredential> out = new ArrayList<>();
        String secret = "client_secret";
        add(out, secret, "no value (null)", null, Rule.MISSING, SECRET_RULE + "no value");
        add(out, secret, "empty", "", Rule.MISSING, SECRET_RULE + "an empty value");
        add(out, secret, "only a line break", "\n", Rule.WHITESPACE, SECRET_RULE + "only whitespace (1 character)");
        add(out, secret, "39 characters", SECRET.substring(1), Rule.LENGTH, SECRET_RULE + "39 characters");
        add(out, secret, "41 characters", SECRET + "x", Rule.LENGTH, SECRET_RULE + "41 characters");
        add(out, secret, "a 32-character id pasted as the secret", ID, Rule.LENGTH, SECRET_RULE + "32 characters");
        add(out, secret, "a pasted line break at the end", SECRET + "\n", Rule.WHITESPACE,
                "client_secret must not end with whitespace; got a line feed (\\n) at position 41 (a pasted line break?)");
        add(out, secret, "a space at the end", SECRET + " ", Rule.WHITESPACE,
                "client_secret must not end with whitespace; got a space at position 41");
        add(out, secret, "a no-break space at the end", SECRET + "\u00A0", Rule.WHITESPACE,
                "client_secret must not end with whitespace; got a no-break space (U+00A0) at position 41");
        add(out, secret, "a tab at the start", "\t" + SECRET, Rule.WHITESPACE,
                "client_secret must not start with whitespace; got a tab (\\t) at position 1");
        add(out, secret, "a slash inside (base64?)", SECRET.substring(0, 20) + "/" + SECRET.substring(21), Rule.ALPHABET,
                SECRET_ALPHABET + "21");
        add(out, secret, "a plus inside (base64?)", SECRET.substring(0, 39) + "+", Rule.ALPHABET, SECRET_ALPHABET + "40");
        add(out, secret, "a non-ASCII letter inside", "\u00E4" + SECRET.substring(1), Rule.ALPHABET, SECRET_ALPHABET + "1");
        add(out, secret, "a full-width digit", SECRET.substring(0, 39) + "\uFF10", Rule.ALPHABET, SECRET_ALPHABET + "40");
        add(out, secret, "an Arabic-Indic digit", "\u0668" + SECRET.substring(1), Rule.ALPHABET, SECRET_ALPHABET + "1");
        add(out, secret, "a long s, which upper-cases to S", SECRET.substring(0, 4) + "\u017F" + SECRET.substring(5),
                Rule.ALPHABET, SECRET_ALPHABET + "5");
        add(out, secret, "a Kelvin sign, which lower-cases to k", SECRET.substring(0, 9) + "\u212A" + SECRET.substring(10),
                Rule.ALPHABET, SECRET_ALPHABET + "10");
        add(out, secret, "a combining accent", SECRET.substring(0, 10) + "e\u0301" + SECRET.substring(12), Rule.ALPHABET,
                SECRET_ALPHABET + "12");
        add(out, secret, "a zero-width space at the end", SECRET.substring(0, 39) + "\u200B", Rule.ALPHABET,
                SECRET_ALPHABET + "40");
        return List.copyOf(out);
    }

    private static void add(List<MalformedCredential> out, String field, String label, String value, Rule rule,
                            String message) {
        out.add(new MalformedCredential(label, value, new Violation(field, rule, message)));
    }
}
