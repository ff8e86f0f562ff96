package dev.ekoolkit.mock.config;

import dev.ekoolkit.core.credentials.CredentialFormat;
import dev.ekoolkit.core.person.PersonalCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration records and the embedded default. */
class MockConfigTest {

    @Test
    void the_demo_credentials_are_well_formed_and_obviously_fake() {
        assertThat(CredentialFormat.check(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET)).isEmpty();
        assertThat(MockConfig.DEMO_CLIENT_ID).startsWith("demo");
        assertThat(MockConfig.DEMO_CLIENT_SECRET).startsWith("demo");
    }

    @Test
    void the_default_users_are_a_student_her_parent_and_a_teacher_with_valid_personal_codes() {
        List<MockUser> users = MockConfig.defaultUsers();
        assertThat(users).extracting(u -> u.roles().get(0)).containsExactly(MockUser.Role.STUDENT, MockUser.Role.PARENT,
                MockUser.Role.TEACHER);
        assertThat(users.get(1).childIds()).containsExactly(users.get(0).id());
        assertThat(users).allSatisfy(u -> assertThat(PersonalCode.isValid(u.personalCode())).isTrue());
    }

    @Test
    void the_default_client_allows_users_basic_and_the_user_flows_only() {
        MockClient demo = MockConfig.demoClient();
        assertThat(demo.allowedScopes().format()).isEqualTo("users-basic");
        assertThat(demo.allowedGrants()).containsExactly(MockClient.Grant.AUTHORIZATION_CODE, MockClient.Grant.REFRESH_TOKEN);
        assertThat(demo.redirectUris()).extracting(u -> u.value())
                .containsExactly("http://localhost:8080/oauth2/callback", "http://127.0.0.1:8080/oauth2/callback");
    }

    @Test
    void to_string_masks_secrets_passwords_and_personal_codes() {
        String s = MockConfig.defaults().toString();
        assertThat(s).doesNotContain(MockConfig.DEMO_CLIENT_SECRET, "demo-student", "61003150227");
    }

    @Test
    void refuses_duplicate_usernames_ignoring_case() {
        MockUser a = MockUser.of("1", "Mari", "p", "A", "B", "a@example.com", null);
        MockUser b = MockUser.of("2", "mari", "p", "A", "B", "b@example.com", null);
        assertThatThrownBy(() -> MockConfig.defaults().withUsers(List.of(a, b))).hasMessageContaining("username 'mari'");
    }

    @Test
    void refuses_an_invalid_personal_code_without_echoing_it() {
        assertThatThrownBy(() -> MockUser.of("1", "x", "p", "A", "B", "a@example.com", "36805280108"))
                .hasMessageContaining("personalCode").hasMessageNotContaining("36805280108");
    }

    @Test
    void refuses_a_config_without_clients() {
        assertThatThrownBy(() -> MockConfig.defaults().withClients(List.of())).hasMessageContaining("at least one client");
    }
}
