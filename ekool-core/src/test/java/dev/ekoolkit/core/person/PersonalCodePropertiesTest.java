package dev.ekoolkit.core.person;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

class PersonalCodePropertiesTest {

    private static final int EXAMPLES = 2000;

    private static Gen<LocalDate> birthDates() {
        return longs().between(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    private static Gen<Sex> sexes() {
        return integers().between(0, 1).map(i -> Sex.values()[i]);
    }

    private static Gen<PersonalCode> codes() {
        return birthDates().zip(sexes(), integers().between(0, 999), PersonalCode::generate);
    }

    /** The first round of weights, computed independently of the code under test. */
    private static int firstRound(String digits) {
        int[] weights = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }

    @Test
    void every_generated_code_is_accepted_and_gives_back_its_birth_date_and_sex() {
        qt().withExamples(EXAMPLES).forAll(birthDates(), sexes(), integers().between(0, 999))
                .checkAssert((date, sex, serial) -> {
                    PersonalCode code = PersonalCode.parse(PersonalCode.generate(date, sex, serial).value());
                    assertThat(code.birthDate()).isEqualTo(date);
                    assertThat(code.sex()).isEqualTo(sex);
                    assertThat(code.value().substring(7, 10)).isEqualTo(String.format("%03d", serial));
                });
    }

    @Test
    void the_check_digit_agrees_with_an_independent_computation() {
        int[] second = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
        qt().withExamples(EXAMPLES).forAll(strings().numericBetween(0, Integer.MAX_VALUE))
                .checkAssert(n -> {
                    String digits = String.format("%010d", Long.parseLong(n));
                    int first = firstRound(digits);
                    int sum = 0;
                    for (int i = 0; i < 10; i++) {
                        sum += (digits.charAt(i) - '0') * second[i];
                    }
                    int expected = first != 10 ? first : (sum % 11 == 10 ? 0 : sum % 11);
                    assertThat(PersonalCode.checkDigit(digits)).isEqualTo(expected);
                });
    }

    @Test
    void changing_the_check_digit_is_always_detected() {
        qt().withExamples(EXAMPLES).forAll(codes(), integers().between(1, 9)).checkAssert((code, delta) -> {
            String v = code.value();
            String changed = v.substring(0, 10) + (char) ('0' + (v.charAt(10) - '0' + delta) % 10);
            assertThatThrownBy(() -> PersonalCode.parse(changed)).isInstanceOf(EkoolOAuthException.class)
                    .hasMessageContaining("position 11 (check digit)");
        });
    }

    /**
     * Weights 1..9 are units mod 11, so a single changed digit always changes the first round's remainder; only the
     * fallback (a remainder of 10, then the second round, then 0) can map two codes to the same check digit.
     */
    @Test
    void a_single_changed_digit_is_detected_unless_the_second_round_of_weights_is_involved() {
        qt().withExamples(EXAMPLES).forAll(codes(), integers().between(0, 9), integers().between(1, 9))
                .checkAssert((code, index, delta) -> {
                    String v = code.value();
                    String changed = v.substring(0, index) + (char) ('0' + (v.charAt(index) - '0' + delta) % 10)
                            + v.substring(index + 1);
                    if (PersonalCode.isValid(changed)) {
                        assertThat(firstRound(v) == 10 || firstRound(changed) == 10)
                                .as("undetected change %s -> %s outside the fallback", v, changed).isTrue();
                    }
                });
    }

    @Test
    void a_single_changed_digit_is_detected_whenever_neither_code_needs_the_second_round() {
        qt().withExamples(EXAMPLES).forAll(codes(), integers().between(0, 9), integers().between(1, 9))
                .assuming((code, index, delta) -> {
                    String v = code.value();
                    String changed = v.substring(0, index) + (char) ('0' + (v.charAt(index) - '0' + delta) % 10)
                            + v.substring(index + 1);
                    return firstRound(v) != 10 && firstRound(changed) != 10;
                })
                .checkAssert((code, index, delta) -> {
                    String v = code.value();
                    String changed = v.substring(0, index) + (char) ('0' + (v.charAt(index) - '0' + delta) % 10)
                            + v.substring(index + 1);
                    assertThat(PersonalCode.isValid(changed)).as("%s -> %s", v, changed).isFalse();
                });
    }

    @Test
    void masking_never_shows_the_birth_date_or_serial() {
        qt().withExamples(EXAMPLES).forAll(codes()).checkAssert(code -> {
            assertThat(code.toString()).doesNotContain(code.value().substring(1, 10));
            assertThat(code.masked()).matches("[1-6]\\*{9}[0-9]");
        });
    }
}
