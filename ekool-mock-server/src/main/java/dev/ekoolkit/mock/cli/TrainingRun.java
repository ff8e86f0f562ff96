package dev.ekoolkit.mock.cli;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run of {@code bin/ekool-mock} ({@code EKOOL_MOCK_CDS=train}, which {@code package} runs): a
 * {@code serve} that, instead of waiting for Ctrl-C, logs in once over HTTP (authorize with auto-login, the code
 * grant, {@code /user/me/basic}, the refresh grant) and stops, so that the class-data archive (Java 17) or
 * ahead-of-time cache (Java 25: with the methods' profiles) the JVM writes as it exits holds what a start and a
 * first login load. Only the system property {@value #PROPERTY} turns it on; docs/performance.md.
 */
final class TrainingRun {

    /** The system property, {@code true} for a training run. */
    static final String PROPERTY = "ekool.mock.trainingRun";

    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final int TIMEOUT_MILLIS = 60_000;

    /** What a training run prints on standard error once it has logged in. */
    static final String DONE = "training run: authorize 302, code grant 200, /user/me/basic 200, refresh grant 200";

    private TrainingRun() {
    }

    /** Whether this JVM is a training run. */
    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * One login against the started server whose banner {@code values} are (serve's {@code login_url=},
     * {@code api_url=}, {@code client_id=}, {@code client_secret=}, {@code redirect_uri=}, {@code authorize_url=}),
     * then one line on {@code err} with each step's status ({@value #DONE}), never a token.
     *
     * @throws CliFailure when a step does not answer as a login does, naming the step and the status
     */
    static void login(Map<String, String> values, PrintStream err) {
        try {
            HttpURLConnection authorize = open(values.get("authorize_url"));
            authorize.setInstanceFollowRedirects(false);
            String location = authorize.getHeaderField("Location");
            Matcher code = CODE.matcher(location == null ? "" : location);
            if (authorize.getResponseCode() != 302 || !code.find()) {
                throw failed("authorize", authorize);
            }
            String client = "&redirect_uri=" + encode(values.get("redirect_uri"))
                    + "&client_id=" + encode(values.get("client_id"))
                    + "&client_secret=" + encode(values.getOrDefault("client_secret", ""));
            Map<String, Object> tokens = tokens(post(values.get("login_url") + "/oauth/token",
                    "grant_type=authorization_code&code=" + code.group(1) + client, "code grant"));
            HttpURLConnection basic = open(values.get("api_url") + "/user/me/basic");
            basic.setRequestProperty("Authorization", "Bearer " + field(tokens, "access_token"));
            if (basic.getResponseCode() != 200) {
                throw failed("/user/me/basic", basic);
            }
            basic.getInputStream().readAllBytes();
            post(values.get("login_url") + "/oauth/token", "grant_type=refresh_token&refresh_token="
                    + encode(field(tokens, "refresh_token")) + client, "refresh grant");
            err.println(DONE); // each step above threw unless it answered the status this line names
        } catch (IOException e) {
            throw new CliFailure(EkoolMockCli.BUG, "training run: " + e, e);
        }
    }

    private static String post(String url, String form, String step) throws IOException {
        HttpURLConnection c = open(url);
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream body = c.getOutputStream()) {
            body.write(form.getBytes(StandardCharsets.UTF_8));
        }
        if (c.getResponseCode() != 200) {
            throw failed(step, c);
        }
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpURLConnection open(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(TIMEOUT_MILLIS);
        c.setReadTimeout(TIMEOUT_MILLIS);
        return c;
    }

    /**
     * The code grant's answer, read with Nimbus' JSON parser (the one that reads the mock's tokens), not Jackson:
     * a login loads no Jackson, and neither does the archive this run records.
     */
    private static Map<String, Object> tokens(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (java.text.ParseException e) {
            throw new CliFailure(EkoolMockCli.BUG, "training run: the code grant answered 200 without a JSON object", e);
        }
    }

    private static String field(Map<String, Object> tokens, String field) {
        if (!(tokens.get(field) instanceof String value)) {
            throw new CliFailure(EkoolMockCli.BUG, "training run: the code grant answered 200 without " + field);
        }
        return value;
    }

    private static CliFailure failed(String step, HttpURLConnection c) throws IOException {
        return new CliFailure(EkoolMockCli.BUG, "training run: the " + step + " answered " + c.getResponseCode()
                + " where a login gets " + ("authorize".equals(step) ? "302 with a code" : "200"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
