package dev.ekoolkit.mock.internal;

import dev.ekoolkit.mock.admin.Endpoint;
import io.javalin.Javalin;

/** The mock's HTTP routes and server settings, in one place. */
public final class Routes {

    /** The largest request body accepted (413 above it). */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private Routes() {
    }

    /** A configured, not yet started Javalin app serving {@code rt}. */
    public static Javalin create(MockRuntime rt, String host, int port) {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = host;
            c.jetty.port = port;
            c.http.maxRequestSize = MAX_BODY_BYTES;
            c.http.generateEtags = false;
            c.router.ignoreTrailingSlashes = false;

            c.routes.get(Endpoint.HEALTH.path(), Exchange.endpoint(rt, Endpoint.HEALTH, Exchange.Style.JSON, true,
                    ctx -> Exchange.json(ctx, 200, Json.object("status", "UP"))));

            c.routes.after(ctx -> Exchange.record(rt, ctx));
            c.routes.exception(Exception.class, Exchange::fail);
        });
    }
}
