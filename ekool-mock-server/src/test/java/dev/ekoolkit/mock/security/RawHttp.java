package dev.ekoolkit.mock.security;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive HTTP/1.1 client over one keep-alive socket that sends requests byte for byte as
 * given, so tests can send what {@code java.net.http} refuses to build: broken request lines, CR/LF in
 * targets, duplicate or oversized headers, bodies that contradict their Content-Type. Every read has a
 * socket timeout, so a server that hangs fails the test instead of stalling it.
 */
final class RawHttp implements AutoCloseable {

    /** One parsed answer. */
    record Response(int status, String statusLine, List<String[]> headerList, byte[] body, String rawHead) {

        /** The first value of a header, case-insensitive, or {@code ""}. */
        String header(String name) {
            for (String[] h : headerList) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return "";
        }

        /** Every value of a header, case-insensitive. */
        List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            for (String[] h : headerList) {
                if (h[0].equalsIgnoreCase(name)) {
                    out.add(h[1]);
                }
            }
            return out;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return rawHead + (text.length() > 600 ? text.substring(0, 600) + "...(" + text.length() + " chars)" : text);
        }
    }

    private final InetAddress localAddress;
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;

    RawHttp(String host, int port, int timeoutMillis) {
        this(null, host, port, timeoutMillis);
    }

    /** A client whose socket is bound to {@code localAddress} (null: any). */
    RawHttp(InetAddress localAddress, String host, int port, int timeoutMillis) {
        this.localAddress = localAddress;
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** The {@code Host} header value for this server. */
    String authority() {
        return host + ":" + port;
    }

    /** How many TCP connections this client has opened. */
    int connections() {
        return connections;
    }

    /** Sends a request built from text (ISO-8859-1, so each char is one byte) and reads the answer. */
    Response send(String request) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends raw request bytes and reads one response. A reused connection the server closed meanwhile is
     * replaced once; a write the server cut short (it answered early, e.g. 413) still reads the answer.
     */
    Response send(byte[] request) {
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (EOFException e) {
            if (!reused) {
                throw new UncheckedIOException("the server closed the connection without an answer", e);
            }
            close();
            try {
                return exchange(request);
            } catch (IOException again) {
                close();
                throw new UncheckedIOException("no answer on a fresh connection either", again);
            }
        } catch (SocketTimeoutException e) {
            close();
            throw new AssertionError("no answer within " + timeoutMillis + " ms (the server hangs)", e);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private byte[] lastRequest;
    private final java.util.ArrayDeque<String> history = new java.util.ArrayDeque<>();

    private Response exchange(byte[] request) throws IOException {
        lastRequest = request;
        if (history.size() >= 4) {
            history.removeFirst();
        }
        history.addLast((socket == null ? "[new connection] " : "") + new String(request, 0, Math.min(request.length, 400),
                StandardCharsets.ISO_8859_1));
        if (socket == null) {
            open();
        } else if (in.available() > 0) {
            String extra = new String(in.readNBytes(Math.min(in.available(), 300)), StandardCharsets.ISO_8859_1);
            close();
            throw new AssertionError("the server sent an answer nobody asked for (a late second answer to an earlier"
                    + " request); bytes: " + extra + "\nrequests on this client, oldest first: " + String.join("\n---\n", history));
        }
        try {
            out.write(request);
            out.flush();
        } catch (IOException writeFailed) {
            // The server may have answered (413/431) and closed before reading everything; read what it said.
            try {
                return read();
            } catch (IOException readFailed) {
                close();
                throw new EOFException("write failed (" + writeFailed.getMessage() + ") and no answer was readable");
            }
        }
        return read();
    }

    private void open() throws IOException {
        Socket s = new Socket();
        if (localAddress != null) {
            s.bind(new InetSocketAddress(localAddress, 0));
        }
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        s.setSoTimeout(timeoutMillis);
        s.setTcpNoDelay(true);
        socket = s;
        connections++;
        int id = connections;
        trace.event(id, "connect " + s.getLocalPort() + " -> " + s.getPort());
        in = new BufferedInputStream(new java.io.FilterInputStream(s.getInputStream()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                trace.bytes(id, "<", b < 0 ? new byte[0] : new byte[] {(byte) b}, 0, b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                trace.bytes(id, "<", b, off, n);
                return n;
            }
        }, 16 * 1024);
        out = new java.io.FilterOutputStream(s.getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                trace.bytes(id, ">", b, off, len);
                super.out.write(b, off, len);
            }
        };
    }

    private final Trace trace = new Trace();

    /** The byte trace of this client's recent connections (bytes written {@code >}, read {@code <}, oldest first). */
    String trace() {
        return trace.toString();
    }

    /**
     * Sends {@code parts} on a connection of their own, one write each, then half-closes it (no more requests) and
     * reads every answer the server writes until it closes. Unlike {@link #send(byte[])}, whose check for a second
     * answer can only see bytes that have already arrived, this sees every byte the server ever sends for these
     * bytes, whatever the scheduling: the deterministic way to count answers. Interim (1xx) answers are included.
     * A write the server cut short (it answered early and closed) is not an error.
     */
    List<Response> sendAlone(byte[]... parts) {
        return sendAlone(true, parts);
    }

    /**
     * Like {@link #sendAlone(byte[]...)}, but keeps the sending side open, so the server cannot take an end of input
     * for the end of the last request: the answers end only when the server closes (or the timeout fails the call).
     * For bytes whose last request the server refuses with {@code Connection: close}.
     */
    List<Response> sendAloneUntilServerCloses(byte[]... parts) {
        return sendAlone(false, parts);
    }

    private List<Response> sendAlone(boolean halfClose, byte[]... parts) {
        close();
        try {
            open();
            collecting = true;
            try {
                for (byte[] p : parts) {
                    out.write(p);
                    out.flush();
                }
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException cutShort) {
                // the server answered and closed before reading everything; its answer is still readable
            }
            List<Response> answers = new ArrayList<>();
            while (in != null) {
                try {
                    answers.add(readOne());
                } catch (EOFException end) {
                    break;
                }
            }
            return answers;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            collecting = false;
            close();
        }
    }

    private boolean collecting;

    private Response read() throws IOException {
        Response r = readOne();
        while (r.status() >= 100 && r.status() < 200 && r.status() != 101) {
            r = readOne(); // an interim answer (100 Continue); the real one follows
        }
        return r;
    }

    private Response readOne() throws IOException {
        String statusLine = line(true);
        StringBuilder head = new StringBuilder(statusLine).append("\r\n");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            close();
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<String[]> headers = new ArrayList<>();
        for (String l = line(false); !l.isEmpty(); l = line(false)) {
            head.append(l).append("\r\n");
            int colon = l.indexOf(':');
            headers.add(colon < 0 ? new String[] {l, ""} : new String[] {l.substring(0, colon).trim(), l.substring(colon + 1).trim()});
        }
        head.append("\r\n");
        Map<String, String> h = new LinkedHashMap<>();
        for (String[] x : headers) {
            h.putIfAbsent(x[0].toLowerCase(Locale.ROOT), x[1]);
        }
        byte[] body;
        if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (h.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked();
        } else if (h.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(h.get("content-length")));
        } else {
            body = in.readAllBytes();
            close();
        }
        if (collecting) {
            return new Response(status, statusLine, headers, body, head.toString());
        }
        if (h.getOrDefault("connection", "").equalsIgnoreCase("close")) {
            close();
        } else if (status >= 200 && in != null && in.available() > 0) {
            String extra = new String(in.readNBytes(Math.min(in.available(), 300)), StandardCharsets.ISO_8859_1);
            close();
            throw new AssertionError("the server sent more than one answer to one request; extra bytes: " + extra
                    + "\nrequests on this client, oldest first: " + String.join("\n---\n", history));
        }
        return new Response(status, statusLine, headers, body, head.toString());
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            String size = line(false);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (!line(false).isEmpty()) {
                    // trailers
                }
                return b.toByteArray();
            }
            b.write(in.readNBytes(n));
            line(false);
        }
    }

    private String line(boolean first) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (first && sb.length() == 0) {
                    throw new EOFException("connection closed before a status line");
                }
                throw new IOException("connection closed in the middle of a response");
            }
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            trace.event(connections, "client closes");
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
