package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.internal.Html;
import dev.ekoolkit.mock.internal.MockRuntime;
import dev.ekoolkit.mock.state.AuthorizationContext;
import io.javalin.http.Context;

/** The login and consent pages. */
public final class LoginPages {

    private final MockRuntime rt;

    /** The pages of one server. */
    public LoginPages(MockRuntime rt) {
        this.rt = rt;
    }

    /** Starts a login for a validated request and shows the login page. */
    public void begin(Context ctx, AuthorizationContext request, MockClient client) {
        Html.send(ctx, 200, "Log in", "<h1>Log in to " + client.name() + "</h1><p>Not yet implemented.</p>");
    }
}
