package dev.ekoolkit.mock.runtime;

/**
 * An endpoint that parses its request into a typed value before anything else happens, so that the pipeline
 * can serve a queued fault between parsing and answering (the authorization endpoint: a fault there is
 * redirected to the client, which needs the checked redirect URI and state).
 *
 * @param <T> the parsed request
 */
public interface ParsedEndpoint<T> {

    /**
     * Parses and checks the whole request, every rule in one place.
     *
     * @param call the request, already opened by the pipeline
     * @return the parsed, checked request
     * @throws dev.ekoolkit.core.error.EkoolOAuthException naming the first rule the request breaks
     */
    T parse(Call call);

    /**
     * Decides and answers a parsed request.
     *
     * @param call the request, already opened by the pipeline
     * @param request the request as {@link #parse(Call)} returned it
     * @throws Exception any failure; the pipeline's error mapping turns it into the endpoint's error format
     */
    void answer(Call call, T request) throws Exception;
}
