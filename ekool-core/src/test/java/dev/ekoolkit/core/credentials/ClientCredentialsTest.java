package dev.ekoolkit.core.credentials;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ClientCredentialsTest {

    private static final String ID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    private static final String SECRET = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";

    @Test
    void pairs_typed_parts() {
        ClientCredentials credentials = ClientCredentials.of(ClientId.of(ID), ClientSecret.of(SECRET));

        assertThat(credentials.clientId().value()).isEqualTo(ID);
        assertThat(credentials.clientSecret().matches(SECRET)).isTrue();
    }

    @Test
    void requires_both_parts() {
        assertThatNullPointerException().isThrownBy(() -> ClientCredentials.of(null, ClientSecret.of(SECRET)))
                .withMessage("clientId");
        assertThatNullPointerException().isThrownBy(() -> ClientCredentials.of(ClientId.of(ID), null))
                .withMessage("clientSecret");
    }

    @Test
    void prints_the_id_and_masks_the_secret() {
        assertThat(ClientCredentials.of(ClientId.of(ID), ClientSecret.of(SECRET)))
                .hasToString("ClientCredentials[clientId=" + ID + ", clientSecret=****]");
    }
}
