package dev.ekoolkit.mock.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of bad HTTP requests. A request starts from a valid template (method, path, encoded
 * parameters, headers, body) and gets one or two mutations; each mutation says whether the result must be
 * refused and, for size limits, with which status. Parameters are kept encoded so that mutations can break
 * the encoding itself.
 */
final class BadRequests {

    /** Nasty values: markup, attribute breakers, CR/LF, scheme tricks; each carries the marker. */
    static final List<String> INJECTIONS = List.of(
            "<" + Answers.MARKER + ">", "\"><" + Answers.MARKER + " x=\"", "'" + Answers.MARKER + "'",
            "</title><" + Answers.MARKER + ">", "\r\nSet-Cookie: " + Answers.MARKER + "=1",
            "\r\n\r\n<" + Answers.MARKER + ">", "x\nLocation: http://evil.example/" + Answers.MARKER,
            "javascript:" + Answers.MARKER + "()", "http://evil.example/" + Answers.MARKER,
            "%0d%0a" + Answers.MARKER, "${" + Answers.MARKER + "}", "\u0000" + Answers.MARKER, "\u202e" + Answers.MARKER,
            "users-basic <" + Answers.MARKER + ">", "http://localhost:8080/oauth2/callback\r\n" + Answers.MARKER);

    // Each ends so that whatever follows cannot complete a valid %XX escape.
    private static final String[] BROKEN_PERCENT = {"%_", "%%_", "%G0", "%4_", "%-1", "%ZZ", "%%41", "%u0041", "%4%", "%x"};
    private static final String[] BAD_UTF8 = {"%FF", "%C3%28", "%A0%A1", "%E2%28%A1", "%F0%28%8C%BC", "%C0%AF",
            "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%FE%FF"};
    private static final String[] CONTENT_TYPES = {null, "text/plain", "application/json", "multipart/form-data; boundary=x",
            "application/xml", "application/x-www-form-urlencodedx", ";;;", "application/", "*/*",
            "application/x-www-form-urlencoded; charset=\u00ff", "x".repeat(300)};

    /** One generated request. */
    static final class Req {
        String method;
        String path;
        final List<String> query = new ArrayList<>();
        final List<String> form = new ArrayList<>();
        final List<String> headers = new ArrayList<>();
        String contentType;
        byte[] rawBody;
        boolean mustFail;
        final java.util.Set<Integer> expected = new java.util.TreeSet<>();
        Answers.Style style;
        String pad;
        boolean close;
        final List<String> kinds = new ArrayList<>();
        byte[] rawRequest;

        Req(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** The bytes on the wire. */
        byte[] bytes(String authority) {
            if (rawRequest != null) {
                return rawRequest;
            }
            byte[] body = rawBody != null ? rawBody
                    : form.isEmpty() ? null : String.join("&", form).getBytes(StandardCharsets.ISO_8859_1);
            StringBuilder b = new StringBuilder(method).append(' ').append(path);
            List<String> q = new ArrayList<>(query);
            if (pad != null) {
                q.add(pad);
            }
            if (!q.isEmpty()) {
                b.append('?').append(String.join("&", q));
            }
            b.append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
            for (String h : headers) {
                b.append(h).append("\r\n");
            }
            if (contentType != null) {
                b.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                b.append("Content-Length: ").append(body.length).append("\r\n");
            }
            if (close) {
                b.append("Connection: close\r\n");
            }
            b.append("\r\n");
            byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (body == null) {
                return head;
            }
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return all;
        }

        @Override
        public String toString() {
            String text = new String(bytes("host"), StandardCharsets.ISO_8859_1);
            return kinds + " " + (text.length() > 500 ? text.substring(0, 500) + "...(" + text.length() + " bytes)" : text);
        }
    }

    /**
     * Why {@code request} is not exactly one HTTP/1.1 request, or {@code null}: its head must end once (CR LF CR LF,
     * or LF LF, which servers may accept) and be followed by exactly the body its Content-Length announces. Bytes
     * after that would be a second request the test never meant to send, and the answer to it would arrive at a
     * time that depends on scheduling (the flaky "answer nobody asked for" of issue 13).
     */
    static String notOneRequest(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int end = crlf < 0 ? (lf < 0 ? -1 : lf + 2) : (lf >= 0 && lf < crlf ? lf + 2 : crlf + 4);
        if (end < 0) {
            return "the head never ends";
        }
        String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int length = 0;
        int at = head.indexOf("\ncontent-length:");
        if (at >= 0) {
            int eol = head.indexOf('\n', at + 1);
            String value = head.substring(at + "\ncontent-length:".length(), eol < 0 ? head.length() : eol).trim();
            try {
                length = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return null; // a broken Content-Length is the mutation itself; the server refuses it and closes
            }
        }
        int rest = request.length - end;
        return rest == length ? null : "its head ends at byte " + end + " and announces a body of " + length
                + " bytes, but " + rest + " bytes follow";
    }

    private final Random rnd;

    BadRequests(long seed) {
        this.rnd = new Random(seed);
    }

    Random random() {
        return rnd;
    }

    /** {@code name=value}, both form-encoded. */
    static String pair(String name, String value) {
        return enc(name) + "=" + enc(value);
    }

    /** Form encoding (UTF-8, '+' for spaces as browsers do). */
    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    String pick(String[] list) {
        return list[rnd.nextInt(list.length)];
    }

    /** A random value: empty, short, very long, unicode, binary or an injection. */
    String value() {
        return switch (rnd.nextInt(7)) {
            case 0 -> "";
            case 1 -> randomText(1 + rnd.nextInt(20), false);
            case 2 -> randomText(200 + rnd.nextInt(1800), false);
            case 3 -> randomText(1 + rnd.nextInt(30), true);
            case 4 -> pick(INJECTIONS);
            case 5 -> "a".repeat(1 + rnd.nextInt(3000));
            default -> Base64.getUrlEncoder().encodeToString(bytes(1 + rnd.nextInt(60)));
        };
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    String randomText(int n, boolean unicode) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (unicode) {
                int cp = rnd.nextInt(4) == 0 ? rnd.nextInt(0x20) : 0x20 + rnd.nextInt(0x2FFF);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 'x';
                }
                b.appendCodePoint(cp);
            } else {
                b.append((char) (0x21 + rnd.nextInt(0x5e)));
            }
        }
        return b.toString();
    }

    /**
     * Applies one random mutation to {@code r}.
     *
     * @param strict   whether the endpoint refuses repeated parameters (RFC 6749 section 3.1)
     * @param formPost whether the endpoint takes a form body (so its content type matters)
     * @param names    the parameter names the endpoint reads (for targeted mutations)
     */
    void mutate(Req r, boolean strict, boolean formPost, List<String> names) {
        mutateAs(r, rnd.nextInt(formPost ? 20 : 16), strict, formPost, names);
    }

    private void mutateAs(Req r, int kind, boolean strict, boolean formPost, List<String> names) {
        List<String> params = formPost ? r.form : r.query;
        switch (kind) {
            case 0 -> { // drop a parameter
                r.kinds.add("missing");
                if (!params.isEmpty()) {
                    params.remove(rnd.nextInt(params.size()));
                }
            }
            case 1 -> { // empty value
                r.kinds.add("empty");
                if (!params.isEmpty()) {
                    int i = rnd.nextInt(params.size());
                    params.set(i, params.get(i).substring(0, params.get(i).indexOf('=') + 1));
                }
            }
            case 2 -> { // repeat a parameter (RFC 6749 section 3.1)
                r.kinds.add("repeated");
                if (!params.isEmpty()) {
                    String p = params.get(rnd.nextInt(params.size()));
                    String repeat = rnd.nextBoolean() ? p : p.substring(0, p.indexOf('=') + 1) + enc(value());
                    params.add(rnd.nextInt(params.size() + 1), repeat);
                    r.mustFail |= strict;
                }
            }
            case 3 -> { // a known parameter with a nasty value
                r.kinds.add("injected");
                set(params, pick(names), pick(INJECTIONS));
            }
            case 4, 5 -> { // a known parameter with a random value
                r.kinds.add("random-value");
                set(params, pick(names), value());
            }
            case 6 -> { // broken percent-encoding in a name or value
                r.kinds.add("broken-percent");
                breakEncoding(params, pick(BROKEN_PERCENT));
                r.mustFail = true;
            }
            case 7 -> { // invalid UTF-8
                r.kinds.add("invalid-utf8");
                breakEncoding(params, pick(BAD_UTF8));
                r.mustFail = true;
            }
            case 8 -> { // raw markup or quotes in the query, unencoded
                r.kinds.add("raw-markup");
                r.query.add(pick(names) + "=" + pick(new String[] {"<" + Answers.MARKER + ">", "\"" + Answers.MARKER + "\"",
                        "'" + Answers.MARKER, "{" + Answers.MARKER + "}", "|" + Answers.MARKER + "^"}));
            }
            case 9 -> { // an unknown parameter
                r.kinds.add("unknown-param");
                params.add(pair(randomText(1 + rnd.nextInt(10), false), value()));
            }
            case 10 -> { // oversized header
                r.kinds.add("oversized-header");
                r.headers.add("X-Filler: " + "h".repeat(8_300 + rnd.nextInt(20_000)));
                r.expected.add(431);
            }
            case 11 -> { // a query longer than the limit
                r.kinds.add("oversized-target");
                r.pad = "pad=" + "q".repeat(8_300 + rnd.nextInt(20_000));
                // 414 (RFC 9112 section 3: a request-target longer than the server parses) or 431 (RFC 6585 section
                // 5: the head as a whole too large). Jetty counts the request line into its 8 KiB head limit and
                // says 414 while it is still inside the target, 431 once the target has ended within the bytes it
                // has read: which depends on how the bytes arrived (it failed once under load with 431), so
                // either is right and both are refusals in the protocol's own terms.
                r.expected.add(414);
                r.expected.add(431);
            }
            case 12 -> { // a wrong method
                r.kinds.add("wrong-method");
                r.method = pick(new String[] {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT_X", r.method.equals("GET") ? "POST" : "GET"});
                if (r.method.equals("GET")) {
                    r.form.clear();
                    r.rawBody = null;
                    r.contentType = null;
                }
                r.expected.add(405);
            }
            case 13 -> { // a path that is almost the endpoint
                r.kinds.add("near-path");
                r.path = pick(new String[] {r.path + "/", r.path.toUpperCase(java.util.Locale.ROOT), "/" + r.path,
                        r.path + "%2F", r.path + ";x=1", r.path.replace("/", "/./"), r.path + "/..", r.path + "%00",
                        r.path.replace("o", "%6F"), r.path + "/%2e%2e/" + Answers.MARKER});
            }
            case 14 -> { // a stacked pair: a value change, then any mutation (which may break what the first made)
                int shape = new int[] {0, 1, 3, 4, 9}[rnd.nextInt(5)];
                mutateAs(r, shape, strict, formPost, names);
                mutate(r, strict, formPost, names);
            }
            case 15 -> { // odd but legal header forms
                r.kinds.add("odd-headers");
                r.headers.add(pick(new String[] {"Accept: text/html", "Accept: */*;q=0", "Cookie: ekool_mock_browser=" + enc(value()),
                        "Cookie: " + "c".repeat(4000), "Accept-Charset: ebcdic", "Origin: http://evil.example",
                        "X-Forwarded-For: 127.0.0.1", "Expect: 100-continue-x", "Expect: 100-continue", "Content-Encoding: gzip"}));
            }
            case 16 -> { // a content type that is not a form
                r.kinds.add("content-type");
                r.contentType = pick(CONTENT_TYPES);
                r.mustFail = r.contentType == null || !r.contentType.startsWith("application/x-www-form-urlencoded;");
            }
            case 17 -> { // JSON where a form is expected
                r.kinds.add("json-body");
                StringBuilder json = new StringBuilder("{");
                for (String p : r.form) {
                    int eq = p.indexOf('=');
                    json.append(json.length() > 1 ? "," : "").append('"').append(p, 0, Math.max(eq, 0)).append("\":\"x\"");
                }
                r.rawBody = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
                if (rnd.nextBoolean()) {
                    r.contentType = "application/json";
                }
                r.mustFail = true;
            }
            case 18 -> { // oversized body
                r.kinds.add("oversized-body");
                byte[] body = new byte[65_537 + rnd.nextInt(150_000)];
                java.util.Arrays.fill(body, (byte) 'b');
                r.rawBody = body;
                r.expected.add(413);
            }
            default -> { // raw binary bytes in the body
                r.kinds.add("binary-body");
                byte[] tail = bytes(1 + rnd.nextInt(200));
                byte[] head = String.join("&", r.form).getBytes(StandardCharsets.ISO_8859_1);
                byte[] body = new byte[head.length + 1 + tail.length];
                System.arraycopy(head, 0, body, 0, head.length);
                body[head.length] = '&';
                System.arraycopy(tail, 0, body, head.length + 1, tail.length);
                r.rawBody = body;
            }
        }
    }

    private void set(List<String> params, String name, String value) {
        String prefix = enc(name) + "=";
        params.removeIf(p -> p.startsWith(prefix));
        params.add(rnd.nextInt(params.size() + 1), prefix + enc(value));
    }

    private void breakEncoding(List<String> params, String broken) {
        if (params.isEmpty()) {
            params.add("x=" + broken);
            return;
        }
        int i = rnd.nextInt(params.size());
        String p = params.get(i);
        int at = rnd.nextInt(p.length() + 1);
        // Never split an existing %XX escape; move to the next boundary.
        while (at < p.length() && at > 0 && (p.charAt(at - 1) == '%' || (at > 1 && p.charAt(at - 2) == '%'))) {
            at++;
        }
        params.set(i, p.substring(0, at) + broken + p.substring(at));
    }

    /** Requests that break HTTP/1.1 framing itself; each closes its connection. */
    Req malformed(String path) {
        Req r = new Req("GET", path);
        r.kinds.add("malformed-http");
        r.mustFail = true;
        String target = path + "?state=x";
        String host = "Host: h\r\n";
        String m = switch (rnd.nextInt(16)) {
            case 0 -> "GET " + path + "\r\n?x=1 HTTP/1.1\r\n" + host + "\r\n";
            case 1 -> "GET " + path + "?a=b c HTTP/1.1\r\n" + host + "\r\n";
            case 2 -> "GET " + target + " HTTP/1.x\r\n" + host + "\r\n";
            case 3 -> "GET " + target + " HTTP/1.1\r\n\r\n";
            case 4 -> "GET " + target + " HTTP/1.1\r\n" + host + "Bad Header Line\r\n\r\n";
            case 5 -> "GET " + target + " HTTP/1.1\r\n" + host + "X: a\r\n folded\r\n\r\n";
            case 6 -> "POST " + path + " HTTP/1.1\r\n" + host + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef";
            case 7 -> "POST " + path + " HTTP/1.1\r\n" + host + "Content-Length: x\r\n\r\n";
            case 8 -> "POST " + path + " HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n";
            case 9 -> "POST " + path + " HTTP/1.1\r\n" + host + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n";
            case 10 -> "POST " + path + " HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked, x\r\n\r\n0\r\n\r\n";
            case 11 -> "GET " + path + "\u00ff\u00fe HTTP/1.1\r\n" + host + "\r\n";
            case 12 -> "GET " + target + " HTTP/1.1\r\n" + host + "X-Bad\u0000: v\r\n\r\n";
            case 13 -> "GET " + target + " HTTP/1.1\r\n" + host + "X: a\rb\r\n\r\n";
            case 14 -> new String(bytes(1 + rnd.nextInt(64)), StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "") + "\r\n\r\n";
            default -> "GET http://evil.example" + target + " HTTP/1.1\r\nHost: evil.example\r\n" + host + "\r\n";
        };
        r.rawRequest = m.getBytes(StandardCharsets.ISO_8859_1);
        r.close = true;
        return r;
    }
}
