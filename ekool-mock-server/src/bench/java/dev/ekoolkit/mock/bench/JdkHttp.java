package dev.ekoolkit.mock.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The second load driver: the JDK's {@link HttpClient}, one client per virtual user (so, as with the raw
 * driver, one keep-alive HTTP/1.1 connection per virtual user, reused for every request), redirects not
 * followed, synchronous {@code send}. It costs the shared CPU more than {@link HttpConnection}, and is what
 * a Java application would use.
 */
final class JdkHttp implements Http {

    private final HttpClient client;
    private final String base;

    JdkHttp(String host, int port) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "http://" + host + ":" + port;
    }

    @Override
    public Response get(String pathAndQuery, String bearer) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    @Override
    public Response postForm(String path, String form) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.ISO_8859_1)).build());
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("location").orElse(null), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** Nothing to release: the client's idle connection goes when the generator's JVM exits (Java 17 has no {@code HttpClient.close}). */
    @Override
    public void close() {
        // HttpClient is AutoCloseable only from Java 21 on
    }
}
