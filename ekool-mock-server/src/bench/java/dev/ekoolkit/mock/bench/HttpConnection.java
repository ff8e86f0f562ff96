package dev.ekoolkit.mock.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection (keep-alive) over a blocking socket: the load generator's whole client.
 * Deliberately lean (no pooling, no futures, no header objects) so the generator spends as little of the
 * shared CPU as possible; the same class drives the ceilings and the mock alike. Reconnects when the server
 * closes the connection.
 */
final class HttpConnection implements Http {

    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[16 * 1024];
    private final StringBuilder request = new StringBuilder(512);

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public Response get(String pathAndQuery, String bearer) throws IOException {
        request.setLength(0);
        request.append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n");
        if (bearer != null) {
            request.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        return exchange(null);
    }

    @Override
    public Response postForm(String path, String form) throws IOException {
        byte[] body = form.getBytes(StandardCharsets.ISO_8859_1);
        request.setLength(0);
        request.append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        return exchange(body);
    }

    private Response exchange(byte[] body) throws IOException {
        for (int attempt = 0; ; attempt++) {
            boolean fresh = socket == null;
            try {
                if (fresh) {
                    connect();
                }
                byte[] head = request.toString().getBytes(StandardCharsets.ISO_8859_1);
                out.write(head);
                out.write(hostHeader);
                out.write('\r');
                out.write('\n');
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                // a kept-alive connection may have been closed by the server between requests: retry once
                if (fresh || attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5_000);
        s.setSoTimeout(60_000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new java.io.BufferedOutputStream(s.getOutputStream(), 4 * 1024);
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        String location = null;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon);
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
                close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("location")) {
                location = value;
            }
        }
        String body;
        if (chunked) {
            StringBuilder b = new StringBuilder();
            for (;;) {
                String size = readLine();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!readLine().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                b.append(readBytes(n));
                readLine();
            }
            body = b.toString();
        } else if (contentLength >= 0) {
            body = readBytes((int) contentLength);
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, location, body);
    }

    private String readBytes(int n) throws IOException {
        byte[] b = n <= line.length ? line : new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(b, off, n - off);
            if (r < 0) {
                throw new EOFException("connection closed in a body");
            }
            off += r;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    private String readLine() throws IOException {
        int n = 0;
        for (;;) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c == '\n') {
                break;
            }
            if (c != '\r' && n < line.length) {
                line[n++] = (byte) c;
            }
        }
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
