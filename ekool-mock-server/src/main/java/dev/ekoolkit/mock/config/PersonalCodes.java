package dev.ekoolkit.mock.config;

/** The Estonian personal code (isikukood) rules the mock's users must follow; messages never echo the code. */
final class PersonalCodes {

    private static final int[] WEIGHTS_1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
    private static final int[] WEIGHTS_2 = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};

    private PersonalCodes() {
    }

    /** Throws {@link IllegalArgumentException} naming {@code field} and the broken rule unless {@code code} is valid. */
    static void check(String field, String code) {
        String rule = field + " must be an Estonian personal code: 11 digits GYYMMDDSSSC with a valid check digit";
        if (code.length() != 11) {
            throw new IllegalArgumentException(rule + "; got " + code.length() + " characters");
        }
        for (int i = 0; i < 11; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                throw new IllegalArgumentException(rule + "; got a non-digit at position " + (i + 1));
            }
        }
        if (code.charAt(0) < '1' || code.charAt(0) > '6') {
            throw new IllegalArgumentException(rule + "; the first digit (century and sex) must be 1 to 6");
        }
        if (checkDigit(code) != code.charAt(10) - '0') {
            throw new IllegalArgumentException(rule + "; the check digit (position 11) does not match");
        }
    }

    static int checkDigit(String code) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (code.charAt(i) - '0') * WEIGHTS_1[i];
        }
        int r = sum % 11;
        if (r != 10) {
            return r;
        }
        sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (code.charAt(i) - '0') * WEIGHTS_2[i];
        }
        r = sum % 11;
        return r == 10 ? 0 : r;
    }
}
