package dev.ekoolkit.mock.security;

import dev.ekoolkit.core.internal.Text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A bounded log of what a {@link RawHttp} client wrote and read, per connection and in the order it happened: every
 * chunk the socket delivered or took, with its connection number and the time since the client was made, so a
 * failure shows which answer arrived when and on which connection. Long chunks are cut.
 */
final class Trace {

    private static final int MAX_LINES = 1_000;
    private static final int MAX_CHUNK = 600;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final long start = System.nanoTime();

    synchronized void event(int connection, String what) {
        add(String.format("%8.3f ms #%d %s", (System.nanoTime() - start) / 1e6, connection, what));
    }

    synchronized void bytes(int connection, String direction, byte[] b, int off, int n) {
        if (n < 0) {
            event(connection, direction + " end of stream");
            return;
        }
        String text = Text.printable(new String(b, off, n, StandardCharsets.ISO_8859_1), MAX_CHUNK);
        event(connection, direction + " " + n + " bytes: " + text);
    }

    private void add(String line) {
        if (lines.size() == MAX_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", lines);
    }
}
