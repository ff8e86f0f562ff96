package dev.ekoolkit.mock.state;

import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.state.AuthorizationCodes.CodeGrant;
import dev.ekoolkit.mock.state.AuthorizationCodes.Expired;
import dev.ekoolkit.mock.state.AuthorizationCodes.Redeemed;
import dev.ekoolkit.mock.state.AuthorizationCodes.Redemption;
import dev.ekoolkit.mock.state.AuthorizationCodes.Reused;
import dev.ekoolkit.mock.state.AuthorizationCodes.Unknown;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Authorization codes on their own, with a clock the test sets: single use, expiry to the second, the bound. */
class AuthorizationCodesTest {

    private static final Instant ISSUED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-03-02T09:10:00Z");

    private final AuthorizationCodes codes = new AuthorizationCodes(3);
    private final List<CodeGrant> issuedFor = new ArrayList<>();

    private static CodeGrant grant(String userId, Instant expiresAt) {
        AuthorizationContext request = new AuthorizationContext("client-1", "http://127.0.0.1:8080/callback", true,
                Scopes.parse("users-basic"), "st-1", null, null);
        return new CodeGrant(request, userId, expiresAt);
    }

    /** An issuer that records what it was asked for and answers with a fixed family id. */
    private Function<CodeGrant, String> issuer(String familyId) {
        return g -> {
            issuedFor.add(g);
            return familyId;
        };
    }

    @Test
    void redeems_a_live_code_once_for_its_grant_and_the_family_the_issuer_created() {
        CodeGrant grant = grant("100001", EXPIRES);
        codes.put("code-a", grant, ISSUED);

        Redemption r = codes.redeem("code-a", ISSUED.plusSeconds(5), issuer("family-1"));

        assertThat(r).isEqualTo(new Redeemed(grant, "family-1"));
        assertThat(issuedFor).containsExactly(grant);
    }

    @Test
    void a_second_redemption_is_a_reuse_naming_the_first_family_and_issues_nothing() {
        CodeGrant grant = grant("100001", EXPIRES);
        codes.put("code-a", grant, ISSUED);
        codes.redeem("code-a", ISSUED.plusSeconds(5), issuer("family-1"));

        Redemption again = codes.redeem("code-a", ISSUED.plusSeconds(6), issuer("family-2"));

        assertThat(again).isEqualTo(new Reused(grant, "family-1"));
        assertThat(issuedFor).hasSize(1);
    }

    @Test
    void a_code_never_issued_is_unknown_and_issues_nothing() {
        codes.put("code-a", grant("100001", EXPIRES), ISSUED);

        assertThat(codes.redeem("code-b", ISSUED, issuer("family-1"))).isEqualTo(new Unknown());
        assertThat(issuedFor).isEmpty();
    }

    @Test
    void no_code_at_all_is_unknown() {
        assertThat(codes.redeem(null, ISSUED, issuer("family-1"))).isEqualTo(new Unknown());
        assertThat(issuedFor).isEmpty();
    }

    @Test
    void a_code_one_second_before_its_expiry_is_redeemed() {
        CodeGrant grant = grant("100001", EXPIRES);
        codes.put("code-a", grant, ISSUED);

        assertThat(codes.redeem("code-a", Instant.parse("2026-03-02T09:09:59Z"), issuer("family-1")))
                .isEqualTo(new Redeemed(grant, "family-1"));
    }

    @Test
    void a_code_at_exactly_its_expiry_is_expired_and_issues_nothing() {
        CodeGrant grant = grant("100001", EXPIRES);
        codes.put("code-a", grant, ISSUED);

        assertThat(codes.redeem("code-a", Instant.parse("2026-03-02T09:10:00Z"), issuer("family-1")))
                .isEqualTo(new Expired(grant));
        assertThat(issuedFor).isEmpty();
    }

    @Test
    void an_expired_code_is_forgotten_once_presented() {
        codes.put("code-a", grant("100001", EXPIRES), ISSUED);
        codes.redeem("code-a", EXPIRES, issuer("family-1"));

        assertThat(codes.size()).isZero();
        assertThat(codes.redeem("code-a", EXPIRES, issuer("family-1"))).isEqualTo(new Unknown());
    }

    @Test
    void an_issuer_that_refuses_the_request_leaves_the_code_unused() {
        CodeGrant grant = grant("100001", EXPIRES);
        codes.put("code-a", grant, ISSUED);

        assertThatThrownBy(() -> codes.redeem("code-a", ISSUED, g -> {
            throw new IllegalStateException("redirect_uri differs");
        })).hasMessage("redirect_uri differs");

        assertThat(codes.redeem("code-a", ISSUED, issuer("family-1"))).isEqualTo(new Redeemed(grant, "family-1"));
    }

    @Test
    void keeps_used_codes_so_that_their_reuse_is_recognised() {
        codes.put("code-a", grant("100001", EXPIRES), ISSUED);
        codes.put("code-b", grant("100002", EXPIRES), ISSUED);
        codes.redeem("code-a", ISSUED, issuer("family-1"));

        assertThat(codes.size()).isEqualTo(2);
    }

    @Test
    void forgets_codes_that_expired_when_a_new_one_is_stored() {
        codes.put("old", grant("100001", Instant.parse("2026-03-02T09:01:00Z")), ISSUED);
        codes.put("live", grant("100002", EXPIRES), ISSUED);

        codes.put("new", grant("100003", EXPIRES), Instant.parse("2026-03-02T09:01:00Z"));

        assertThat(codes.size()).isEqualTo(2);
        assertThat(codes.redeem("old", ISSUED, issuer("family-1"))).isEqualTo(new Unknown());
    }

    @Test
    void when_full_drops_the_oldest_code_to_store_a_new_one() {
        CodeGrant second = grant("100002", EXPIRES);
        codes.put("first", grant("100001", EXPIRES), ISSUED);
        codes.put("second", second, ISSUED);
        codes.put("third", grant("100003", EXPIRES), ISSUED);

        codes.put("fourth", grant("100004", EXPIRES), ISSUED);

        assertThat(codes.size()).isEqualTo(3);
        assertThat(codes.redeem("first", ISSUED, issuer("family-1"))).isEqualTo(new Unknown());
        assertThat(codes.redeem("second", ISSUED, issuer("family-2"))).isEqualTo(new Redeemed(second, "family-2"));
    }
}
