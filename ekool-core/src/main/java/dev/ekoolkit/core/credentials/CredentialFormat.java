package dev.ekoolkit.core.credentials;

import dev.ekoolkit.core.internal.Text;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The format rules of eKool client credentials, as eKool's help article states them: a
 * {@code client_id} is exactly 32 letters or digits and a {@code client_secret} exactly 40, both from
 * {@code A-Z, a-z, 0-9}.
 *
 * <p>{@link #check(String, String)} reports <em>every</em> violation of both values at once, each with
 * a message naming the field, the rule and what was received. Leading and trailing whitespace (a
 * pasted line break is the most common real mistake) is reported as such and named for what it is
 * (a space, a tab, a line feed, a no-break space...), never silently trimmed. Secret
 * values never appear in a message: only their length and the position of the first bad character.
 *
 * <pre>{@code
 * List<Violation> problems = CredentialFormat.check(idFromEnv, secretFromEnv);
 * problems.forEach(v -> System.err.println(v.message()));
 * }</pre>
 */
public final class CredentialFormat {

    /** The exact length of a {@code client_id}: 32 characters. */
    public static final int CLIENT_ID_LENGTH = 32;
    /** The exact length of a {@code client_secret}: 40 characters. */
    public static final int CLIENT_SECRET_LENGTH = 40;
    /** The alphabet both values are drawn from. */
    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";

    private CredentialFormat() {
    }

    /**
     * Every violation of the {@code client_id} and {@code client_secret} formats, in that order; empty
     * when both are well-formed.
     *
     * @param clientId     the client id as received, possibly {@code null}
     * @param clientSecret the client secret as received, possibly {@code null}; never echoed
     * @return the violations of both fields, client id first; immutable
     */
    public static List<Violation> check(String clientId, CharSequence clientSecret) {
        List<Violation> all = new ArrayList<>(checkClientId(clientId));
        all.addAll(checkClientSecret(clientSecret));
        return List.copyOf(all);
    }

    /**
     * Every violation of the {@code client_id} format: exactly 32 letters or digits.
     *
     * @param clientId the value as received, possibly {@code null}
     * @return the violations, empty when well-formed; immutable
     */
    public static List<Violation> checkClientId(String clientId) {
        return checkField(CLIENT_ID, CLIENT_ID_LENGTH, clientId, true);
    }

    /**
     * Every violation of the {@code client_secret} format: exactly 40 letters or digits. Messages carry
     * the length received and the position of the first bad character, never the value or the character.
     *
     * @param clientSecret the value as received, possibly {@code null}
     * @return the violations, empty when well-formed; immutable
     */
    public static List<Violation> checkClientSecret(CharSequence clientSecret) {
        return checkField(CLIENT_SECRET, CLIENT_SECRET_LENGTH, clientSecret, false);
    }

    /**
     * {@code true} when the character is in {@code A-Z, a-z, 0-9}.
     *
     * @param codePoint the code point
     * @return {@code true} when the character is in {@code A-Z, a-z, 0-9}
     */
    public static boolean isAlphanumeric(int codePoint) {
        return (codePoint >= 'A' && codePoint <= 'Z')
                || (codePoint >= 'a' && codePoint <= 'z')
                || (codePoint >= '0' && codePoint <= '9');
    }

    /** A random string of {@code length} characters from {@link #ALPHABET}, drawn from {@code random}. */
    static String randomAlphanumeric(SecureRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    private static List<Violation> checkField(String field, int length, CharSequence value, boolean showCharacter) {
        String rule = field + " must be exactly " + length + " letters or digits (A-Z, a-z, 0-9)";
        if (value == null || value.length() == 0) {
            return List.of(new Violation(field, Violation.Rule.MISSING,
                    rule + "; got " + (value == null ? "no value" : "an empty value")));
        }
        int[] cps = value.toString().codePoints().toArray();
        List<Violation> violations = new ArrayList<>();
        int start = 0;
        while (start < cps.length && Text.isWhitespace(cps[start])) {
            start++;
        }
        if (start == cps.length) {
            return List.of(new Violation(field, Violation.Rule.WHITESPACE,
                    rule + "; got only whitespace (" + characters(cps.length) + ")"));
        }
        int end = cps.length;
        while (Text.isWhitespace(cps[end - 1])) { // stops at cps[start] at the latest: it is not whitespace
            end--;
        }
        if (start > 0) {
            violations.add(new Violation(field, Violation.Rule.WHITESPACE,
                    field + " must not start with whitespace; got " + Text.describe(cps[0])
                            + " at position 1" + (start > 1 ? " and " + (start - 1) + " more" : "")));
        }
        if (end < cps.length) {
            int trailing = cps.length - end;
            violations.add(new Violation(field, Violation.Rule.WHITESPACE,
                    field + " must not end with whitespace; got " + Text.describe(cps[end])
                            + " at position " + (end + 1) + (trailing > 1 ? " and " + (trailing - 1) + " more" : "")
                            + (hasLineBreak(cps, end) ? " (a pasted line break?)" : "")));
        }
        int coreLength = end - start;
        if (coreLength != length) {
            String received = start > 0 || end < cps.length
                    ? characters(coreLength) + " without the whitespace (" + cps.length + " with it)"
                    : characters(cps.length);
            violations.add(new Violation(field, Violation.Rule.LENGTH, rule + "; got " + received));
        }
        for (int i = start; i < end; i++) {
            if (!isAlphanumeric(cps[i])) {
                String what = showCharacter
                        ? "got " + Text.describe(cps[i]) + " at position " + (i + 1)
                        : "got a character outside that alphabet at position " + (i + 1);
                violations.add(new Violation(field, Violation.Rule.ALPHABET,
                        field + " must contain only letters and digits (A-Z, a-z, 0-9); " + what));
                break;
            }
        }
        return List.copyOf(violations);
    }

    private static String characters(int count) {
        return count == 1 ? "1 character" : count + " characters";
    }

    /** Whether the whitespace from {@code from} to the end holds a line feed or carriage return. */
    private static boolean hasLineBreak(int[] cps, int from) {
        for (int i = from; i < cps.length; i++) {
            if (cps[i] == '\n' || cps[i] == '\r') {
                return true;
            }
        }
        return false;
    }
}
