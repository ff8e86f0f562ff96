package dev.ekoolkit.mock.wiring;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.runtime.Call;
import dev.ekoolkit.mock.runtime.CallHandler;
import dev.ekoolkit.mock.runtime.MockRuntime;
import dev.ekoolkit.mock.runtime.ParsedEndpoint;
import dev.ekoolkit.mock.state.ClientRegistry;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request's way through the mock, in order: open the {@link Call} (endpoint, error style, arrival time,
 * parameters parsed strictly once), wait for a queued delay, serve a queued fault <em>or</em> run the
 * endpoint, and, after the answer is decided, record the request in the journal with its secrets masked.
 * Errors thrown on the way are answered by {@link ErrorMapping}.
 */
final class Pipeline {

    /** The longest parameter value the journal keeps whole; longer ones are cut, so 1,000 recorded 64 KiB bodies cannot pin 64 MB. */
    static final int MAX_RECORDED_VALUE = 4096;

    private static final Set<String> SECRET_PARAMS = Set.of("client_secret", "code", "code_verifier", "refresh_token",
            "password", "personal_code", "csrf_token", "access_token", "client_assertion", "assertion", "login");

    private Pipeline() {
    }

    /** A route for an endpoint whose faults are served before it runs. */
    static Handler route(MockRuntime rt, Endpoint endpoint, Call.Style style, CallHandler handler) {
        return ctx -> {
            Call call = open(rt, endpoint, style, ctx);
            delay(rt, endpoint);
            if (!serveFault(rt, endpoint, call)) {
                handler.handle(call);
            }
        };
    }

    /** A route for an endpoint that parses its request first; faults are served between parsing and answering. */
    static <T> Handler route(MockRuntime rt, Endpoint endpoint, Call.Style style, ParsedEndpoint<T> handler) {
        return ctx -> {
            Call call = open(rt, endpoint, style, ctx);
            delay(rt, endpoint);
            T request = handler.parse(call);
            if (!serveFault(rt, endpoint, call)) {
                handler.answer(call, request);
            }
        };
    }

    private static Call open(MockRuntime rt, Endpoint endpoint, Call.Style style, Context ctx) {
        java.time.Instant arrived = rt.now();
        // First without parameters, so that a body too large or a broken encoding is answered in this endpoint's
        // format and recorded; then with them, once they are parsed.
        Call.open(ctx, endpoint, style, arrived, Params.empty(), Params.empty());
        Params query = Params.parse(ctx.queryString(), "query");
        Params form = Params.empty();
        if (ctx.method().name().equals("POST")
                && Params.mediaType(ctx.header("Content-Type")).equals("application/x-www-form-urlencoded")) {
            form = Params.parse(ctx.bodyAsBytes(), "form body");
        }
        Params all = query.asMap().isEmpty() ? form : form.asMap().isEmpty() ? query : merge(query, form);
        return Call.open(ctx, endpoint, style, arrived, all, form);
    }

    private static void delay(MockRuntime rt, Endpoint endpoint) throws InterruptedException {
        Optional<java.time.Duration> delay = rt.faults().nextDelay(endpoint);
        if (delay.isPresent()) {
            Thread.sleep(delay.get().toMillis());
        }
    }

    /**
     * Serves the next queued fault of {@code endpoint}, if any: a bare status is answered here; an OAuth error
     * is thrown for the error mapping to format.
     *
     * @return {@code true} when a bare-status fault answered the request
     */
    private static boolean serveFault(MockRuntime rt, Endpoint endpoint, Call call) {
        Optional<Fault> fault = rt.faults().nextFault(endpoint);
        if (fault.isEmpty()) {
            return false;
        }
        Fault f = fault.get();
        if (f.kind() == Fault.Kind.OAUTH_ERROR) {
            throw f.toException();
        }
        call.answered();
        HttpStatus status = HttpStatus.forStatus(f.status());
        call.ctx().status(f.status()).contentType("text/plain; charset=utf-8")
                .result(f.status() + " " + status.getMessage() + " (fault injected by the eKool mock)\n");
        return true;
    }

    /** Records a request to a journaled endpoint; runs after the answer is decided. */
    static void record(MockRuntime rt, Context ctx) {
        Optional<Call> found = Call.of(ctx);
        if (found.isEmpty() || found.get().endpoint().isEmpty() || !rt.journal().enabled()) {
            return;
        }
        Call call = found.get();
        Endpoint endpoint = call.endpoint().get();
        Params params = call.params();
        String clientId = call.clientId();
        if (clientId == null) {
            List<String> ids = params.asMap().get("client_id");
            clientId = ids == null || ids.isEmpty() ? null : ids.get(0);
        }
        String grant = call.grantType();
        if (grant == null && endpoint == Endpoint.TOKEN) {
            List<String> g = params.asMap().get("grant_type");
            grant = g == null || g.isEmpty() ? null : g.get(0);
        }
        ClientRegistry clients = rt.state().clients();
        rt.journal().record(new RecordedRequest(call.time(), endpoint, ctx.method().name(), ctx.path(), grant,
                clients.shown(clientId), call.authMethod(), maskParams(params, clients), maskHeaders(ctx),
                ctx.statusCode()));
    }

    private static Params merge(Params query, Params form) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        query.asMap().forEach((k, v) -> m.put(k, new ArrayList<>(v)));
        form.asMap().forEach((k, v) -> m.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return Params.of(m);
    }

    /**
     * The parameters as the journal keeps them: secret ones (by name, ignoring case: {@code Client_Secret} is
     * masked too) as {@link RecordedRequest#MASK}, a {@code client_id} that is not registered as its length and
     * kinds of characters, long values cut.
     */
    private static Map<String, List<String>> maskParams(Params params, ClientRegistry clients) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        params.asMap().forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            List<String> shown = SECRET_PARAMS.contains(name) ? Collections.nCopies(v.size(), RecordedRequest.MASK)
                    : name.equals("client_id") ? v.stream().map(clients::shown).toList()
                    : v.stream().map(Pipeline::cut).toList();
            out.put(k.length() > MAX_RECORDED_VALUE ? cut(k) : k, shown);
        });
        return Collections.unmodifiableMap(out);
    }

    private static String cut(String value) {
        return value.length() <= MAX_RECORDED_VALUE ? value
                : value.substring(0, MAX_RECORDED_VALUE) + "...(" + value.length() + " characters)";
    }

    private static Map<String, String> maskHeaders(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        Enumeration<String> names = ctx.req().getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String value = ctx.req().getHeader(name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
                int sp = value.indexOf(' ');
                value = (sp > 0 ? value.substring(0, sp) + " " : "") + RecordedRequest.MASK;
            } else if (lower.equals("cookie") || lower.equals("x-admin-token")) {
                value = RecordedRequest.MASK;
            }
            out.put(name, value);
        }
        return Collections.unmodifiableMap(out);
    }
}
