package dev.ekoolkit.core.flow;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.ekoolkit.core.error.EkoolOAuthException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The eKool user's basic profile, as {@code GET <api_url>/user/me/basic} returns it in a
 * {@code {"data": {...}}} envelope with the {@code users-basic} scope. Parsing is lenient: {@code id} may be
 * a JSON number or string, snake_case names are accepted beside camelCase, and every field (known or not)
 * stays in {@link #raw()}. {@link #toString()} masks the personal code and the e-mail address.
 *
 * @param id           the user's eKool id, as text
 * @param firstName    the first name, or {@code null}
 * @param lastName     the last name, or {@code null}
 * @param email        the e-mail address, or {@code null}
 * @param personalCode the Estonian personal code (isikukood), or {@code null} for users without one
 * @param roles        the roles, such as {@code student}, {@code parent}, {@code teacher}; possibly empty
 * @param raw          the whole {@code data} object, unmodifiable, in the server's order
 */
public record EkoolUser(String id, String firstName, String lastName, String email, String personalCode,
                        List<String> roles, Map<String, Object> raw) {

    /**
     * Requires an id; copies the roles and the raw data into unmodifiable collections.
     *
     * @param id the user's eKool id, as text
     * @param firstName the first name, or {@code null}
     * @param lastName the last name, or {@code null}
     * @param email the e-mail address, or {@code null}
     * @param personalCode the Estonian personal code (isikukood), or {@code null} for users without one
     * @param roles the roles, such as {@code student}, {@code parent}, {@code teacher}; possibly empty
     * @param raw the whole {@code data} object, unmodifiable, in the server's order
     */
    public EkoolUser {
        Objects.requireNonNull(id, "id");
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        raw = raw == null ? Map.of() : deepCopy(raw);
    }

    /**
     * Parses a {@code /user/me/basic} response body: {@code {"data": {...}}}, or a bare profile object.
     *
     * @param json the JSON text of the response body
     * @return the user
     * @throws EkoolOAuthException {@code server_error} naming what is missing or malformed
     */
    public static EkoolUser parse(String json) {
        Map<String, Object> body;
        try {
            body = JSONObjectUtils.parseKeepingOrder(json);
        } catch (ParseException e) {
            throw new EkoolOAuthException(EkoolOAuthException.SERVER_ERROR,
                    "user profile must be a JSON object with a 'data' object; got a body that is not a JSON object", 200);
        }
        Object data = body.containsKey("data") ? body.get("data") : body;
        if (!(data instanceof Map<?, ?> map)) {
            throw new EkoolOAuthException(EkoolOAuthException.SERVER_ERROR,
                    "user profile must have a 'data' object; got 'data' that is " + describe(data), 200);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) map;
        return fromData(m);
    }

    /**
     * Builds a user from the {@code data} object; {@code id} is required, everything else optional.
     *
     * @param data the data
     * @return the user
     * @throws EkoolOAuthException {@code server_error} when {@code id} is missing or not a number or string
     */
    public static EkoolUser fromData(Map<String, Object> data) {
        Object id = data.get("id");
        String idText;
        if (id instanceof String s && !s.isBlank()) {
            idText = s;
        } else if (id instanceof Number n) {
            idText = new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        } else {
            throw new EkoolOAuthException(EkoolOAuthException.SERVER_ERROR,
                    "user profile 'data.id' must be a number or a non-empty string; got " + describe(id), 200);
        }
        return new EkoolUser(idText,
                text(data, "firstName", "first_name"),
                text(data, "lastName", "last_name"),
                text(data, "email", "email"),
                text(data, "personalCode", "personal_code"),
                roles(data.get("roles")),
                data);
    }

    /**
     * The first and last name joined by a space, skipping the missing one; empty when both are missing.
     *
     * @return the first and last name joined by a space, skipping the missing one; empty when both are missing
     */
    public String fullName() {
        StringBuilder b = new StringBuilder();
        if (firstName != null) {
            b.append(firstName);
        }
        if (lastName != null) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(lastName);
        }
        return b.toString();
    }

    /**
     * {@code true} when the user has the given role, compared ignoring case.
     *
     * @param role the role
     * @return {@code true} when the user has the given role, compared ignoring case
     */
    public boolean hasRole(String role) {
        return roles.stream().anyMatch(r -> r.equalsIgnoreCase(role));
    }

    /** Id, names and roles; the e-mail shows its first character and domain, the personal code only its length. */
    @Override
    public String toString() {
        return "EkoolUser[id=" + id + ", firstName=" + firstName + ", lastName=" + lastName
                + ", email=" + maskEmail(email)
                + ", personalCode=" + (personalCode == null ? "none" : "**** (" + personalCode.length() + " characters)")
                + ", roles=" + roles + "]";
    }

    private static String maskEmail(String email) {
        if (email == null) {
            return "none";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "****";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    private static String text(Map<String, Object> data, String camel, String snake) {
        Object v = data.containsKey(camel) ? data.get(camel) : data.get(snake);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    private static List<String> roles(Object value) {
        if (!(value instanceof List<?> list)) {
            return value instanceof String s && !s.isBlank() ? List.of(s) : List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof String s) {
                out.add(s);
            } else if (o instanceof Map<?, ?> m && m.get("name") instanceof String s) {
                out.add(s);
            } else if (o instanceof Number n) {
                out.add(n.toString());
            }
        }
        return out;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String s) {
            return s.isBlank() ? "an empty string" : "a string";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, copyValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(e -> copy.add(copyValue(e)));
            return Collections.unmodifiableList(copy);
        }
        return v;
    }
}
