package dev.ekoolkit.mock.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code serve --env-file PATH}: what serve prints, as environment variables in the format dotenv libraries and
 * docker compose's {@code env_file} read ({@code NAME=value} lines, {@code #} comments), so an application in any
 * language, or a container, picks up the mock's addresses and the demo client without scraping the banner.
 */
final class EnvFile {

    /** The variables, in order, and the banner key each one comes from. */
    static final Map<String, String> VARIABLES = variables();

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private EnvFile() {
    }

    private static Map<String, String> variables() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("EKOOL_LOGIN_URL", "login_url");
        names.put("EKOOL_API_URL", "api_url");
        names.put("EKOOL_CLIENT_ID", "client_id");
        names.put("EKOOL_CLIENT_SECRET", "client_secret");
        names.put("EKOOL_REDIRECT_URI", "redirect_uri");
        return names;
    }

    /**
     * The file's text for the values serve prints ({@code login_url} and the rest; every value is a URL or
     * letters and digits, so none needs quoting). Without a {@code client_secret}, a comment says why.
     */
    static String render(Map<String, String> banner) {
        StringBuilder text = new StringBuilder();
        text.append("# Written by ekool-mock serve --env-file: where the eKool mock server listens, and its client.\n");
        if (banner.containsKey("client_secret")) {
            text.append("# EKOOL_CLIENT_SECRET is the demo client's documented secret: public, and accepted by this mock only.\n");
        }
        VARIABLES.forEach((name, key) -> {
            String value = banner.get(key);
            if (value != null) {
                text.append(name).append('=').append(value).append('\n');
            } else {
                text.append("# ").append(name).append(" is left out: the client is your own, and only the demo"
                        + " client's secret is ever written\n");
            }
        });
        return text.toString();
    }

    /**
     * Writes {@link #render} to {@code path}, replacing it in one step (a reader never sees half a file), with
     * owner-only permissions (mode 600) where the file system has POSIX permissions.
     *
     * @throws CliFailure with exit status 2 naming the path and the reason when it cannot be written
     */
    static void write(Path path, Map<String, String> banner) {
        Path target = path.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw cannotWrite(path, "it is a directory");
        }
        Path dir = target.getParent();
        try {
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
            Path tmp = posix
                    ? Files.createTempFile(dir, ".ekool-mock-env", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".ekool-mock-env", ".tmp");
            try {
                Files.writeString(tmp, render(banner));
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (NoSuchFileException e) {
            throw cannotWrite(path, "the directory " + dir + " does not exist");
        } catch (IOException e) {
            throw cannotWrite(path, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static CliFailure cannotWrite(Path path, String reason) {
        return new CliFailure(EkoolMockCli.USAGE, "--env-file " + path + ": cannot write it: " + reason);
    }
}
