package dev.ekoolkit.mock.runtime;

/** An endpoint's own logic, given the request's context after the pipeline has parsed and checked it. */
@FunctionalInterface
public interface CallHandler {

    /**
     * Decides and answers one request.
     *
     * @param call the request, already opened by the pipeline
     * @throws Exception any failure; the pipeline's error mapping turns it into the endpoint's error format
     */
    void handle(Call call) throws Exception;
}
