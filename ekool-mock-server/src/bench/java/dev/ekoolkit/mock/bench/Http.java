package dev.ekoolkit.mock.bench;

import java.io.Closeable;
import java.io.IOException;

/**
 * One virtual user's HTTP client, as the flows use it: {@link HttpConnection} (the raw socket driver) or
 * {@link JdkHttp} (the JDK's {@code java.net.http.HttpClient}).
 */
interface Http extends Closeable {

    /** A response: status, the Location header (or null) and the body as text. */
    record Response(int status, String location, String body) {
    }

    /** The drivers the load generator can use; the name is the one the report prints. */
    enum Driver {
        /** {@link HttpConnection}: one blocking socket per virtual user, hand-written HTTP/1.1. */
        RAW("raw socket"),
        /** {@link JdkHttp}: one {@code java.net.http.HttpClient} (HTTP/1.1, keep-alive) per virtual user. */
        JDK("JDK HttpClient");

        final String label;

        Driver(String label) {
            this.label = label;
        }
    }

    /** GET with an optional bearer token; redirects are not followed. */
    Response get(String pathAndQuery, String bearer) throws IOException;

    /** POST of an {@code application/x-www-form-urlencoded} body. */
    Response postForm(String path, String form) throws IOException;

    @Override
    void close();

    /** A new client of the given driver for the server at host:port. */
    static Http open(Driver driver, String host, int port) {
        return driver == Driver.JDK ? new JdkHttp(host, port) : new HttpConnection(host, port);
    }
}
