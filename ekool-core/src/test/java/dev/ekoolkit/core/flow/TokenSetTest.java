package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.scope.Scopes;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TokenSetTest {

    private static TokenSet lasting(Duration lifetime) {
        return new TokenSet("access-token-value", "refresh-token-value", "Bearer", lifetime, Scopes.empty(), Fixtures.NOW);
    }

    private static Clock at(long secondsAfterNow) {
        return Clock.fixed(Fixtures.NOW.plusSeconds(secondsAfterNow), ZoneOffset.UTC);
    }

    @Test
    void expires_at_is_receive_time_plus_lifetime() {
        assertThat(lasting(Duration.ofSeconds(3600)).expiresAt()).isEqualTo(Fixtures.NOW.plusSeconds(3600));
    }

    @Test
    void is_not_expired_one_second_before_the_end() {
        assertThat(lasting(Duration.ofSeconds(3600)).isExpired(at(3599))).isFalse();
    }

    @Test
    void is_expired_at_the_end_of_its_lifetime() {
        assertThat(lasting(Duration.ofSeconds(3600)).isExpired(at(3600))).isTrue();
    }

    @Test
    void without_a_lifetime_it_never_counts_as_expired() {
        TokenSet tokens = lasting(null);

        assertThat(tokens.expiresAt()).isNull();
        assertThat(tokens.isExpired(at(1_000_000))).isFalse();
    }

    @Test
    void to_string_masks_both_tokens() {
        assertThat(lasting(null).toString()).doesNotContain("access-token-value").doesNotContain("refresh-token-value")
                .contains("accessToken=****", "refreshToken=****");
    }

    @Test
    void rejects_a_negative_lifetime() {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> lasting(Duration.ofSeconds(-1)));

        assertThat(e).hasMessage("expiresIn must not be negative (RFC 6749 section 5.1); got PT-1S");
    }
}
