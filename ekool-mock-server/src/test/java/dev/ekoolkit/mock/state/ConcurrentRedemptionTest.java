package dev.ekoolkit.mock.state;

import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Many threads redeeming one code or one refresh token at once: exactly one wins. */
class ConcurrentRedemptionTest {

    private static final int THREADS = 16;
    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    private static long successes(Supplier<HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<Integer> call = () -> {
                    go.await();
                    return request.get().statusCode();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            long ok = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                assertThat(status).isIn(200, 400);
                ok += status == 200 ? 1 : 0;
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exactly_one_of_many_concurrent_exchanges_of_a_code_succeeds() throws Exception {
        String code = Flows.code(server);
        assertThat(successes(() -> Flows.exchange(server, code))).isEqualTo(1);
    }

    @Test
    void exactly_one_of_many_concurrent_refreshes_of_a_token_succeeds() throws Exception {
        String refresh = server.issueTokens("mari", null, Scopes.of("users-basic")).refreshToken();
        assertThat(successes(() -> Flows.refresh(server, refresh))).isEqualTo(1);
    }
}
