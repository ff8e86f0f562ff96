package dev.ekoolkit.core.credentials;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

class CredentialFormatPropertiesTest {

    private static final int EXAMPLES = 2000;
    private static final String WHITESPACE = " \t\n\r\u000b\f\u00a0\u2028\u3000";

    /**
     * eKool's alphabet as its help article states it, written out here rather than taken from
     * {@link CredentialFormat#ALPHABET}, so that an over-permissive alphabet in the code cannot hide itself.
     */
    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz" + "0123456789";

    /**
     * Code points an implementation may wrongly accept as letters or digits: digits of other scripts and widths
     * (full-width, Arabic-Indic, Devanagari, mathematical bold, superscript), letters that case-fold or look like
     * ASCII ({@code ſ} U+017F, the Kelvin sign U+212A, the Angstrom sign U+212B, dotless and dotted i, Cyrillic and
     * Greek look-alikes, full-width letters), combining marks, zero-width and invisible characters, an emoji.
     * (Whitespace such as the no-break space has its own tests: at the ends it is a whitespace violation.)
     */
    private static final int[] LOOKALIKES = {
        0xFF10, 0xFF11, 0xFF19, 0x0660, 0x0663, 0x0669, 0x06F5, 0x0966, 0x096F, 0x1D7CE, 0x1D7D7, 0x00B2, 0x2460,
        0x017F, 0x212A, 0x212B, 0x0131, 0x0130, 0x0430, 0x0435, 0x043E, 0x0391, 0x039F, 0xFF21, 0xFF41, 0x00E9,
        0x0301, 0x0308, 0x20DD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x1F600,
    };

    /** Strings of exactly {@code length} characters from {@code A-Z, a-z, 0-9}. */
    private static Gen<String> alphanumeric(int length) {
        return alphanumericBetween(length, length);
    }

    private static Gen<String> alphanumericBetween(int min, int max) {
        return strings().betweenCodePoints(0, LETTERS_AND_DIGITS.length() - 1).ofLengthBetween(min, max)
                .map(s -> s.chars().map(LETTERS_AND_DIGITS::charAt)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    /** {@code true} for A-Z, a-z and 0-9 by a rule independent of {@link CredentialFormat}. */
    private static boolean inAlphabet(int cp) {
        return Character.toString(cp).matches("[A-Za-z0-9]");
    }

    /** Characters outside the alphabet that are not whitespace either, from ASCII and beyond. */
    private static Gen<Integer> outsideTheAlphabet() {
        return integers().between(0x21, 0x2FFF).mix(lookalikes(), 30).mix(otherLettersAndDigits(), 30)
                .assuming(cp -> !inAlphabet(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                        && !(cp <= 0xFFFF && Character.isSurrogate((char) (int) cp)));
    }

    /** One of {@link #LOOKALIKES}. */
    private static Gen<Integer> lookalikes() {
        return integers().between(0, LOOKALIKES.length - 1).map(i -> LOOKALIKES[i]);
    }

    /** Any letter or digit of the Basic Multilingual Plane beyond ASCII. */
    private static Gen<Integer> otherLettersAndDigits() {
        return integers().between(0x80, 0xFFFF).assuming(Character::isLetterOrDigit);
    }

    /** The code point in Unicode notation, computed here. */
    private static String unicode(int cp) {
        return String.format("U+%04X", cp);
    }

    private static List<Violation.Rule> rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).toList();
    }

    @Test
    void every_well_formed_client_id_is_accepted() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(32))
                .checkAssert(id -> assertThat(ClientId.parse(id).value()).isEqualTo(id));
    }

    @Test
    void every_well_formed_client_secret_is_accepted() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(40))
                .checkAssert(secret -> assertThat(ClientSecret.parse(secret).matches(secret)).isTrue());
    }

    @Test
    void every_well_formed_pair_is_accepted() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(32), alphanumeric(40))
                .checkAssert((id, secret) -> {
                    assertThat(CredentialFormat.check(id, secret)).isEmpty();
                    assertThat(ClientCredentials.parse(id, secret).clientId().value()).isEqualTo(id);
                });
    }

    @Test
    void every_client_id_of_another_length_is_rejected_for_its_length_only() {
        qt().withExamples(EXAMPLES).forAll(alphanumericBetween(1, 80).assuming(s -> s.length() != 32))
                .checkAssert(id -> assertThat(CredentialFormat.checkClientId(id)).singleElement().satisfies(v -> {
                    assertThat(v.rule()).isEqualTo(Violation.Rule.LENGTH);
                    assertThat(v.message()).isEqualTo("client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9); got "
                            + id.length() + (id.length() == 1 ? " character" : " characters"));
                }));
    }

    @Test
    void every_client_secret_of_another_length_is_rejected_for_its_length_only() {
        qt().withExamples(EXAMPLES).forAll(alphanumericBetween(1, 80).assuming(s -> s.length() != 40))
                .checkAssert(secret -> assertThat(rules(CredentialFormat.checkClientSecret(secret)))
                        .containsExactly(Violation.Rule.LENGTH));
    }

    @Test
    void a_client_id_with_a_character_outside_the_alphabet_is_rejected_at_that_position() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(32), integers().between(0, 31), outsideTheAlphabet())
                .checkAssert((valid, index, bad) -> {
                    String id = valid.substring(0, index) + Character.toString(bad) + valid.substring(index + 1);
                    assertThat(CredentialFormat.checkClientId(id)).singleElement().satisfies(v -> {
                        assertThat(v.rule()).isEqualTo(Violation.Rule.ALPHABET);
                        assertThat(v.message())
                                .startsWith("client_id must contain only letters and digits (A-Z, a-z, 0-9); got ")
                                .contains(unicode(bad))
                                .endsWith(" at position " + (index + 1));
                    });
                });
    }

    @Test
    void a_client_secret_with_a_character_outside_the_alphabet_is_rejected_without_showing_it() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(40), integers().between(0, 39), outsideTheAlphabet())
                .checkAssert((valid, index, bad) -> {
                    String secret = valid.substring(0, index) + Character.toString(bad) + valid.substring(index + 1);
                    assertThat(CredentialFormat.checkClientSecret(secret)).singleElement().satisfies(v -> {
                        assertThat(v.rule()).isEqualTo(Violation.Rule.ALPHABET);
                        assertThat(v.message()).isEqualTo("client_secret must contain only letters and digits"
                                + " (A-Z, a-z, 0-9); got a character outside that alphabet at position " + (index + 1));
                    });
                });
    }

    @Test
    void surrounding_whitespace_is_reported_as_whitespace_and_nothing_else() {
        Gen<String> whitespace = integers().between(0, WHITESPACE.length() - 1).map(i -> String.valueOf(WHITESPACE.charAt(i)));
        qt().withExamples(EXAMPLES).forAll(alphanumeric(32), whitespace, integers().between(0, 2))
                .checkAssert((id, ws, where) -> {
                    String pasted = (where != 1 ? ws : "") + id + (where != 0 ? ws : "");
                    List<Violation.Rule> rules = rules(CredentialFormat.checkClientId(pasted));
                    assertThat(rules).containsOnly(Violation.Rule.WHITESPACE).hasSize(where == 2 ? 2 : 1);
                });
    }

    @Test
    void any_ascii_string_is_accepted_exactly_when_it_is_32_letters_or_digits() {
        qt().withExamples(EXAMPLES).forAll(strings().ascii().ofLengthBetween(0, 40).mix(alphanumeric(32), 30))
                .checkAssert(id -> assertThat(CredentialFormat.checkClientId(id).isEmpty())
                        .isEqualTo(id.matches("[A-Za-z0-9]{32}")));
    }

    @Test
    void a_lookalike_letter_or_digit_is_never_accepted_in_a_client_id() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(32), integers().between(0, 31), lookalikes().mix(otherLettersAndDigits(), 50))
                .checkAssert((valid, index, bad) -> {
                    String id = valid.substring(0, index) + Character.toString(bad) + valid.substring(index + 1);
                    assertThat(CredentialFormat.checkClientId(id)).extracting(Violation::rule)
                            .containsExactly(Violation.Rule.ALPHABET);
                    assertThat(CredentialFormat.isAlphanumeric(bad)).as(unicode(bad)).isFalse();
                });
    }

    @Test
    void a_lookalike_letter_or_digit_is_never_accepted_in_a_client_secret() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(40), integers().between(0, 39), lookalikes().mix(otherLettersAndDigits(), 50))
                .checkAssert((valid, index, bad) -> {
                    String secret = valid.substring(0, index) + Character.toString(bad) + valid.substring(index + 1);
                    assertThat(CredentialFormat.checkClientSecret(secret)).extracting(Violation::message)
                            .containsExactly("client_secret must contain only letters and digits (A-Z, a-z, 0-9);"
                                    + " got a character outside that alphabet at position " + (index + 1));
                });
    }

    @Test
    void the_published_alphabet_is_exactly_the_letters_and_digits_of_ascii() {
        assertThat(CredentialFormat.ALPHABET.chars().sorted().toArray())
                .isEqualTo(LETTERS_AND_DIGITS.chars().sorted().toArray());
        List<String> disagreements = new ArrayList<>();
        for (int cp = 0; cp <= 0x1FFFF; cp++) {
            if (CredentialFormat.isAlphanumeric(cp) != (cp < 0x80 && inAlphabet(cp))) {
                disagreements.add(unicode(cp));
            }
        }
        assertThat(disagreements).as("code points where isAlphanumeric disagrees with [A-Za-z0-9]").isEmpty();
    }

    @Test
    void any_string_of_ascii_and_lookalikes_is_accepted_exactly_when_it_is_32_letters_or_digits() {
        Gen<String> mixed = lists().of(integers().between(0x20, 0x7e).mix(lookalikes(), 20)).ofSizeBetween(0, 34)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
        qt().withExamples(EXAMPLES).forAll(mixed.mix(alphanumeric(32), 30))
                .checkAssert(id -> assertThat(CredentialFormat.checkClientId(id).isEmpty())
                        .as(id).isEqualTo(id.matches("[A-Za-z0-9]{32}")));
    }

    @Test
    void a_secret_never_appears_in_any_violation() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(40), integers().between(0, 45), outsideTheAlphabet())
                .checkAssert((valid, cut, bad) -> {
                    String secret = valid.substring(0, Math.min(cut, 40)) + Character.toString(bad) + valid.substring(Math.min(cut, 40));
                    CredentialFormat.checkClientSecret(secret).forEach(v -> assertThat(v.message())
                            .doesNotContain(valid.substring(0, 6)).doesNotContain(valid.substring(34)));
                });
    }
}
