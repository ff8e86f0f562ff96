package dev.ekoolkit.mock.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mock's one JSON writer, for every response and every CLI output, and its one Jackson reader.
 *
 * <p>Writing goes through Nimbus' JSON utilities (the same writer that puts every token's header and claims
 * together, so serving a request loads no second JSON library): it never escapes {@code /} or HTML characters,
 * writes {@code null} values, and keeps a map's insertion order. Reading JSON bodies ({@link #mapper()}: the
 * admin API's POST and PUT requests; the playground, which also pretty-prints with it) uses a Jackson mapper,
 * created the first time it is asked for: a server that is never sent JSON does not pay Jackson's start-up (about 100 ms of CPU in a fresh JVM,
 * docs/performance.md). The launcher's training run reads its one token response with Nimbus' parser.
 */
public final class Json {

    private Json() {
    }

    /** Jackson, for reading JSON, built on first use. */
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * The shared Jackson mapper, for reading JSON text (thread-safe; created on the first call).
     *
     * @return the mapper, the same instance on every call
     */
    public static ObjectMapper mapper() {
        return Reader.MAPPER;
    }

    /**
     * {@code value} as JSON text.
     *
     * @param value a {@link Map} with text keys or a {@link Collection}, whose values are again maps, collections,
     *              text, numbers, booleans or {@code null}
     * @return the JSON text
     * @throws NotJsonException if the value, or anything in it, is of another type or a number that is not
     *                          finite (its path is named): a bug in the mock, answered with a 500
     */
    @SuppressWarnings("unchecked") // keys checked by isJson
    public static String write(Object value) {
        if (value instanceof Map<?, ?> m && isJson(m)) {
            return JSONObjectUtils.toJSONString((Map<String, ?>) m);
        }
        if (value instanceof Collection<?> c && isJson(c)) {
            return JSONArrayUtils.toJSONString(c instanceof List<?> l ? l : new ArrayList<>(c));
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new NotJsonException(problem(value, "$"));
        }
        throw new NotJsonException("JSON text is written from a map or a collection; got "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /**
     * A value {@link #write} cannot write: a bug in the mock, never the client's fault, so neither an
     * {@link IllegalArgumentException} nor an {@link IllegalStateException} (which the admin API answers as the
     * client's {@code invalid_request}): it reaches the error mapping as a 500.
     */
    public static final class NotJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotJsonException(String message) {
            super(message);
        }
    }

    private static boolean isJson(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d);
        }
        if (v instanceof Float f) {
            return Float.isFinite(f);
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !isJson(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Collection<?> c) {
            for (Object item : c) {
                if (!isJson(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Why {@code v} (at {@code path}) is not JSON, or {@code null} if it is: run only once writing has failed. */
    private static String problem(Object v, String path) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return "JSON object keys are text; " + path + " has a key of type "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getName());
                }
                String p = problem(e.getValue(), path + "." + key);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (v instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                String p = problem(item, path + "[" + i++ + "]");
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (isJson(v)) {
            return null;
        }
        return v instanceof Number ? "JSON numbers are finite; " + path + " is " + v
                : "JSON values are maps, collections, text, numbers, booleans or null; " + path + " is a "
                + v.getClass().getName();
    }

    /**
     * Sends {@code body} as a JSON answer with {@code Cache-Control: no-store} and {@code Pragma: no-cache}
     * (RFC 6749 §5.1) and {@code X-Content-Type-Options: nosniff}.
     */
    public static void send(Context ctx, int status, Object body) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(status).contentType("application/json; charset=utf-8").result(write(body));
    }

    /** An ordered map from alternating keys and values, for small response bodies. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
