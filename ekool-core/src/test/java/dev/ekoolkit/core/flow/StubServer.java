package dev.ekoolkit.core.flow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A scripted HTTP server on 127.0.0.1, port 0: answers queued canned responses and records what it got. */
final class StubServer implements AutoCloseable {

    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    record Canned(int status, Map<String, String> headers, String body, boolean hang) {
    }

    private final HttpServer server;
    private final Deque<Canned> answers = new ArrayDeque<>();
    private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    StubServer answer(int status, String contentType, String body) {
        return answer(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    synchronized StubServer answer(int status, Map<String, String> headers, String body) {
        answers.add(new Canned(status, headers, body, false));
        return this;
    }

    synchronized StubServer hang() {
        answers.add(new Canned(0, Map.of(), "", true));
        return this;
    }

    StubServer json(int status, String body) {
        return answer(status, "application/json; charset=UTF-8", body);
    }

    Recorded take() throws InterruptedException {
        Recorded r = requests.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the stub within 5 seconds");
        }
        return r;
    }

    List<Recorded> drain() {
        List<Recorded> all = new ArrayList<>();
        requests.drainTo(all);
        return all;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        Canned canned;
        synchronized (this) {
            canned = answers.poll();
        }
        if (canned == null) {
            canned = new Canned(500, Map.of("Content-Type", "text/plain"), "stub has no answer queued", false);
        }
        if (canned.hang()) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        canned.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
