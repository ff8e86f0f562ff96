package dev.ekoolkit.mock.bench;

import io.javalin.Javalin;

/**
 * The HTTP ceiling: a trivial Javalin 7 handler returning a constant small JSON body (the shape and size of a
 * {@code /user/me/basic} answer), with the mock's own Javalin start-up settings. Run in its own JVM with the
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
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.get(PATH, ctx -> ctx.contentType("application/json").result(BODY));
        }).start();
        System.out.println("listening port=" + app.port());
        System.out.flush();
    }
}
