package dev.ekoolkit.mock.state;

import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.state.TokenFamilies.AccessToken;
import dev.ekoolkit.mock.state.TokenFamilies.ExpiredToken;
import dev.ekoolkit.mock.state.TokenFamilies.FamilyView;
import dev.ekoolkit.mock.state.TokenFamilies.Issue;
import dev.ekoolkit.mock.state.TokenFamilies.Refresh;
import dev.ekoolkit.mock.state.TokenFamilies.ReusedToken;
import dev.ekoolkit.mock.state.TokenFamilies.Rotated;
import dev.ekoolkit.mock.state.TokenFamilies.UnknownToken;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Token families on their own, with times the test sets: what a family issues, rotation, replay detection,
 * expiry to the second, revocation and the bound. Access tokens live an hour, refresh tokens a day.
 */
class TokenFamiliesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Scopes USERS_BASIC = Scopes.parse("users-basic");
    private static final Function<FamilyView, Scopes> SAME_SCOPES = FamilyView::scopes;

    private final TokenFamilies families = new TokenFamilies(3, Duration.ofHours(1), Duration.ofDays(1));

    private Issue create(String clientId) {
        return families.create(clientId, "100001", USERS_BASIC, true, T0);
    }

    private Issue rotate(String refreshToken, Instant now) {
        Refresh r = families.refresh(refreshToken, now, SAME_SCOPES);
        assertThat(r).isInstanceOf(Rotated.class);
        return ((Rotated) r).issue();
    }

    /** The refresh token's bytes as its documented layout has them: family id (16), generation (4), MAC (16). */
    private static byte[] bytes(String refreshToken) {
        return Base64.getUrlDecoder().decode(refreshToken);
    }

    private static String token(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int generation(String refreshToken) {
        return ByteBuffer.wrap(bytes(refreshToken), 16, 4).getInt();
    }

    // --- what a family issues ---

    @Test
    void the_access_token_lifetime_is_given_in_whole_seconds() {
        assertThat(families.accessTtlSeconds()).isEqualTo(3600);
    }

    @Test
    void a_new_familys_access_token_carries_its_client_user_scopes_and_times() {
        AccessToken access = create("client-1").access();

        assertThat(access.clientId()).isEqualTo("client-1");
        assertThat(access.userId()).isEqualTo("100001");
        assertThat(access.scopes()).isEqualTo(Scopes.parse("users-basic"));
        assertThat(access.issuedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(access.expiresAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(access.jti()).hasSize(22);
        assertThat(access.familyId()).hasSize(22).isNotEqualTo(access.jti());
        assertThat(families.findAccess(access.jti())).isSameAs(access);
    }

    @Test
    void a_refreshable_family_hands_out_a_refresh_token_of_36_bytes_at_generation_0() {
        Issue issue = create("client-1");

        assertThat(bytes(issue.refreshToken())).hasSize(36);
        assertThat(generation(issue.refreshToken())).isZero();
    }

    @Test
    void a_client_only_family_hands_out_no_refresh_token() {
        Issue issue = families.create("client-1", null, USERS_BASIC, false, T0);

        assertThat(issue.refreshToken()).isNull();
        assertThat(issue.access().userId()).isNull();
    }

    @Test
    void an_issue_prints_only_its_jti() {
        Issue issue = create("client-1");

        assertThat(issue.toString()).isEqualTo("Issue[jti=" + issue.access().jti() + "]")
                .doesNotContain(issue.refreshToken());
    }

    @Test
    void family_of_names_the_family_that_revoke_takes() {
        Issue issue = create("client-1");

        assertThat(families.revoke(TokenFamilies.familyOf(issue))).isTrue();
        assertThat(families.findAccess(issue.access().jti())).isNull();
    }

    @Test
    void an_attached_access_token_matches_exactly_its_serialised_form() {
        AccessToken access = create("client-1").access();
        families.attach(access, "h.c.s");

        assertThat(access.matches("h.c.s")).isTrue();
        assertThat(access.matches("h.c.t")).isFalse();
        assertThat(access.matches(null)).isFalse();
        assertThat(families.findIssued(null)).isNull();
    }

    @Test
    void finds_each_of_several_attached_tokens_by_its_own_serialised_form() {
        AccessToken a = create("client-1").access();
        AccessToken b = create("client-2").access();
        families.attach(a, "a.token.sig");
        families.attach(b, "b.token.sig");

        assertThat(families.findIssued("a.token.sig")).isSameAs(a);
        assertThat(families.findIssued("b.token.sig")).isSameAs(b);
    }

    @Test
    void finds_no_access_token_for_an_unknown_or_missing_jti() {
        create("client-1");

        assertThat(families.findAccess("AAAAAAAAAAAAAAAAAAAAAA")).isNull();
        assertThat(families.findAccess(null)).isNull();
    }

    // --- rotation ---

    @Test
    void refreshing_rotates_to_generation_1_with_the_scopes_the_check_returns() {
        Issue first = families.create("client-1", "100001", Scopes.parse("users-basic mkool-api"), true, T0);

        Refresh r = families.refresh(first.refreshToken(), T0.plusSeconds(60), family -> USERS_BASIC);

        assertThat(r).isInstanceOf(Rotated.class);
        Rotated rotated = (Rotated) r;
        assertThat(rotated.family()).isEqualTo(new FamilyView("client-1", "100001", Scopes.parse("users-basic mkool-api")));
        AccessToken access = rotated.issue().access();
        assertThat(access.scopes()).isEqualTo(Scopes.parse("users-basic"));
        assertThat(access.issuedAt()).isEqualTo(Instant.parse("2026-03-02T09:01:00Z"));
        assertThat(access.expiresAt()).isEqualTo(Instant.parse("2026-03-02T10:01:00Z"));
        assertThat(access.familyId()).isEqualTo(first.access().familyId());
        assertThat(generation(rotated.issue().refreshToken())).isEqualTo(1);
        assertThat(Arrays.copyOf(bytes(rotated.issue().refreshToken()), 16))
                .isEqualTo(Arrays.copyOf(bytes(first.refreshToken()), 16));
    }

    @Test
    void the_check_sees_the_family_as_it_was_granted() {
        Issue first = families.create("client-1", "100001", Scopes.parse("users-basic mkool-api"), true, T0);
        FamilyView[] seen = new FamilyView[1];

        families.refresh(first.refreshToken(), T0, family -> {
            seen[0] = family;
            return family.scopes();
        });

        assertThat(seen[0]).isEqualTo(new FamilyView("client-1", "100001", Scopes.parse("users-basic mkool-api")));
    }

    @Test
    void rotation_retires_the_old_access_token_and_keeps_the_new_one() {
        Issue first = create("client-1");
        Issue second = rotate(first.refreshToken(), T0.plusSeconds(60));

        assertThat(families.findAccess(first.access().jti())).isNull();
        assertThat(families.findAccess(second.access().jti())).isSameAs(second.access());
        assertThat(families.size()).isEqualTo(1);
    }

    @Test
    void each_rotation_hands_out_the_next_generation() {
        Issue first = create("client-1");
        Issue second = rotate(first.refreshToken(), T0);
        Issue third = rotate(second.refreshToken(), T0);

        assertThat(generation(third.refreshToken())).isEqualTo(2);
    }

    @Test
    void a_check_that_refuses_leaves_the_family_as_it_was() {
        Issue first = create("client-1");

        assertThatThrownBy(() -> families.refresh(first.refreshToken(), T0, family -> {
            throw new IllegalArgumentException("another client");
        })).hasMessage("another client");

        assertThat(families.findAccess(first.access().jti())).isSameAs(first.access());
        assertThat(generation(rotate(first.refreshToken(), T0).refreshToken())).isEqualTo(1);
    }

    @Test
    void rotation_renews_the_refresh_lifetime_from_the_time_of_rotation() {
        Issue first = create("client-1");
        Issue second = rotate(first.refreshToken(), Instant.parse("2026-03-02T20:00:00Z"));

        assertThat(families.refresh(second.refreshToken(), Instant.parse("2026-03-03T19:59:59Z"), SAME_SCOPES))
                .isInstanceOf(Rotated.class);
    }

    // --- replay ---

    @Test
    void presenting_a_rotated_refresh_token_is_a_reuse_that_revokes_the_family() {
        Issue first = create("client-1");
        Issue second = rotate(first.refreshToken(), T0);

        Refresh replay = families.refresh(first.refreshToken(), T0, SAME_SCOPES);

        assertThat(replay).isEqualTo(new ReusedToken(new FamilyView("client-1", "100001", Scopes.parse("users-basic"))));
        assertThat(families.findAccess(second.access().jti())).isNull();
        assertThat(families.refresh(second.refreshToken(), T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
        assertThat(families.size()).isZero();
    }

    @Test
    void a_reuse_does_not_run_the_check() {
        Issue first = create("client-1");
        rotate(first.refreshToken(), T0);
        boolean[] ran = {false};

        families.refresh(first.refreshToken(), T0, family -> {
            ran[0] = true;
            return family.scopes();
        });

        assertThat(ran[0]).isFalse();
    }

    // --- expiry ---

    @Test
    void a_refresh_token_one_second_before_the_end_of_its_day_rotates() {
        Issue first = create("client-1");

        assertThat(families.refresh(first.refreshToken(), Instant.parse("2026-03-03T08:59:59Z"), SAME_SCOPES))
                .isInstanceOf(Rotated.class);
    }

    @Test
    void a_refresh_token_at_exactly_the_end_of_its_day_is_expired_and_its_family_revoked() {
        Issue first = create("client-1");

        Refresh r = families.refresh(first.refreshToken(), Instant.parse("2026-03-03T09:00:00Z"), SAME_SCOPES);

        assertThat(r).isEqualTo(new ExpiredToken(Instant.parse("2026-03-03T09:00:00Z")));
        assertThat(families.size()).isZero();
        assertThat(families.findAccess(first.access().jti())).isNull();
    }

    @Test
    void a_family_whose_refresh_lifetime_ended_is_forgotten_when_the_next_one_is_created() {
        Issue old = create("client-1");

        families.create("client-1", "100002", USERS_BASIC, true, Instant.parse("2026-03-03T09:00:00Z"));

        assertThat(families.size()).isEqualTo(1);
        assertThat(families.findAccess(old.access().jti())).isNull();
    }

    @Test
    void a_live_family_is_kept_when_the_next_one_is_created() {
        Issue old = create("client-1");

        families.create("client-1", "100002", USERS_BASIC, true, Instant.parse("2026-03-03T08:59:59Z"));

        assertThat(families.size()).isEqualTo(2);
        assertThat(families.findAccess(old.access().jti())).isSameAs(old.access());
    }

    @Test
    void a_client_only_family_lives_as_long_as_its_access_token() {
        Issue clientOnly = families.create("client-1", null, USERS_BASIC, false, T0);

        families.create("client-1", null, USERS_BASIC, false, Instant.parse("2026-03-02T09:59:59Z"));
        assertThat(families.size()).isEqualTo(2);

        families.create("client-1", null, USERS_BASIC, false, Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(families.size()).isEqualTo(2);
        assertThat(families.findAccess(clientOnly.access().jti())).isNull();
    }

    // --- forged and damaged refresh tokens ---

    @Test
    void no_token_garbage_and_a_wrong_length_are_unknown() {
        create("client-1");

        assertThat(families.refresh(null, T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
        assertThat(families.refresh("not base64!", T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
        assertThat(families.refresh("bm90LWEtdG9rZW4", T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
    }

    @Test
    void a_token_whose_generation_was_raised_is_unknown_and_revokes_nothing() {
        Issue first = create("client-1");
        Issue second = rotate(first.refreshToken(), T0);
        byte[] raised = bytes(first.refreshToken());
        raised[19] = 1;

        assertThat(families.refresh(token(raised), T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
        assertThat(families.findAccess(second.access().jti())).isSameAs(second.access());
    }

    @Test
    void a_token_whose_generation_was_changed_to_a_past_one_is_unknown_and_revokes_nothing() {
        Issue first = create("client-1");
        byte[] changed = bytes(first.refreshToken());
        changed[19] = 5;

        assertThat(families.refresh(token(changed), T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
        assertThat(families.findAccess(first.access().jti())).isSameAs(first.access());
    }

    @Test
    void a_token_with_another_familys_id_is_unknown() {
        Issue a = create("client-1");
        Issue b = create("client-1");
        byte[] spliced = bytes(a.refreshToken());
        System.arraycopy(bytes(b.refreshToken()), 0, spliced, 0, 16);

        assertThat(families.refresh(token(spliced), T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
        assertThat(families.findAccess(b.access().jti())).isSameAs(b.access());
    }

    @Test
    void a_token_with_a_changed_mac_is_unknown() {
        Issue first = create("client-1");
        byte[] changed = bytes(first.refreshToken());
        changed[35] ^= 1;

        assertThat(families.refresh(token(changed), T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
    }

    @Test
    void a_refresh_token_of_another_server_is_unknown() {
        TokenFamilies other = new TokenFamilies(3, Duration.ofHours(1), Duration.ofDays(1));
        Issue elsewhere = other.create("client-1", "100001", USERS_BASIC, true, T0);

        assertThat(families.refresh(elsewhere.refreshToken(), T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
    }

    // --- revocation ---

    @Test
    void revoke_says_whether_the_family_existed() {
        Issue issue = create("client-1");

        assertThat(families.revoke(issue.access().familyId())).isTrue();
        assertThat(families.revoke(issue.access().familyId())).isFalse();
        assertThat(families.revoke("no-such-family")).isFalse();
    }

    @Test
    void a_revoked_familys_tokens_stop_working() {
        Issue issue = create("client-1");
        families.attach(issue.access(), "h.c.s");

        families.revoke(issue.access().familyId());

        assertThat(families.findAccess(issue.access().jti())).isNull();
        assertThat(families.findIssued("h.c.s")).isNull();
        assertThat(families.refresh(issue.refreshToken(), T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
    }

    @Test
    void revoking_a_client_revokes_its_families_only_and_counts_them() {
        Issue a1 = create("client-a");
        Issue b = create("client-b");
        Issue a2 = create("client-a");

        assertThat(families.revokeClient("client-a")).isEqualTo(2);

        assertThat(families.size()).isEqualTo(1);
        assertThat(families.findAccess(a1.access().jti())).isNull();
        assertThat(families.findAccess(a2.access().jti())).isNull();
        assertThat(families.findAccess(b.access().jti())).isSameAs(b.access());
        assertThat(families.revokeClient("client-c")).isZero();
    }

    // --- the bound ---

    @Test
    void when_full_drops_the_least_recently_refreshed_family() {
        Issue a = create("client-1");
        Issue b = create("client-1");
        Issue c = create("client-1");
        families.attach(b.access(), "b.token.sig");
        Issue aRotated = rotate(a.refreshToken(), T0);

        families.create("client-1", "100002", USERS_BASIC, true, T0);

        assertThat(families.size()).isEqualTo(3);
        assertThat(families.findAccess(b.access().jti())).isNull();
        assertThat(families.findIssued("b.token.sig")).isNull();
        assertThat(families.refresh(b.refreshToken(), T0, SAME_SCOPES)).isEqualTo(new UnknownToken());
        assertThat(families.findAccess(aRotated.access().jti())).isSameAs(aRotated.access());
        assertThat(families.findAccess(c.access().jti())).isSameAs(c.access());
    }
}
