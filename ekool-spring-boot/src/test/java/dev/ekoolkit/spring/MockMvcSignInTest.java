package dev.ekoolkit.spring;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.testkit.EkoolAssertions;
import dev.ekoolkit.testkit.EkoolMock;
import dev.ekoolkit.testkit.EkoolMockTest;
import dev.ekoolkit.testkit.spring.EkoolSpringLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@EkoolMockTest
@SpringBootTest(classes = SignInApplication.class)
class MockMvcSignInTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    EkoolMock autowired;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void mari_signs_in_with_her_id_as_name_her_role_and_the_granted_scope(EkoolMock ekool) throws Exception {
        MockHttpSession session = EkoolSpringLogin.mockMvc(mvc, ekool, "mari");
        String page = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).isEqualTo("100001 Mari Maasikas [ROLE_STUDENT, SCOPE_users-basic]");
        EkoolAssertions.assertThat(ekool.takeRequest(Endpoint.AUTHORIZE)).hasParam("code_challenge_method", "S256")
                .hasRedirectUri("http://localhost/login/oauth2/code/ekool");
        EkoolAssertions.assertThat(ekool.takeRequest(Endpoint.TOKEN)).hasGrantType("authorization_code")
                .usedClientSecretBasic().usedPkce();
    }

    @Test
    void the_parameter_and_the_autowired_field_are_the_same_mock(EkoolMock ekool) {
        assertThat(ekool).isSameAs(autowired);
    }

    @Test
    void a_refusal_of_user_me_basic_fails_the_login_with_the_servers_description(EkoolMock ekool) {
        ekool.failNext(Endpoint.USER_BASIC, Fault.oauthError("invalid_token", "The access token was revoked"));
        assertThatThrownBy(() -> EkoolSpringLogin.mockMvc(mvc, ekool, "mari"))
                .hasMessageContaining("invalid_user_info_response")
                .hasMessageContaining("invalid_token")
                .hasMessageContaining("The access token was revoked");
    }
}
