package dev.ekoolkit.core.person;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalCodeTest {

    private static final String CHECKSUM_RULE = " for the first ten digits (weights 1 2 3 4 5 6 7 8 9 1 mod 11;"
            + " if 10, weights 3 4 5 6 7 8 9 1 2 3 mod 11; if 10 again, 0); got ";

    private static EkoolOAuthException rejection(String value) {
        try {
            PersonalCode.parse(value);
        } catch (EkoolOAuthException e) {
            return e;
        }
        throw new AssertionError("accepted " + value);
    }

    @Test
    void accepts_the_documented_example() {
        assertThat(PersonalCode.parse("36805280109").value()).isEqualTo("36805280109");
    }

    @Test
    void derives_the_birth_date_with_the_century_from_the_first_digit() {
        assertThat(PersonalCode.parse("36805280109").birthDate()).isEqualTo(LocalDate.of(1968, 5, 28));
    }

    @Test
    void derives_male_from_an_odd_first_digit() {
        assertThat(PersonalCode.parse("36805280109").sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void derives_female_from_an_even_first_digit() {
        PersonalCode code = PersonalCode.generate(LocalDate.of(2004, 2, 29), Sex.FEMALE, 12);
        assertThat(code.value()).startsWith("6040229012");
        assertThat(code.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void derives_an_1800s_birth_date_from_first_digit_1() {
        assertThat(PersonalCode.generate(LocalDate.of(1899, 12, 31), Sex.MALE, 0).birthDate())
                .isEqualTo(LocalDate.of(1899, 12, 31));
    }

    @Test
    void is_rejected_as_invalid_request() {
        EkoolOAuthException e = rejection("36805280108");
        assertThat(e.error()).isEqualTo("invalid_request");
        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void rejects_null_and_says_so() {
        assertThat(rejection(null).errorDescription())
                .isEqualTo("personal code must be 11 digits GYYMMDDSSSC (Estonian isikukood); got no value");
    }

    @Test
    void rejects_empty_and_says_so() {
        assertThat(rejection("").errorDescription())
                .isEqualTo("personal code must be 11 digits GYYMMDDSSSC (Estonian isikukood); got an empty value");
    }

    @Test
    void rejects_only_whitespace_and_says_so() {
        assertThat(rejection("   ").errorDescription())
                .isEqualTo("personal code must be 11 digits GYYMMDDSSSC (Estonian isikukood); got only whitespace (3 characters)");
    }

    @Test
    void rejects_a_pasted_trailing_newline_and_says_so() {
        assertThat(rejection("36805280109\n").errorDescription())
                .isEqualTo("personal code must not end with whitespace; got a line feed (\\n) at position 12 (a pasted line break?)");
    }

    @Test
    void calls_a_trailing_space_a_space_and_not_a_pasted_line_break() {
        assertThat(rejection("36805280109 ").errorDescription())
                .isEqualTo("personal code must not end with whitespace; got a space at position 12");
    }

    @Test
    void suspects_a_pasted_line_break_for_a_trailing_carriage_return() {
        assertThat(rejection("36805280109\r").errorDescription())
                .isEqualTo("personal code must not end with whitespace; got a carriage return (\\r) at position 12"
                        + " (a pasted line break?)");
    }

    @Test
    void calls_a_trailing_no_break_space_by_its_name() {
        assertThat(rejection("36805280109\u00a0").errorDescription())
                .isEqualTo("personal code must not end with whitespace; got a no-break space (U+00A0) at position 12");
    }

    @Test
    void calls_a_value_of_only_no_break_spaces_only_whitespace() {
        assertThat(rejection("\u00a0\u00a0").errorDescription())
                .isEqualTo("personal code must be 11 digits GYYMMDDSSSC (Estonian isikukood); got only whitespace (2 characters)");
    }

    @Test
    void rejects_a_leading_space_and_says_so() {
        assertThat(rejection(" 36805280109").errorDescription())
                .isEqualTo("personal code must not start with whitespace; got a space at position 1");
    }

    @Test
    void rejects_a_single_digit_in_the_singular() {
        assertThat(rejection("3").errorDescription())
                .isEqualTo("personal code must be 11 digits GYYMMDDSSSC (Estonian isikukood); got 1 character");
    }

    @Test
    void rejects_10_digits_and_says_so() {
        assertThat(rejection("3680528010").errorDescription())
                .isEqualTo("personal code must be 11 digits GYYMMDDSSSC (Estonian isikukood); got 10 characters");
    }

    @Test
    void rejects_12_digits_and_says_so() {
        assertThat(rejection("368052801090").errorDescription())
                .isEqualTo("personal code must be 11 digits GYYMMDDSSSC (Estonian isikukood); got 12 characters");
    }

    @Test
    void rejects_a_dash_and_names_its_position() {
        assertThat(rejection("3680528-109").errorDescription())
                .isEqualTo("personal code must contain only digits 0-9; got '-' (U+002D) at position 8");
    }

    @Test
    void rejects_a_non_ascii_character_by_code_point() {
        assertThat(rejection("3680528õ109").errorDescription())
                .isEqualTo("personal code must contain only digits 0-9; got 'õ' (U+00F5) at position 8");
    }

    @Test
    void rejects_first_digit_0_and_says_so() {
        assertThat(rejection("06805280109").errorDescription())
                .isEqualTo("personal code position 1 (G, century and sex) must be 1-6 (1/2: 1800s, 3/4: 1900s,"
                        + " 5/6: 2000s; odd: male, even: female); got 0");
    }

    @Test
    void rejects_first_digit_7_and_says_so() {
        assertThat(rejection("76805280109").errorDescription()).endsWith("; got 7");
    }

    @Test
    void rejects_month_13_and_says_so() {
        assertThat(rejection("36813280109").errorDescription())
                .isEqualTo("personal code positions 4-5 (MM, birth month) must be 01-12; got 13");
    }

    @Test
    void rejects_month_00_and_says_so() {
        assertThat(rejection("36800280109").errorDescription())
                .isEqualTo("personal code positions 4-5 (MM, birth month) must be 01-12; got 00");
    }

    @Test
    void rejects_day_00_and_says_so() {
        assertThat(rejection("36805000109").errorDescription())
                .isEqualTo("personal code positions 6-7 (DD, birth day) must be 01-31 for month 05 of that year; got 00");
    }

    @Test
    void rejects_31_april_and_says_so() {
        assertThat(rejection("36804310109").errorDescription())
                .isEqualTo("personal code positions 6-7 (DD, birth day) must be 01-30 for month 04 of that year; got 31");
    }

    @Test
    void rejects_29_february_of_a_common_year() {
        assertThat(rejection("60102290000").errorDescription())
                .isEqualTo("personal code positions 6-7 (DD, birth day) must be 01-28 for month 02 of that year; got 29");
    }

    @Test
    void rejects_29_february_1900_which_was_not_a_leap_year() {
        assertThat(rejection("30002290000").errorDescription())
                .isEqualTo("personal code positions 6-7 (DD, birth day) must be 01-28 for month 02 of that year; got 29");
    }

    @Test
    void accepts_29_february_2000_which_was_a_leap_year() {
        PersonalCode code = PersonalCode.generate(LocalDate.of(2000, 2, 29), Sex.MALE, 1);
        assertThat(PersonalCode.parse(code.value()).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void rejects_a_wrong_check_digit_giving_expected_and_actual() {
        assertThat(rejection("36805280108").errorDescription())
                .isEqualTo("personal code position 11 (check digit) must be 9" + CHECKSUM_RULE + "8");
    }

    @Test
    void computes_the_check_digit_with_the_first_weights() {
        assertThat(PersonalCode.checkDigit("3680528010")).isEqualTo(9);
    }

    @Test
    void falls_back_to_the_second_weights_when_the_first_give_10() {
        // 5010101013: 5+0+3+0+5+0+7+0+9+3 = 32 -> 10; second: 15+0+5+0+7+0+9+0+2+9 = 47 -> 3
        assertThat(PersonalCode.checkDigit("5010101013")).isEqualTo(3);
    }

    @Test
    void gives_0_when_both_weight_rounds_give_10() {
        // 2120209120: first 2+2+6+0+10+0+63+8+18+0 = 109 -> 10; second 6+4+10+0+14+0+81+1+4+0 = 120 -> 10
        assertThat(PersonalCode.checkDigit("2120209120")).isZero();
    }

    @Test
    void rejects_a_check_digit_input_that_is_not_ten_digits() {
        assertThatIllegalArgumentException().isThrownBy(() -> PersonalCode.checkDigit("123"))
                .withMessage("checkDigit needs exactly 10 digits; got 3 characters");
    }

    @Test
    void cannot_detect_every_single_digit_change_as_the_algorithm_is_documented() {
        assertThat(PersonalCode.isValid("27202091200")).isTrue();
        assertThat(PersonalCode.isValid("21202091200")).isTrue();
    }

    @Test
    void masks_all_but_the_first_and_last_digit() {
        assertThat(PersonalCode.parse("36805280109").masked()).isEqualTo("3*********9");
    }

    @Test
    void never_prints_the_whole_code() {
        assertThat(PersonalCode.parse("36805280109")).hasToString("PersonalCode[3*********9]");
    }

    @Test
    void never_repeats_the_code_in_a_rejection() {
        assertThat(rejection("36805280108").getMessage()).doesNotContain("3680528010");
    }

    @Test
    void generates_the_code_for_a_birth_date_sex_and_serial() {
        assertThat(PersonalCode.generate(LocalDate.of(1968, 5, 28), Sex.MALE, 10).value()).isEqualTo("36805280109");
    }

    @Test
    void generates_valid_codes_from_a_secure_random() {
        PersonalCode code = PersonalCode.generate(new SecureRandom());
        assertThat(PersonalCode.isValid(code.value())).isTrue();
    }

    @Test
    void generates_the_same_code_from_the_same_seed() {
        assertThat(PersonalCode.generate(new SplittableRandom(7))).isEqualTo(PersonalCode.generate(new SplittableRandom(7)));
    }

    @Test
    void refuses_to_generate_for_a_birth_date_before_1800() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PersonalCode.generate(LocalDate.of(1799, 12, 31), Sex.MALE, 0))
                .withMessage("birthDate must be from 1800-01-01 to 2099-12-31 for a personal code; got 1799-12-31");
    }

    @Test
    void refuses_to_generate_for_serial_1000() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PersonalCode.generate(LocalDate.of(2000, 1, 1), Sex.MALE, 1000))
                .withMessage("serial must be 0 to 999 for a personal code; got 1000");
    }

    @Test
    void of_rejects_exactly_as_parse_does() {
        assertThatThrownBy(() -> PersonalCode.of("36805280108"))
                .isInstanceOf(EkoolOAuthException.class)
                .hasMessage(rejection("36805280108").getMessage());
    }

    /** A generator that always draws the given end of each range, to pin down {@code generate(RandomGenerator)}. */
    private record Pinned(boolean highest) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only ranges are drawn");
        }

        @Override
        public long nextLong(long origin, long bound) {
            return highest ? bound - 1 : origin;
        }

        @Override
        public int nextInt(int bound) {
            return highest ? bound - 1 : 0;
        }

        @Override
        public boolean nextBoolean() {
            return highest;
        }
    }

    @Test
    void draws_random_codes_up_to_the_last_day_of_2099_and_serial_999() {
        assertThat(PersonalCode.generate(new Pinned(true)).value()).isEqualTo("59912319999");
    }

    @Test
    void draws_random_codes_from_the_first_day_of_1800_and_serial_0() {
        assertThat(PersonalCode.generate(new Pinned(false)).value()).isEqualTo("20001010003");
    }

    @Test
    void reads_the_sex_from_every_first_digit() {
        assertThat(PersonalCode.parse("18001010007").sex()).isEqualTo(Sex.MALE);
        assertThat(PersonalCode.parse("20001010003").sex()).isEqualTo(Sex.FEMALE);
        assertThat(PersonalCode.parse("36805280109").sex()).isEqualTo(Sex.MALE);
        assertThat(PersonalCode.parse("46805280103").sex()).isEqualTo(Sex.FEMALE);
        assertThat(PersonalCode.parse("50101010133").sex()).isEqualTo(Sex.MALE);
        assertThat(PersonalCode.parse("60101010130").sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void builds_from_typed_input_as_parse_does() {
        assertThat(PersonalCode.of("36805280109").value()).isEqualTo("36805280109");
    }

    @Test
    void check_digit_refuses_a_non_digit_and_names_its_position() {
        assertThatIllegalArgumentException().isThrownBy(() -> PersonalCode.checkDigit("36805a8010"))
                .withMessage("checkDigit needs exactly 10 digits; got a non-digit at position 6");
        assertThatIllegalArgumentException().isThrownBy(() -> PersonalCode.checkDigit("368052801/"))
                .withMessage("checkDigit needs exactly 10 digits; got a non-digit at position 10");
    }
}
