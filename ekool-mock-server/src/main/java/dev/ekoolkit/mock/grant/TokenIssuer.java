package dev.ekoolkit.mock.grant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.state.TokenFamilies;

import java.util.Date;

/**
 * Signs access tokens as Laravel Passport does: an RS256 JWT (RFC 7519) whose claims are {@code aud} (the
 * client id), {@code jti}, {@code iat}, {@code nbf}, {@code exp}, {@code sub} (the user id; empty for a
 * client-only token) and {@code scopes} (an array). The header carries {@code kid} so that the JWK set
 * can verify it (Passport's header has none; the mock's addition).
 */
public final class TokenIssuer {

    private final SigningKeys keys;

    /**
     * An issuer signing with {@code keys}.
     *
     * @param keys the signing keys
     */
    public TokenIssuer(SigningKeys keys) {
        this.keys = keys;
    }

    /**
     * The keys it signs with.
     *
     * @return the signing keys
     */
    public SigningKeys keys() {
        return keys;
    }

    /**
     * Signs the access token of {@code issue}, makes it usable at the resource endpoint, and returns the pair.
     *
     * @param tokens where the family lives
     * @param issue  what the family store prepared
     * @return the Passport-shaped token pair
     */
    public TokenResponse complete(TokenFamilies tokens, TokenFamilies.Issue issue) {
        TokenFamilies.AccessToken access = issue.access();
        String jwt = sign(access);
        tokens.attach(access, jwt);
        return new TokenResponse("Bearer", jwt, issue.refreshToken(), tokens.accessTtlSeconds(), access.scopes(),
                access.userId(), ClientId.of(access.clientId()));
    }

    private String sign(TokenFamilies.AccessToken access) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(access.clientId())
                .jwtID(access.jti())
                .issueTime(Date.from(access.issuedAt()))
                .notBeforeTime(Date.from(access.issuedAt()))
                .expirationTime(Date.from(access.expiresAt()))
                .subject(access.userId() == null ? "" : access.userId())
                .claim("scopes", access.scopes().asStrings())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keys.keyId()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the access token failed: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
