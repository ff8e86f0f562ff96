package dev.ekoolkit.mock.bench;

import dev.ekoolkit.mock.wiring.Routes;
import io.javalin.Javalin;

/**
 * The HTTP ceiling: a trivial Javalin 7 handler returning a constant small JSON body (the shape and size of a
 * {@code /user/me/basic} answer), with the mock's own Javalin server settings ({@link Routes#serverSettings}:
 * size limits, error handler, connector and idle timeout) but none of its routes. Run in its own JVM with the
 * mock's JVM flags; prints {@code listening port=…} once bound.
 */
public final class CeilingServer {

    static final String PATH = "/ceiling";

    private static final String BODY = "{\"data\":{\"id\":1001,\"firstName\":\"Mari\",\"lastName\":\"Maasikas\","
            + "\"email\":\"mari.maasikas@example.com\",\"personalCode\":null,\"roles\":[\"student\"]}}";

    private CeilingServer() {
    }

    public static void main(String[] args) {
        Javalin app = Javalin.create(c -> {
            // the very settings the mock starts with (Routes.create uses the same method), not a copy of them
            Routes.serverSettings(c, "127.0.0.1", 0, Routes.DEFAULT_IDLE_TIMEOUT);
            c.routes.get(PATH, ctx -> ctx.contentType("application/json").result(BODY));
        }).start();
        System.out.println("listening port=" + app.port());
        System.out.flush();
    }
}
