package dev.ekoolkit.mock.internal;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request parameters parsed strictly from {@code application/x-www-form-urlencoded} text (a query string or
 * a form body): broken percent-encoding and invalid UTF-8 are {@code invalid_request} errors naming the
 * parameter and the position, and repeated parameters are kept so that handlers can refuse them
 * (RFC 6749 §3.1, §3.2: "Request and response parameters MUST NOT be included more than once").
 */
public final class Params {

    /** The most parameters one request may carry. */
    public static final int MAX_PARAMS = 100;

    private static final Params EMPTY = new Params(Map.of());

    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parameters from a map of names to values, copied in order. */
    public static Params of(Map<String, List<String>> values) {
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        values.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Params(Collections.unmodifiableMap(frozen));
    }

    /** No parameters. */
    public static Params empty() {
        return EMPTY;
    }

    /**
     * Parses {@code name=value&...} text.
     *
     * @param raw   the encoded text, or {@code null}
     * @param where {@code query} or {@code form body}, for messages
     * @throws EkoolOAuthException {@code invalid_request} for broken encoding or too many parameters
     */
    public static Params parse(String raw, String where) {
        return parse(raw, where, false);
    }

    /**
     * Parses a form body's bytes; raw bytes outside ASCII are taken as UTF-8.
     *
     * @throws EkoolOAuthException {@code invalid_request} for broken encoding or too many parameters
     */
    public static Params parse(byte[] body, String where) {
        return parse(new String(body, StandardCharsets.ISO_8859_1), where, true);
    }

    private static Params parse(String raw, String where, boolean latin1Bytes) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        int count = 0;
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            if (end > start) {
                if (++count > MAX_PARAMS) {
                    throw EkoolOAuthException.invalidRequest("the " + where + " has more than " + MAX_PARAMS + " parameters");
                }
                int eq = raw.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = decode(raw, start, end, where, null, latin1Bytes);
                    value = "";
                } else {
                    name = decode(raw, start, eq, where, null, latin1Bytes);
                    value = decode(raw, eq + 1, end, where, name, latin1Bytes);
                }
                out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Params(Collections.unmodifiableMap(frozen));
    }

    /** Every parameter with every value, in order; immutable. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /** {@code true} when the parameter was sent (even empty). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The single value of a parameter; {@code null} when absent <em>or empty</em> (RFC 6749 §3.1: "Parameters
     * sent without a value MUST be treated as if they were omitted").
     *
     * @throws EkoolOAuthException {@code invalid_request} when the parameter is repeated
     */
    public String get(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.size() > 1) {
            throw repeated(name, v.size());
        }
        String s = v.get(0);
        return s.isEmpty() ? null : s;
    }

    /**
     * The single value of a required parameter.
     *
     * @param rule the sentence explaining the requirement, e.g. "code is required for grant_type authorization_code (RFC 6749 section 4.1.3)"
     * @throws EkoolOAuthException {@code invalid_request} when absent, empty or repeated
     */
    public String require(String name, String rule) {
        String v = get(name);
        if (v == null) {
            throw EkoolOAuthException.invalidRequest(rule + "; got " + (has(name) ? "an empty value" : "no " + name + " parameter"));
        }
        return v;
    }

    /** The first repeated parameter, if any. */
    public String firstRepeated() {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getValue().size() > 1) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Throws {@code invalid_request} when any parameter is repeated. */
    public void requireNoRepeats() {
        String name = firstRepeated();
        if (name != null) {
            throw repeated(name, values.get(name).size());
        }
    }

    /** The {@code invalid_request} error for a repeated parameter. */
    public static EkoolOAuthException repeated(String name, int count) {
        return EkoolOAuthException.invalidRequest("parameter '" + Text.printable(name, 40) + "' must not be repeated"
                + " (RFC 6749 section 3.1); got it " + count + " times");
    }

    private static String decode(String raw, int from, int to, String where, String paramName, boolean latin1Bytes) {
        // A raw non-ASCII char takes at most 3 UTF-8 bytes.
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 3);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw broken(where, paramName, i - from + 1, "a '%' not followed by two hex digits");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw broken(where, paramName, i - from + 1, "a '%' not followed by two hex digits");
                }
                bytes.put((byte) ((hi << 4) + lo));
                i += 2;
            } else if (c > 0x7f && latin1Bytes) {
                bytes.put((byte) c);
            } else if (c > 0x7f) {
                // Raw non-ASCII in a query is tolerated by browsers; encode it as UTF-8.
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = dec.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw broken(where, paramName, -1, "bytes that are not valid UTF-8");
        }
    }

    private static EkoolOAuthException broken(String where, String paramName, int position, String what) {
        String subject = paramName == null ? "a parameter name in the " + where
                : "the value of parameter '" + Text.printable(paramName, 40) + "' in the " + where;
        return EkoolOAuthException.invalidRequest(subject + " has " + what
                + (position > 0 ? " at position " + position : "")
                + " (application/x-www-form-urlencoded, RFC 3986 section 2.1)");
    }

    /**
     * The value of a {@code Content-Type} header without parameters, lower-cased; {@code ""} when absent. Pass
     * the raw header: the servlet's {@code getContentType()} throws on a malformed {@code charset} parameter.
     */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
