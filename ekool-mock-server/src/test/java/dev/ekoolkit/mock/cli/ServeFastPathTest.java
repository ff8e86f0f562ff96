package dev.ekoolkit.mock.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServeFastPathTest {

    private final Io io = new Io(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
            new ByteArrayInputStream(new byte[0]), Map.of(), StopSignal.manual());

    @ParameterizedTest
    @ValueSource(strings = {
        "serve",
        "serve --port 0",
        "serve --port=0 --auto-login",
        "serve --port 8090 --host 0.0.0.0 --auto-login mari",
        "serve --auto-login --port 0",
        "serve --auto-login=teacher --config conf/mock.yaml",
        "serve --config=mock.json --admin-token-env EKOOL_ADMIN --host localhost",
        "serve --port 65535",
        "serve --port 99999",
        "serve --redirect-uri http://localhost:5000/cb --port 0 --redirect-uri=http://127.0.0.1:5000/cb",
        "serve --env-file .env --auto-login",
        "serve --env-file=/tmp/mock.env --redirect-uri https://app.example.com/cb",
        "serve --public-url http://ekool-mock.test:9999 --port 0",
        "serve --host 0.0.0.0 --public-url=https://mock.example.com/",
        "serve --pkce required --port 0",
        "serve --auto-login --pkce=s256",
        "serve --pkce optional --redirect-uri http://localhost:5000/cb",
        "serve --pkce no-such-policy",
        "serve --fresh-key --port 0",
        "serve --auto-login --fresh-key",
    })
    void reads_a_plain_command_line_as_picocli_does(String commandLine) {
        String[] args = commandLine.split(" ");

        ServeCommand fast = ServeFastPath.parse(io, args);
        ServeCommand picocli = new ServeCommand(io);
        new CommandLine(picocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));

        assertThat(fast).isNotNull();
        assertThat(fast).usingRecursiveComparison().comparingOnlyFields("port", "host", "adminTokenEnv", "config",
                "autoLogin", "redirectUris", "envFile", "publicUrl", "pkce", "freshKey").isEqualTo(picocli);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "serve --help",
        "serve -h",
        "serve --version",
        "serve --port",
        "serve --port abc",
        "serve --port 08089",
        "serve --port -1",
        "serve --port 0 --port 1",
        "serve --host",
        "serve --host=",
        "serve --auto-login=",
        "serve --auto-login -x",
        "serve --unknown",
        "serve --env-file",
        "serve --env-file a --env-file b",
        "serve --redirect-uri",
        "serve --redirect-uri=",
        "serve --public-url",
        "serve --public-url=",
        "serve --public-url http://a.test --public-url http://b.test",
        "serve --pkce",
        "serve --pkce=",
        "serve --pkce required --pkce s256",
        "serve extra",
        "serve --fresh-key=true",
        "serve --fresh-key --fresh-key",
        "serve --fresh-key mari",
        "check-credentials abc",
        "new-credentials",
    })
    void leaves_anything_else_to_picocli(String commandLine) {
        assertThat(ServeFastPath.parse(io, commandLine.split(" "))).isNull();
    }
}
