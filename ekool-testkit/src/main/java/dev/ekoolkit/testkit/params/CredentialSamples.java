package dev.ekoolkit.testkit.params;

import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.credentials.Violation;
import dev.ekoolkit.core.credentials.Violation.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sample eKool client ids and secrets for testing an application's own configuration checks: well-formed ones,
 * and malformed ones each paired with the violation ekool-core reports. The expected violations are computed by
 * {@link CredentialFormat} itself, so they follow ekool-core's messages as they evolve; each sample also states the
 * rule it was written to break, and a sample that no longer breaks exactly that rule fails loudly.
 *
 * <p>The annotations {@link ValidClientIds}, {@link ValidClientSecrets}, {@link ValidClientCredentials},
 * {@link MalformedClientIds} and {@link MalformedClientSecrets} feed these to {@code @ParameterizedTest}s; the
 * methods serve {@code @MethodSource("dev.ekoolkit.testkit.params.CredentialSamples#malformedClientIds")} and
 * plain loops.
 */
public final class CredentialSamples {

    private static final String ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    private static final String SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";

    private CredentialSamples() {
    }

    /** Well-formed client ids: 32 letters or digits, mixed case, all digits, all upper, all lower. */
    public static List<String> validClientIds() {
        return List.of(ID, "01234567890123456789012345678901", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF",
                "abcdefghijklmnopqrstuvwxyzabcdef", "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4");
    }

    /** Well-formed client secrets: 40 letters or digits, mixed case, all digits, all upper, all lower. */
    public static List<String> validClientSecrets() {
        return List.of(SECRET, "0123456789012345678901234567890123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmn", "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2H1g0");
    }

    /** Malformed client ids, each with the one violation {@link CredentialFormat#checkClientId} reports. */
    public static List<MalformedCredential> malformedClientIds() {
        List<MalformedCredential> out = new ArrayList<>();
        Function<String, List<Violation>> check = CredentialFormat::checkClientId;
        add(out, check, "no value (null)", null, Rule.MISSING);
        add(out, check, "empty", "", Rule.MISSING);
        add(out, check, "only spaces", "    ", Rule.WHITESPACE);
        add(out, check, "31 characters", ID.substring(1), Rule.LENGTH);
        add(out, check, "33 characters", ID + "x", Rule.LENGTH);
        add(out, check, "a 40-character secret pasted as the id", SECRET, Rule.LENGTH);
        add(out, check, "a pasted line break at the end", ID + "\n", Rule.WHITESPACE);
        add(out, check, "a Windows line break at the end", ID + "\r\n", Rule.WHITESPACE);
        add(out, check, "a space at the start", " " + ID, Rule.WHITESPACE);
        add(out, check, "a hyphen inside", ID.substring(0, 8) + "-" + ID.substring(9), Rule.ALPHABET);
        add(out, check, "an underscore inside", ID.substring(0, 31) + "_", Rule.ALPHABET);
        add(out, check, "a non-ASCII letter inside", "õ" + ID.substring(1), Rule.ALPHABET);
        add(out, check, "a space inside", ID.substring(0, 16) + " " + ID.substring(17), Rule.ALPHABET);
        return List.copyOf(out);
    }

    /** Malformed client secrets, each with the one violation {@link CredentialFormat#checkClientSecret} reports. */
    public static List<MalformedCredential> malformedClientSecrets() {
        List<MalformedCredential> out = new ArrayList<>();
        Function<String, List<Violation>> check = CredentialFormat::checkClientSecret;
        add(out, check, "no value (null)", null, Rule.MISSING);
        add(out, check, "empty", "", Rule.MISSING);
        add(out, check, "only a line break", "\n", Rule.WHITESPACE);
        add(out, check, "39 characters", SECRET.substring(1), Rule.LENGTH);
        add(out, check, "41 characters", SECRET + "x", Rule.LENGTH);
        add(out, check, "a 32-character id pasted as the secret", ID, Rule.LENGTH);
        add(out, check, "a pasted line break at the end", SECRET + "\n", Rule.WHITESPACE);
        add(out, check, "a tab at the start", "\t" + SECRET, Rule.WHITESPACE);
        add(out, check, "a slash inside (base64?)", SECRET.substring(0, 20) + "/" + SECRET.substring(21), Rule.ALPHABET);
        add(out, check, "a plus inside (base64?)", SECRET.substring(0, 39) + "+", Rule.ALPHABET);
        add(out, check, "a non-ASCII letter inside", "ä" + SECRET.substring(1), Rule.ALPHABET);
        return List.copyOf(out);
    }

    private static void add(List<MalformedCredential> out, Function<String, List<Violation>> check, String label,
                            String value, Rule intended) {
        List<Violation> found = check.apply(value);
        if (found.size() != 1 || found.get(0).rule() != intended) {
            throw new IllegalStateException("the credential sample '" + label + "' was written to break only the "
                    + intended + " rule, but ekool-core reports " + found.stream().map(Violation::rule).toList()
                    + "; the sample needs updating to the current CredentialFormat");
        }
        out.add(new MalformedCredential(label, value, found.get(0)));
    }
}
