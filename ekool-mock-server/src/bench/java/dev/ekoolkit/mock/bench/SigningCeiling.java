package dev.ekoolkit.mock.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The signing ceiling: RS256 JWTs per second with Nimbus JOSE, a 2048-bit key, one thread per core. Each
 * operation builds and signs a fresh claims set shaped like the mock's access tokens (aud, jti, iat, nbf,
 * exp, sub, scopes), so the figure is what minting a token can cost at best, without HTTP or state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningCeiling {

    private RSASSASigner signer;
    private JWSHeader header;

    @Setup
    public void setUp() throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        signer = new RSASSASigner(key);
        header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build();
    }

    @Benchmark
    @Threads(Threads.MAX)
    public String signRs256() throws JOSEException {
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience("0123456789abcdefABCDEF0123456789")
                .jwtID(Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .issueTime(new Date(now))
                .notBeforeTime(new Date(now))
                .expirationTime(new Date(now + 3_600_000))
                .subject("1001")
                .claim("scopes", List.of("users-basic"))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
