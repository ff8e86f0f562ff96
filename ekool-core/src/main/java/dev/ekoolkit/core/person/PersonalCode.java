package dev.ekoolkit.core.person;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An Estonian personal code (isikukood) {@code GYYMMDDSSSC}: G gives century and sex (1/2 = 1800s,
 * 3/4 = 1900s, 5/6 = 2000s; odd = male), YYMMDD the birth date, SSS a serial and C the check digit
 * (weights 1 2 3 4 5 6 7 8 9 1 mod 11; if 10, weights 3 4 5 6 7 8 9 1 2 3 mod 11; if 10 again, 0).
 *
 * <p>A personal code is personal data: {@link #toString()} and {@link #masked()} show only the first and
 * the last digit ({@code PersonalCode[3*********9]}), and rejection messages name the rule and the
 * position but never repeat the whole code. Birth dates in the future are accepted (no clock is read).
 *
 * <pre>{@code
 * PersonalCode code = PersonalCode.parse("36805280109");
 * code.birthDate();   // 1968-05-28
 * code.sex();         // MALE
 * }</pre>
 *
 * <p>The check digit cannot catch every typo: a changed digit goes unnoticed when the original or the
 * changed code needs the second round of weights and both rounds end in the same check digit
 * (for example {@code 27202091200} and {@code 21202091200} are both valid).
 *
 * @param value the 11 digits; read it only to send it where it is needed
 */
public record PersonalCode(String value) {

    /** The number of digits of a personal code: 11. */
    public static final int LENGTH = 11;

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
    private static final String FORMAT_RULE = "personal code must be 11 digits GYYMMDDSSSC (Estonian isikukood)";
    private static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    /**
     * Validates length, digits, century-and-sex digit, birth date and check digit, in that order.
     *
     * @param value the 11 digits; read it only to send it where it is needed
     * @throws EkoolOAuthException {@code invalid_request} naming the first broken rule and its position
     */
    public PersonalCode {
        String problem = problem(value);
        if (problem != null) {
            throw EkoolOAuthException.invalidRequest(problem);
        }
    }

    /**
     * A personal code from trusted, typed input; rejects bad input exactly as {@link #parse(String)} does.
     *
     * @param value the 11 digits; read it only to send it where it is needed
     * @return a personal code from trusted, typed input; rejects bad input exactly as {@link #parse(String)} does
     */
    public static PersonalCode of(String value) {
        return new PersonalCode(value);
    }

    /**
     * A personal code from text received from outside; nothing is trimmed.
     *
     * @param wire the text as received from outside, possibly {@code null}; nothing is trimmed
     * @return a personal code from text received from outside; nothing is trimmed
     * @throws EkoolOAuthException {@code invalid_request} naming the first broken rule and its position
     */
    public static PersonalCode parse(String wire) {
        return new PersonalCode(wire);
    }

    /**
     * {@code true} when {@code value} is a valid personal code by every rule of {@link PersonalCode}.
     *
     * @param value the 11 digits; read it only to send it where it is needed
     * @return {@code true} when {@code value} is a valid personal code by every rule of {@link PersonalCode}
     */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /**
     * The check digit (position 11) for the first ten digits: weights 1 2 3 4 5 6 7 8 9 1 mod 11; if that
     * is 10, weights 3 4 5 6 7 8 9 1 2 3 mod 11; if that is 10 again, 0.
     *
     * @param firstTen exactly ten digits {@code 0-9}
     * @return the check digit, 0 to 9
     * @throws IllegalArgumentException when {@code firstTen} is not ten digits
     */
    public static int checkDigit(CharSequence firstTen) {
        Objects.requireNonNull(firstTen, "firstTen");
        if (firstTen.length() != 10) {
            throw new IllegalArgumentException("checkDigit needs exactly 10 digits; got " + characters(firstTen.length()));
        }
        for (int i = 0; i < 10; i++) {
            if (!isDigit(firstTen.charAt(i))) {
                throw new IllegalArgumentException("checkDigit needs exactly 10 digits; got a non-digit at position " + (i + 1));
            }
        }
        int first = weightedSum(firstTen, FIRST_WEIGHTS) % 11;
        if (first != 10) {
            return first;
        }
        int second = weightedSum(firstTen, SECOND_WEIGHTS) % 11;
        return second == 10 ? 0 : second;
    }

    /**
     * A valid personal code for {@code birthDate}, {@code sex} and {@code serial}, with the check digit computed.
     *
     * @return a valid personal code for {@code birthDate}, {@code sex} and {@code serial}, with the check digit computed
     * @param birthDate a date from 1800-01-01 to 2099-12-31, the range the first digit can express
     * @param sex       the sex the first digit encodes
     * @param serial    the serial number SSS, 0 to 999
     * @throws IllegalArgumentException when the date or the serial is out of range
     */
    public static PersonalCode generate(LocalDate birthDate, Sex sex, int serial) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        if (birthDate.isBefore(EARLIEST) || birthDate.isAfter(LATEST)) {
            throw new IllegalArgumentException("birthDate must be from 1800-01-01 to 2099-12-31 for a personal code; got " + birthDate);
        }
        if (serial < 0 || serial > 999) {
            throw new IllegalArgumentException("serial must be 0 to 999 for a personal code; got " + serial);
        }
        int century = (birthDate.getYear() - 1800) / 100; // 0, 1 or 2
        int g = 1 + 2 * century + (sex == Sex.MALE ? 0 : 1);
        String firstTen = String.format(Locale.ROOT, "%d%02d%02d%02d%03d",
                g, birthDate.getYear() % 100, birthDate.getMonthValue(), birthDate.getDayOfMonth(), serial);
        return new PersonalCode(firstTen + checkDigit(firstTen));
    }

    /**
     * A random valid personal code drawn from {@code random}: a birth date anywhere from 1800-01-01 to
     * 2099-12-31, either sex, any serial; for test users.
     *
     * @param random the source of randomness
     * @return a random valid personal code drawn from {@code random}: a birth date anywhere from 1800-01-01 to 2099-12-31, either sex, any serial; for test users
     */
    public static PersonalCode generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long day = random.nextLong(EARLIEST.toEpochDay(), LATEST.toEpochDay() + 1);
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        return generate(LocalDate.ofEpochDay(day), sex, random.nextInt(1000));
    }

    /**
     * The birth date in positions 1-7: the century from G, then YYMMDD.
     *
     * @return the birth date in positions 1-7: the century from G, then YYMMDD
     */
    public LocalDate birthDate() {
        return LocalDate.of(year(value), twoDigits(value, 3), twoDigits(value, 5));
    }

    /**
     * The sex the first digit encodes: odd is {@link Sex#MALE}, even {@link Sex#FEMALE}.
     *
     * @return the sex the first digit encodes: odd is {@link Sex#MALE}, even {@link Sex#FEMALE}
     */
    public Sex sex() {
        return switch (value.charAt(0)) {
            case '1', '3', '5' -> Sex.MALE;
            default -> Sex.FEMALE;
        };
    }

    /**
     * The code with only its first and last digit shown, for logs: {@code 3*********9}.
     *
     * @return the code with only its first and last digit shown, for logs: {@code 3*********9}
     */
    public String masked() {
        return value.charAt(0) + "*".repeat(LENGTH - 2) + value.charAt(LENGTH - 1);
    }

    /** Masked, {@code PersonalCode[3*********9]}: the full code never prints. */
    @Override
    public String toString() {
        return "PersonalCode[" + masked() + "]";
    }

    /** The first broken rule's message, or {@code null} when {@code value} is valid; never the whole code. */
    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return FORMAT_RULE + "; got " + (value == null ? "no value" : "an empty value");
        }
        if (value.chars().allMatch(Text::isWhitespace)) {
            return FORMAT_RULE + "; got only whitespace (" + characters(value.length()) + ")";
        }
        if (Text.isWhitespace(value.charAt(0))) {
            return "personal code must not start with whitespace; got " + Text.describe(value.charAt(0)) + " at position 1";
        }
        char last = value.charAt(value.length() - 1);
        if (Text.isWhitespace(last)) {
            return "personal code must not end with whitespace; got " + Text.describe(last) + " at position "
                    + value.length() + (last == '\n' || last == '\r' ? " (a pasted line break?)" : "");
        }
        if (value.length() != LENGTH) {
            return FORMAT_RULE + "; got " + characters(value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (!isDigit(value.charAt(i))) {
                return "personal code must contain only digits 0-9; got " + Text.describe(value.charAt(i)) + " at position " + (i + 1);
            }
        }
        int g = value.charAt(0) - '0';
        if (g < 1 || g > 6) {
            return "personal code position 1 (G, century and sex) must be 1-6 (1/2: 1800s, 3/4: 1900s, 5/6: 2000s;"
                    + " odd: male, even: female); got " + g;
        }
        int month = twoDigits(value, 3);
        if (month < 1 || month > 12) {
            return "personal code positions 4-5 (MM, birth month) must be 01-12; got " + value.substring(3, 5);
        }
        int days = YearMonth.of(year(value), month).lengthOfMonth();
        int day = twoDigits(value, 5);
        if (day < 1 || day > days) {
            return "personal code positions 6-7 (DD, birth day) must be 01-" + days + " for month "
                    + value.substring(3, 5) + " of that year; got " + value.substring(5, 7);
        }
        int expected = checkDigit(value.substring(0, 10));
        int actual = value.charAt(10) - '0';
        if (expected != actual) {
            return "personal code position 11 (check digit) must be " + expected + " for the first ten digits"
                    + " (weights 1 2 3 4 5 6 7 8 9 1 mod 11; if 10, weights 3 4 5 6 7 8 9 1 2 3 mod 11; if 10 again, 0);"
                    + " got " + actual;
        }
        return null;
    }

    private static int year(String value) {
        int g = value.charAt(0) - '0';
        return 1800 + 100 * ((g - 1) / 2) + twoDigits(value, 1);
    }

    private static int twoDigits(String value, int index) {
        return (value.charAt(index) - '0') * 10 + (value.charAt(index + 1) - '0');
    }

    private static int weightedSum(CharSequence digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    private static String characters(int count) {
        return count == 1 ? "1 character" : count + " characters";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
