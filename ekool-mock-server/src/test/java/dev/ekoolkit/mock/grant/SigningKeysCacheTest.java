package dev.ekoolkit.mock.grant;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysCacheTest {

    private static RSAKey key;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        key = new RSAKeyGenerator(2048).generate();
    }

    @Test
    void reads_back_the_key_it_wrote() {
        Path file = dir.resolve("cache/signing-key.json");
        SigningKeys.writeCache(file, key);

        RSAKey read = SigningKeys.readCache(file);

        assertThat(read).isNotNull();
        assertThat(read.getModulus()).isEqualTo(key.getModulus());
        assertThat(read.isPrivate()).isTrue();
    }

    @Test
    void writes_the_file_readable_by_its_owner_only() throws Exception {
        Path file = dir.resolve("signing-key.json");
        SigningKeys.writeCache(file, key);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void leaves_no_temporary_file_behind() throws Exception {
        SigningKeys.writeCache(dir.resolve("signing-key.json"), key);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("signing-key.json");
        }
    }

    @Test
    void ignores_a_file_holding_only_a_public_key() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, key.toPublicJWK().toJSONString());

        assertThat(SigningKeys.readCache(file)).isNull();
    }

    @Test
    void ignores_a_file_that_is_not_a_key() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, "not a key");

        assertThat(SigningKeys.readCache(file)).isNull();
    }

    @Test
    void ignores_a_missing_file() {
        assertThat(SigningKeys.readCache(dir.resolve("absent.json"))).isNull();
    }
}
