package dev.ekoolkit.mock.config;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.core.person.PersonalCode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who can log in to the mock: the profile {@code /user/me/basic} returns, the login name and
 * password of the login page, and the personal code its Smart-ID, Mobile-ID and ID-card simulations use.
 * {@link #toString()} masks the password and the personal code.
 *
 * @param id           eKool's user id, the token's {@code sub}: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
 * @param username     the login name for the password method, unique (case-insensitively)
 * @param password     the password for the password method
 * @param firstName    the first name
 * @param lastName     the last name
 * @param email        the e-mail address
 * @param personalCode the Estonian personal code (isikukood, 11 digits with a valid check digit), or
 *                     {@code null} for a user without one (such a user cannot use the eID methods)
 * @param roles        the user's roles, in order
 * @param childIds     for a parent, the ids of their children, in order
 */
public record MockUser(String id, String username, String password, String firstName, String lastName,
                       String email, String personalCode, List<Role> roles, List<String> childIds) {

    /** An eKool account role. */
    public enum Role {
        /** A student. */
        STUDENT,
        /** A parent, who sees their children's data. */
        PARENT,
        /** A teacher. */
        TEACHER;

        /**
         * The lower-case wire name, such as {@code student}.
         *
         * @return the wire name: {@code student}, {@code parent} or {@code teacher}
         */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The role for a wire name ({@code student}, {@code parent}, {@code teacher}), ignoring case.
         *
         * @param wire a wire name, in any case, possibly {@code null}
         * @return the role, or empty for an unknown name
         */
        public static Optional<Role> find(String wire) {
            return Arrays.stream(values()).filter(r -> r.wire().equalsIgnoreCase(wire)).findFirst();
        }

        @Override
        public String toString() {
            return wire();
        }
    }

    /**
     * Validates every field.
     *
     * @param id eKool's user id, the token's {@code sub}: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
     * @param username the login name for the password method, unique (case-insensitively)
     * @param password the password for the password method
     * @param firstName the first name
     * @param lastName the last name
     * @param email the e-mail address
     * @param personalCode the Estonian personal code (isikukood, 11 digits with a valid check digit), or {@code null}
     *                     for a user without one (such a user cannot use the eID methods)
     * @param roles the user's roles, in order
     * @param childIds for a parent, the ids of their children, in order
     * @throws IllegalArgumentException naming the field, the rule and (except for secrets) what was received
     */
    public MockUser {
        requireId("id", id);
        requireText("username", username);
        for (int i = 0; i < username.length(); i++) {
            if (Character.isWhitespace(username.charAt(i))) {
                throw new IllegalArgumentException("username must not contain whitespace; got '" + username + "'");
            }
        }
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty (user " + id + ")");
        }
        requireText("firstName", firstName);
        requireText("lastName", lastName);
        requireText("email", email);
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            throw new IllegalArgumentException("email must look like name@domain; got '" + email + "'");
        }
        if (personalCode != null) {
            try {
                PersonalCode.parse(personalCode);
            } catch (EkoolOAuthException e) {
                throw new IllegalArgumentException("personalCode of user " + id + ": " + e.errorDescription());
            }
        }
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        if (new HashSet<>(roles).size() != roles.size()) {
            throw new IllegalArgumentException("roles must not repeat a role; got " + roles);
        }
        childIds = List.copyOf(Objects.requireNonNull(childIds, "childIds"));
        for (String child : childIds) {
            requireId("childIds", child);
            if (child.equals(id)) {
                throw new IllegalArgumentException("childIds must not contain the user's own id '" + id + "'");
            }
        }
        if (new HashSet<>(childIds).size() != childIds.size()) {
            throw new IllegalArgumentException("childIds must not repeat an id; got " + childIds);
        }
    }

    /**
     * A user without children.
     *
     * @param id eKool's user id, the token's {@code sub}: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
     * @param username the login name for the password method, unique (case-insensitively)
     * @param password the password for the password method
     * @param firstName the first name
     * @param lastName the last name
     * @param email the e-mail address
     * @param personalCode the Estonian personal code (11 digits with a valid check digit), or {@code null} for none
     * @param roles the user's roles, in order
     * @return the new user, with no children
     */
    public static MockUser of(String id, String username, String password, String firstName, String lastName,
                              String email, String personalCode, Role... roles) {
        return new MockUser(id, username, password, firstName, lastName, email, personalCode, List.of(roles), List.of());
    }

    /**
     * The first and last name, separated by a space.
     *
     * @return the full name, such as {@code Mari Maasikas}
     */
    public String fullName() {
        return firstName + " " + lastName;
    }

    /**
     * The personal code, if the user has one.
     *
     * @return the personal code, or empty when the user has none
     */
    public Optional<String> personalCodeOptional() {
        return Optional.ofNullable(personalCode);
    }

    /**
     * {@code true} when the user has {@code role}.
     *
     * @param role a role
     * @return {@code true} when {@code role} is among the user's roles
     */
    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /**
     * This user with other children.
     *
     * @param ids the ids of the user's children, in order
     * @return a copy with those children; this instance is unchanged
     */
    public MockUser withChildIds(List<String> ids) {
        return new MockUser(id, username, password, firstName, lastName, email, personalCode, roles, ids);
    }

    /**
     * This user with another password.
     *
     * @param newPassword the new password
     * @return a copy with that password; this instance is unchanged
     */
    public MockUser withPassword(String newPassword) {
        return new MockUser(id, username, newPassword, firstName, lastName, email, personalCode, roles, childIds);
    }

    /**
     * This user with another personal code, or none.
     *
     * @param code the new personal code (11 digits with a valid check digit), or {@code null} for none
     * @return a copy with that personal code; this instance is unchanged
     */
    public MockUser withPersonalCode(String code) {
        return new MockUser(id, username, password, firstName, lastName, email, code, roles, childIds);
    }

    /** The id, username, names, e-mail, roles and children; the password and personal code are masked. */
    @Override
    public String toString() {
        return "MockUser[id=" + id + ", username=" + username + ", password=****, name=" + fullName()
                + ", email=" + email + ", personalCode=" + (personalCode == null ? "none" : "***********")
                + ", roles=" + roles + ", childIds=" + childIds + "]";
    }

    static void requireId(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException(field + " must be 1 to 64 characters; got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException(field + " must contain only letters, digits, '.', '_' or '-'; got "
                        + Text.codePoint(c) + " at position " + (i + 1));
            }
        }
    }

    private static void requireText(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
