package dev.ekoolkit.core.credentials;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

class CredentialFormatPropertiesTest {

    private static final int EXAMPLES = 2000;
    private static final String WHITESPACE = " \t\n\r\u000b\f\u00a0\u2028\u3000";

    /** Strings of exactly {@code length} characters from {@code A-Z, a-z, 0-9}. */
    private static Gen<String> alphanumeric(int length) {
        return alphanumericBetween(length, length);
    }

    private static Gen<String> alphanumericBetween(int min, int max) {
        return strings().betweenCodePoints(0, CredentialFormat.ALPHABET.length() - 1).ofLengthBetween(min, max)
                .map(s -> s.chars().map(CredentialFormat.ALPHABET::charAt)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    /** Characters outside the alphabet that are not whitespace either, from ASCII and beyond. */
    private static Gen<Integer> outsideTheAlphabet() {
        return integers().between(0x21, 0x2FFF).assuming(cp -> !CredentialFormat.isAlphanumeric(cp)
                && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Character.isSurrogate((char) (int) cp));
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
                        assertThat(v.message()).endsWith(" at position " + (index + 1));
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
    void a_secret_never_appears_in_any_violation() {
        qt().withExamples(EXAMPLES).forAll(alphanumeric(40), integers().between(0, 45), outsideTheAlphabet())
                .checkAssert((valid, cut, bad) -> {
                    String secret = valid.substring(0, Math.min(cut, 40)) + Character.toString(bad) + valid.substring(Math.min(cut, 40));
                    CredentialFormat.checkClientSecret(secret).forEach(v -> assertThat(v.message())
                            .doesNotContain(valid.substring(0, 6)).doesNotContain(valid.substring(34)));
                });
    }
}
