package dev.ekoolkit.mock.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads a {@link MockConfig} from a YAML ({@code .yaml}, {@code .yml}) or JSON file. Every top-level section
 * is optional and defaults to the embedded default's value; unknown fields are errors. Every error names the
 * file, the field (as a path such as {@code clients[0].client_secret}) and the rule, and never a secret.
 *
 * <pre>{@code
 * clients:
 *   - client_id: myAppClientId000000000000000000A
 *     client_secret: myAppClientSecret0000000000000000000000A
 *     name: My app
 *     redirect_uris: [http://localhost:8080/oauth2/callback]
 *     scopes: [users-basic]
 * users:
 *   - {id: "1", username: mari, password: secret, first_name: Mari, last_name: Maasikas,
 *      email: mari@example.com, personal_code: "61003150227", roles: [student]}
 * lifetimes: {access_token: 1h, refresh_token: 30d, authorization_code: 10m}
 * }</pre>
 */
public final class MockConfigLoader {

    private MockConfigLoader() {
    }

    /**
     * Reads and validates a configuration file.
     *
     * @param file the path of a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file
     * @return the validated configuration
     * @throws MockConfigException naming the file, the field and the rule
     */
    public static MockConfig load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MockConfigException(name, null, "the file does not exist");
        } catch (IOException e) {
            throw new MockConfigException(name, null, "the file cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json") || (!lower.endsWith(".yaml") && !lower.endsWith(".yml")
                && text.stripLeading().startsWith("{"));
        return parse(text, name, json, file.toAbsolutePath().getParent());
    }

    /**
     * Reads a configuration from text.
     *
     * @return the validated configuration
     * @param text    the YAML or JSON text
     * @param source  a name for messages, such as the file name
     * @param json    {@code true} for JSON, {@code false} for YAML
     * @param baseDir where {@code signing_key_file} is resolved, or {@code null} for the working directory
     * @throws MockConfigException naming the source, the field and the rule
     */
    public static MockConfig parse(String text, String source, boolean json, Path baseDir) {
        JsonNode root;
        try {
            root = (json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory())).readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new MockConfigException(source, null, "is not valid " + (json ? "JSON" : "YAML")
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return MockConfig.defaults();
        }
        return new ConfigTreeReader(source, baseDir).config(root);
    }

    /**
     * A client from a JSON object in the configuration's format (used by the admin API too).
     *
     * @param node the JSON object describing one client
     * @param source a name for messages, such as the file name
     * @param path where the object sits in the source, for messages, such as {@code clients[0]}
     * @return the validated client
     * @throws MockConfigException naming {@code source}, the field and the rule
     */
    public static MockClient client(JsonNode node, String source, String path) {
        return new ConfigTreeReader(source, null).client(node, path);
    }

    /**
     * A user from a JSON object in the configuration's format (used by the admin API too).
     *
     * @param node the JSON object describing one user
     * @param source a name for messages, such as the file name
     * @param path where the object sits in the source, for messages, such as {@code users[0]}
     * @return the validated user
     * @throws MockConfigException naming {@code source}, the field and the rule
     */
    public static MockUser user(JsonNode node, String source, String path) {
        return new ConfigTreeReader(source, null).user(node, path);
    }

    /**
     * A duration as the configuration writes it: ISO-8601 ({@code PT1H}), a number of seconds, or a number with
     * a unit {@code s}, {@code m}, {@code h} or {@code d} ({@code 30m}).
     *
     * @param text the duration's text, such as {@code PT1H}, {@code 3600} or {@code 30m}
     * @return the duration
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Duration duration(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.isEmpty()) {
                throw new NumberFormatException("empty");
            }
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a duration such as 3600 (seconds), 30s, 10m, 1h, 30d or PT1H; got '"
                    + text + "'");
        }
    }

    /**
     * An RSA private key from a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) or a JWK JSON object.
     *
     * @param text the PEM or JWK JSON text of an RSA private key
     * @return the key, with its private part
     * @throws IllegalArgumentException naming the accepted forms; never echoes key material
     */
    public static RSAKey rsaKey(String text) {
        String t = text.trim();
        if (t.startsWith("{")) {
            try {
                return RSAKey.parse(t);
            } catch (java.text.ParseException | RuntimeException e) {
                throw new IllegalArgumentException("must be an RSA private key as a JWK JSON object (kty RSA with d, p, q,"
                        + " ...) or a PKCS#8 PEM; the JWK could not be parsed");
            }
        }
        if (t.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("must be a PKCS#8 PEM ('BEGIN PRIVATE KEY'), not PKCS#1 ('BEGIN RSA"
                    + " PRIVATE KEY'); convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        if (!t.contains("-----BEGIN PRIVATE KEY-----") || !t.contains("-----END PRIVATE KEY-----")) {
            throw new IllegalArgumentException("must be an RSA private key as a PKCS#8 PEM ('-----BEGIN PRIVATE"
                    + " KEY-----') or a JWK JSON object");
        }
        String b64 = t.substring(t.indexOf("-----BEGIN PRIVATE KEY-----") + 27, t.indexOf("-----END PRIVATE KEY-----"))
                .replaceAll("\\s", "");
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
            RSAPublicKey pub = (RSAPublicKey) kf.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            return new RSAKey.Builder(pub).privateKey(priv).build();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("must be an RSA private key as a PKCS#8 PEM; the PEM does not hold"
                    + " an RSA private key (" + e.getClass().getSimpleName() + ")");
        }
    }
}
