package example.app;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockTest;
import dev.ekoolkit.testkit.spring.EkoolSpringLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@EkoolMockTest
@SpringBootTest
class MockMvcSignInTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private String body(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void mari_sees_who_she_is_and_her_role() throws Exception {
        MockHttpSession session = EkoolSpringLogin.mockMvc(mvc, ekool(), "mari");
        assertThat(body("/", session)).contains("Signed in as Mari Maasikas (eKool id 100001), roles: student");
    }

    @Test
    void a_student_is_refused_the_teachers_page() throws Exception {
        MockHttpSession session = EkoolSpringLogin.mockMvc(mvc, ekool(), "mari");
        assertThat(mvc.perform(get("/teachers").session(session)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void a_teacher_opens_the_teachers_page() throws Exception {
        MockHttpSession session = EkoolSpringLogin.mockMvc(mvc, ekool(), "jaan");
        assertThat(body("/teachers", session)).contains("Teachers only. Welcome, Jaan Tamm.");
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        MockHttpSession session = EkoolSpringLogin.mockMvc(mvc, ekool(), "mari");
        MvcResult out = mvc.perform(post("/logout").with(csrf()).session(session)).andReturn();
        assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/signed-out");
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void a_token_endpoint_fault_is_shown_to_the_user(EkoolMock ekool) throws Exception {
        ekool.loginAs("mari");
        ekool.failNext(Endpoint.TOKEN, Fault.oauthError("temporarily_unavailable", "eKool is down for maintenance", 503));
        MockHttpSession session = new MockHttpSession();
        String authorize = mvc.perform(get("/oauth2/authorization/ekool").session(session)).andReturn()
                .getResponse().getRedirectedUrl();
        URI callback = ekool.followLogin(URI.create(authorize));
        MvcResult result = mvc.perform(get(callback).session(session)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sign-in-failed");
        assertThat(body("/sign-in-failed", session)).contains("Signing in with eKool failed:")
                .contains("eKool is down for maintenance");
    }

    @Autowired
    EkoolMock ekool;

    private EkoolMock ekool() {
        return ekool;
    }
}
