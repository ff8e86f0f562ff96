package dev.ekoolkit.core.client;

import dev.ekoolkit.core.client.ClientRegistrationException.Problem;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.core.scope.Scopes;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of each field of a {@link ClientRegistrationRequest}, apart from the record, its builder and
 * the e-mail: every check returns the problems found, in field order, so that the record and the builder
 * report all of them at once.
 */
final class RegistrationRules {

    private static final String EMAIL_RULE = "email_address must look like name@example.com (one '@', no spaces,"
            + " a domain with a dot)";
    private static final String PHONE_RULE = "phone must be in international format: '+', then 7 to 15 digits,"
            + " spaces allowed (E.164), for example +372 5123 4567";
    private static final String REDIRECT_RULE = "redirect_uris must list at least one redirect URI, for example"
            + " https://my.application.com/oauth2/callback (RFC 6749 section 3.1.2)";
    private static final String SCOPES_RULE = "scopes must request at least one scope, such as users-basic"
            + " (RFC 6749 section 3.3)";

    private RegistrationRules() {
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static List<Problem> textProblems(String organisation, String firstName, String surname, String emailAddress,
                                      String phone, String purpose) {
        List<Problem> problems = new ArrayList<>();
        addIfPresent(problems, "organisation", textProblem("organisation", "the institution or company name",
                organisation, ClientRegistrationRequest.MAX_ORGANISATION_LENGTH, false));
        addIfPresent(problems, "first_name", textProblem("first_name", "the responsible person's first name",
                firstName, ClientRegistrationRequest.MAX_NAME_LENGTH, false));
        addIfPresent(problems, "surname", textProblem("surname", "the responsible person's surname",
                surname, ClientRegistrationRequest.MAX_NAME_LENGTH, false));
        addIfPresent(problems, "email_address", emailProblem(emailAddress));
        addIfPresent(problems, "phone", phoneProblem(phone));
        addIfPresent(problems, "purpose", textProblem("purpose", "what the authorization is used for",
                purpose, ClientRegistrationRequest.MAX_PURPOSE_LENGTH, true));
        return problems;
    }

    private static void addIfPresent(List<Problem> problems, String field, String message) {
        if (message != null) {
            problems.add(new Problem(field, message));
        }
    }

    private static String blankProblem(String field, String meaning, String value) {
        if (value == null) {
            return field + " (" + meaning + ") must not be blank; got no value";
        }
        if (value.isEmpty()) {
            return field + " (" + meaning + ") must not be blank; got an empty or whitespace-only value";
        }
        return null;
    }

    private static String textProblem(String field, String meaning, String value, int max, boolean multiLine) {
        String blank = blankProblem(field, meaning, value);
        if (blank != null) {
            return blank;
        }
        if (value.length() > max) {
            return field + " must be at most " + max + " characters; got " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && c == '\n')) {
                return field + (multiLine ? " must not contain control characters other than line breaks"
                        : " must be one line without control characters") + "; got " + Text.describe(c)
                        + " at position " + (i + 1);
            }
        }
        return null;
    }

    private static String emailProblem(String email) {
        String blank = blankProblem("email_address", "the responsible person's e-mail address", email);
        if (blank != null) {
            return blank;
        }
        if (email.length() > ClientRegistrationRequest.MAX_EMAIL_LENGTH) {
            return "email_address must be at most " + ClientRegistrationRequest.MAX_EMAIL_LENGTH + " characters (RFC 5321 section 4.5.3.1.3); got "
                    + email.length();
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (Text.isWhitespace(c) || Character.isISOControl(c)) {
                return EMAIL_RULE + "; got " + Text.describe(c) + " at position " + (i + 1);
            }
        }
        int at = email.indexOf('@');
        if (at < 0) {
            return EMAIL_RULE + "; got no '@'";
        }
        long ats = email.chars().filter(c -> c == '@').count();
        if (ats > 1) {
            return EMAIL_RULE + "; got " + ats + " '@' characters";
        }
        if (at == 0) {
            return EMAIL_RULE + "; got nothing before the '@'";
        }
        String domain = email.substring(at + 1);
        if (domain.isEmpty()) {
            return EMAIL_RULE + "; got nothing after the '@'";
        }
        if (domain.indexOf('.') < 0) {
            return EMAIL_RULE + "; got a domain without a dot";
        }
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return EMAIL_RULE + "; got an empty label in the domain (a dot at its start or end, or two in a row)";
        }
        if (domain.length() - domain.lastIndexOf('.') - 1 < 2) {
            return EMAIL_RULE + "; got a top-level domain of one character";
        }
        return null;
    }

    private static String phoneProblem(String phone) {
        String blank = blankProblem("phone", "the responsible person's phone number", phone);
        if (blank != null) {
            return blank;
        }
        if (phone.charAt(0) != '+') {
            return PHONE_RULE + "; got no leading '+' (start with the country code, such as +372)";
        }
        int digits = 0;
        for (int i = 1; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != ' ') {
                return PHONE_RULE + "; got " + Text.describe(c) + " at position " + (i + 1);
            }
        }
        if (digits < 7 || digits > 15) {
            return PHONE_RULE + "; got " + digits + (digits == 1 ? " digit" : " digits");
        }
        if (phone.substring(1).strip().charAt(0) == '0') {
            return PHONE_RULE + "; got a country code starting with 0";
        }
        return null;
    }

    static List<Problem> redirectProblems(List<RedirectUri> redirectUris) {
        List<Problem> problems = new ArrayList<>();
        if (redirectUris == null || redirectUris.isEmpty()) {
            problems.add(new Problem("redirect_uris", REDIRECT_RULE + "; got none"));
            return problems;
        }
        for (int i = 0; i < redirectUris.size(); i++) {
            RedirectUri uri = redirectUris.get(i);
            if (uri == null) {
                problems.add(nullRedirectUri(i));
                continue;
            }
            int first = redirectUris.indexOf(uri);
            if (first < i) {
                problems.add(new Problem("redirect_uris", "redirect_uris must not list a redirect URI twice; entry "
                        + (i + 1) + " repeats entry " + (first + 1) + " ('" + uri.value() + "')"));
            }
        }
        return problems;
    }

    static Problem nullRedirectUri(int index) {
        return new Problem("redirect_uris", "redirect_uris entry " + (index + 1) + " must be a redirect URI; got no value");
    }

    static List<Problem> scopeProblems(Scopes scopes) {
        if (scopes == null) {
            return List.of(new Problem("scopes", SCOPES_RULE + "; got no value"));
        }
        if (scopes.isEmpty()) {
            return List.of(new Problem("scopes", SCOPES_RULE + "; got none"));
        }
        return List.of();
    }
}
