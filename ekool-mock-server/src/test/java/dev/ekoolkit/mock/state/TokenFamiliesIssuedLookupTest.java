package dev.ekoolkit.mock.state;

import dev.ekoolkit.core.scope.Scopes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenFamiliesIssuedLookupTest {

    private final TokenFamilies tokens = new TokenFamilies(10, Duration.ofHours(1), Duration.ofDays(1));
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private TokenFamilies.Issue issue(String serialized) {
        TokenFamilies.Issue issue = tokens.create("client", "100001", Scopes.parse("users-basic"), true, now);
        tokens.attach(issue.access(), serialized);
        return issue;
    }

    @Test
    void finds_an_attached_token_by_its_exact_serialised_form() {
        TokenFamilies.Issue issue = issue("header.claims.signature");

        assertThat(tokens.findIssued("header.claims.signature")).isSameAs(issue.access());
    }

    @Test
    void does_not_find_an_altered_token() {
        issue("header.claims.signature");

        assertThat(tokens.findIssued("header.claims.signaturf")).isNull();
    }

    @Test
    void forgets_the_old_access_token_when_the_family_rotates() {
        TokenFamilies.Issue first = issue("first.token.sig");

        TokenFamilies.Refresh r = tokens.refresh(first.refreshToken(), now, family -> family.scopes());
        tokens.attach(((TokenFamilies.Rotated) r).issue().access(), "second.token.sig");

        assertThat(tokens.findIssued("first.token.sig")).isNull();
        assertThat(tokens.findIssued("second.token.sig")).isNotNull();
    }

    @Test
    void forgets_the_access_token_of_a_revoked_family() {
        TokenFamilies.Issue issue = issue("revoked.token.sig");

        tokens.revoke(issue.access().familyId());

        assertThat(tokens.findIssued("revoked.token.sig")).isNull();
    }

    @Test
    void does_not_keep_a_token_attached_after_its_family_was_revoked() {
        TokenFamilies.Issue issue = tokens.create("client", "100001", Scopes.parse("users-basic"), true, now);
        tokens.revoke(issue.access().familyId());

        tokens.attach(issue.access(), "late.token.sig");

        assertThat(tokens.findIssued("late.token.sig")).isNull();
    }
}
