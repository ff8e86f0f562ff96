package dev.ekoolkit.core.person;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.DateTimeException;
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

    /** The second round with its fallback to 0, computed independently of the code under test. */
    private static int secondRoundDigit(String digits) {
        int[] weights = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 == 10 ? 0 : sum % 11;
    }

    /** The rules of an Estonian personal code read independently: G 1-6, a real date, the check digit. */
    private static boolean independentlyValid(String v) {
        if (!v.matches("[1-6][0-9]{10}")) {
            return false;
        }
        int year = 1800 + 100 * ((v.charAt(0) - '1') / 2) + Integer.parseInt(v.substring(1, 3));
        try {
            LocalDate.of(year, Integer.parseInt(v.substring(3, 5)), Integer.parseInt(v.substring(5, 7)));
        } catch (DateTimeException e) {
            return false;
        }
        int first = firstRound(v);
        int expected = first != 10 ? first : secondRoundDigit(v);
        return v.charAt(10) - '0' == expected;
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
     * Every code with one digit changed is accepted exactly when an independent reading of the rules accepts it.
     * Weights 1..9 are units mod 11, so only the fallback (a first remainder of 10, then the second round) can let
     * a changed digit through; about one code in eleven needs that round, so it is well exercised here.
     */
    @Test
    void a_code_with_one_changed_digit_is_accepted_exactly_when_an_independent_check_accepts_it() {
        qt().withExamples(EXAMPLES).forAll(codes(), integers().between(0, 10), integers().between(1, 9))
                .checkAssert((code, index, delta) -> {
                    String v = code.value();
                    String changed = v.substring(0, index) + (char) ('0' + (v.charAt(index) - '0' + delta) % 10)
                            + v.substring(index + 1);
                    assertThat(PersonalCode.isValid(changed)).as("%s -> %s", v, changed)
                            .isEqualTo(independentlyValid(changed));
                });
    }

    @Test
    void a_code_that_needs_the_second_round_gets_its_check_digit_from_it() {
        // nine digits, then the tenth (weight 1) that makes the first round's remainder 10; possible unless the
        // nine already sum to 0 mod 11, since the tenth digit would then have to be 10
        qt().withExamples(EXAMPLES).forAll(strings().numericBetween(0, 999_999_999)
                        .map(n -> String.format("%09d", Long.parseLong(n)))
                        .assuming(nine -> firstRound(nine + "0") != 0))
                .checkAssert(nine -> {
                    String firstTen = nine + (10 - firstRound(nine + "0") + 11) % 11;
                    assertThat(firstRound(firstTen)).isEqualTo(10);
                    assertThat(PersonalCode.checkDigit(firstTen)).as(firstTen).isEqualTo(secondRoundDigit(firstTen));
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
