package dev.ekoolkit.spring;

import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockTest;
import dev.ekoolkit.testkit.spring.EkoolSpringLogin;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** JUnit runs the outer class's tests before its @Nested classes; the nested ones see what the outer left behind. */
@EkoolMockTest
@SpringBootTest(classes = SignInApplication.class)
class ContextCacheTest {

    static final AtomicReference<EkoolMock> OUTER_MOCK = new AtomicReference<>();
    static final AtomicReference<ApplicationContext> OUTER_CONTEXT = new AtomicReference<>();

    @Autowired
    WebApplicationContext context;

    @Test
    void signs_mari_in_and_leaves_requests_behind(EkoolMock ekool) {
        EkoolSpringLogin.mockMvc(MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build(), ekool, "mari");
        assertThat(ekool.requests()).isNotEmpty();
        OUTER_MOCK.set(ekool);
        OUTER_CONTEXT.set(context);
    }

    @Nested
    class WithTheSameSettings {
        @Test
        void gets_the_same_context_and_mock_reset_with_the_redirect_uri_registered_again(EkoolMock ekool,
                                                                                        @Autowired ApplicationContext app) {
            assertThat(app).isSameAs(OUTER_CONTEXT.get());
            assertThat(ekool).isSameAs(OUTER_MOCK.get());
            assertThat(ekool.requests()).isEmpty();
            assertThat(ekool.defaultClient().redirectUris()).extracting(Object::toString)
                    .contains("http://localhost/login/oauth2/code/ekool");
        }
    }

    @Nested
    @EkoolMockTest(autoLogin = "jaan")
    class WithOtherSettings {
        @Test
        void gets_its_own_context_and_mock(EkoolMock ekool, @Autowired ApplicationContext app) {
            assertThat(app).isNotSameAs(OUTER_CONTEXT.get());
            assertThat(ekool).isNotSameAs(OUTER_MOCK.get());
        }
    }
}
