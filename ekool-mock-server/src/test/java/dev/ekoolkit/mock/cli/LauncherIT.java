package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The launcher {@code bin/ekool-mock}, run the way a terminal runs it: in a session and process group of its own
 * ({@code setsid}), stopped by a signal to the whole group, as Ctrl-C sends it. The first run records the
 * class-data-sharing archive as the JVM exits; a later run maps it. Every run must stop with exit status 0 and
 * leave no temporary file beside the jar.
 *
 * <p>A terminal's shell starts a command with SIGINT and SIGTERM at their defaults, while this test's JVM may
 * have inherited them ignored from whatever started Maven (a background job of a script, say); {@code env
 * --default-signal} gives the launcher what a terminal would. Run by failsafe, which passes the jar's path as
 * {@code ekool.mock.jar}.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "ekool.mock.jar", matches = ".+")
class LauncherIT {

    // Failsafe runs in the module's directory.
    static final Path LAUNCHER = Path.of("bin", "ekool-mock").toAbsolutePath();

    @TempDir
    Path jarDir;

    @TempDir
    Path logs;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void a_signal_to_the_process_group_stops_the_first_run_with_exit_0_keeps_the_archive_and_leaves_no_temporary_file(
            String signal) throws Exception {
        Path jar = copyOfTheJar();
        assertThat(archives()).as("no archive before the first run").isEmpty();

        try (Launched first = Launched.start(jar, logs.resolve("first"))) {
            first.signalTheGroup(signal); // INT: Ctrl-C in a terminal

            first.assertStoppedWithExit0();
        }
        assertThat(temporaryFiles()).isEmpty();
        assertThat(archives()).as("the archive the first run recorded").hasSize(1);
    }

    @Test
    void ctrl_c_stops_a_later_run_that_maps_the_archive_with_exit_0() throws Exception {
        Path jar = copyOfTheJar();
        try (Launched first = Launched.start(jar, logs.resolve("first"))) {
            first.signalTheGroup("INT");
            first.assertStoppedWithExit0();
        }
        assertThat(archives()).hasSize(1);

        try (Launched second = Launched.start(jar, logs.resolve("second"))) {
            second.signalTheGroup("INT");

            second.assertStoppedWithExit0();
        }
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void sigterm_to_the_launcher_alone_stops_the_first_run_with_exit_0_and_leaves_no_temporary_file() throws Exception {
        Path jar = copyOfTheJar();

        try (Launched first = Launched.start(jar, logs.resolve("first"))) {
            first.process.destroy(); // SIGTERM to the launcher's pid only, as a service manager or 'kill PID' sends it

            first.assertStoppedWithExit0();
        }
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void passes_standard_input_to_a_command_on_a_run_without_an_archive() throws Exception {
        Path jar = copyOfTheJar();
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "check-credentials", RunnableJarIT.ID)
                .redirectOutput(logs.resolve("out.txt").toFile())
                .redirectError(logs.resolve("err.txt").toFile());
        builder.environment().put("EKOOL_MOCK_JAR", jar.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().write((RunnableJarIT.SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("stderr: %s", Files.readString(logs.resolve("err.txt"))).isZero();
        assertThat(Files.readString(logs.resolve("out.txt"))).isEqualTo(CheckCredentialsCommand.WELL_FORMED + "\n");
    }

    @Test
    void the_training_run_records_the_archive_and_exits_0_leaving_no_temporary_file() throws Exception {
        Path jar = copyOfTheJar();

        int status = train(jar, null);

        assertThat(status).as("exit status; output: %s", Files.readString(logs.resolve("train.txt"))).isZero();
        assertThat(archives()).as("the archive the training run recorded").hasSize(1);
        assertThat(Files.getLastModifiedTime(archives().get(0))).isGreaterThan(Files.getLastModifiedTime(jar));
        assertThat(temporaryFiles()).isEmpty();
        assertThat(Files.readString(logs.resolve("train.txt"))).as("the training run's banner is not shown").isEmpty();
    }

    @Test
    void a_training_run_with_a_fresh_archive_leaves_it_as_it_is() throws Exception {
        Path jar = copyOfTheJar();
        Path archive = trainedArchive(jar);
        FileTime recorded = Files.getLastModifiedTime(archive);

        int second = train(jar, null);

        assertThat(second).isZero();
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(recorded);
    }

    @Test
    void the_first_start_after_a_training_run_maps_its_archive_without_recording_one() throws Exception {
        Path jar = copyOfTheJar();
        Path archive = trainedArchive(jar);
        FileTime recorded = Files.getLastModifiedTime(archive);

        startMappingAnArchiveAndStop(jar);

        assertThat(archives()).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive)).as("not recorded again").isEqualTo(recorded);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void the_first_start_after_package_maps_the_archive_that_package_recorded() throws Exception {
        assumeFalse(Boolean.getBoolean("ekool.mock.train.skip"), "package ran without its training run");
        Path jar = RunnableJarIT.jar();
        Path recorded = archiveBeside(jar);
        assertThat(recorded).as("package's archive for this JVM beside %s", jar).isRegularFile();
        FileTime before = Files.getLastModifiedTime(recorded);

        startMappingAnArchiveAndStop(jar);

        assertThat(Files.getLastModifiedTime(recorded)).as("%s not recorded again", recorded).isEqualTo(before);
    }

    @Test
    void which_names_the_archive_for_this_java_and_says_whether_a_start_maps_it() throws Exception {
        Path jar = copyOfTheJar();
        Path expected = archiveBeside(jar);

        assertThat(which(jar)).as("before any run").isEqualTo(new Which(1, expected + "\n"));
        assertThat(archives()).as("which runs no JVM and records nothing").isEmpty();

        assertThat(trainedArchive(jar)).isEqualTo(expected);
        assertThat(which(jar)).as("after the training run").isEqualTo(new Which(0, expected + "\n"));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(expected).toMillis() + 2_000));
        assertThat(which(jar)).as("after the jar was rebuilt").isEqualTo(new Which(1, expected + "\n"));
    }

    @Test
    void a_java_home_without_java_is_refused_with_exit_2_and_a_message_naming_the_path() throws Exception {
        Path jar = copyOfTheJar();
        Path notAJdk = Files.createDirectories(jarDir.resolve("not-a-jdk"));

        Ended ended = runLauncher(jar, Map.of("JAVA_HOME", notAJdk.toString()), "--version");

        assertThat(ended.status()).isEqualTo(2);
        assertThat(ended.out()).isEmpty();
        assertThat(ended.err()).isEqualTo("ekool-mock: no java at " + notAJdk + "/bin/java; set JAVA_HOME to a Java 17 "
                + "or newer installation, or put its bin on the PATH\n");
    }

    @Test
    void an_unknown_ekool_mock_cds_value_is_refused_with_exit_2_before_any_jvm_runs() throws Exception {
        Path jar = copyOfTheJar();

        Ended ended = runLauncher(jar, Map.of("EKOOL_MOCK_CDS", "wich"), "--version");

        assertThat(ended.status()).isEqualTo(2);
        assertThat(ended.out()).as("no JVM printed a version").isEmpty();
        assertThat(ended.err()).isEqualTo("ekool-mock: EKOOL_MOCK_CDS must be on (the default), off, train or which, "
                + "not 'wich'\n");
        assertThat(archives()).isEmpty();
    }

    @Test
    void a_failed_training_run_exits_with_its_status_shows_the_jvms_output_and_leaves_no_archive_and_no_temporary_file()
            throws Exception {
        Path jar = copyOfTheJar();

        int status = train(jar, "-XX:+NoSuchFlag");

        String output = Files.readString(logs.resolve("train.txt"));
        assertThat(status).as("exit status; output: %s", output).isNotZero();
        assertThat(output).contains("ekool-mock: the training run failed (exit status " + status + "); its output:")
                .contains("NoSuchFlag");
        assertThat(archives()).isEmpty();
        assertThat(temporaryFiles()).isEmpty();
    }

    /**
     * Starts the launcher on {@code jar}, checks that it ran java itself (exec), stops it with Ctrl-C, and checks
     * that the mock's classes came from an archive (see {@link #mappingLogged()}).
     */
    private void startMappingAnArchiveAndStop(Path jar) throws Exception {
        try (Launched start = Launched.start(jar, logs.resolve("start"), mappingLogged())) {
            assertThat(start.process().info().command()).as("the launcher ran java itself (exec), not as a recording child")
                    .hasValueSatisfying(command -> assertThat(command).endsWith("/java"));
            if (Runtime.version().feature() == 25) {
                assertThat(start.process().info().arguments()).as("on 25 the cache's training data are ignored")
                        .hasValueSatisfying(arguments -> assertThat(arguments).contains("-XX:-AOTReplayTraining"));
            }
            start.signalTheGroup("INT");

            start.assertStoppedWithExit0();
        }
        assertTheMocksClassesCameFromAnArchive();
    }

    /**
     * -Xshare:on (Java 17), or -XX:AOTMode=on for an AOT cache (Java 25, which refuses -Xshare:on beside
     * -XX:AOTCache), so that a JVM that cannot map an archive at all refuses to start, and the class loading log
     * in cl.txt, which says where each class came from: the JDK's own default archive would satisfy -Xshare:on
     * alone.
     */
    private String mappingLogged() {
        String mapOrFail = Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
        return mapOrFail + " -Xlog:class+load=info:file=" + logs.resolve("cl.txt");
    }

    private void assertTheMocksClassesCameFromAnArchive() throws IOException {
        // Java 17 logs "source: shared objects file (top)" for a class from a dynamic archive (the launcher's);
        // Java 25 "source: shared objects file" for one from an AOT cache. The JDK's default archive holds no mock class.
        assertThat(Files.readAllLines(logs.resolve("cl.txt"))).as("cl.txt")
                .anySatisfy(line -> assertThat(line).contains(" dev.ekoolkit.mock.cli.EkoolMockCli source: shared objects file"));
    }

    /**
     * The archive the launcher keeps beside {@code jar} (named ekool-mock.jar) for this JVM: written out here as
     * the launcher's rule, an oracle independent of the launcher's own code.
     */
    private static Path archiveBeside(Path jar) throws Exception {
        return jar.resolveSibling("ekool-mock-" + archiveKey() + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa"));
    }

    /** The launcher's key for this JVM: the POSIX checksum ({@code cksum}) of its {@code java}'s resolved path. */
    private static String archiveKey() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        Process cksum = new ProcessBuilder("cksum").start();
        try {
            cksum.getOutputStream().write((java + "\n").getBytes(StandardCharsets.UTF_8));
            cksum.getOutputStream().close();
            String answer = new String(cksum.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cksum.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return answer.split(" ")[0];
        } finally {
            cksum.destroyForcibly();
        }
    }

    /** Runs the training run on {@code jar}, checks that it succeeded, and answers the archive it recorded. */
    private Path trainedArchive(Path jar) throws Exception {
        int status = train(jar, null);
        assertThat(status).as("exit status; output: %s", Files.readString(logs.resolve("train.txt"))).isZero();
        assertThat(archives()).hasSize(1);
        return archives().get(0);
    }

    /**
     * Runs the launcher's training run ({@code EKOOL_MOCK_CDS=train}) on {@code jar}, with {@code javaOpts} as
     * {@code EKOOL_MOCK_JAVA_OPTS} unless null, its output in train.txt, and answers its exit status; ends it and
     * its descendants if it has not ended within 180 s.
     */
    private int train(Path jar, String javaOpts) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("train.txt").toFile());
        builder.environment().put("EKOOL_MOCK_JAR", jar.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("EKOOL_MOCK_CDS", "train");
        builder.environment().remove("EKOOL_MOCK_JAVA_OPTS");
        if (javaOpts != null) {
            builder.environment().put("EKOOL_MOCK_JAVA_OPTS", javaOpts);
        }
        Process training = builder.start();
        try {
            assertThat(training.waitFor(180, TimeUnit.SECONDS)).as("the training run ended; output: %s",
                    Files.readString(logs.resolve("train.txt"))).isTrue();
            return training.exitValue();
        } finally {
            training.descendants().forEach(ProcessHandle::destroyForcibly);
            training.destroyForcibly();
        }
    }

    /** What {@code EKOOL_MOCK_CDS=which} answered: its exit status and its standard output. */
    record Which(int status, String out) {
    }

    /** Runs {@code EKOOL_MOCK_CDS=which} on {@code jar}; it must write nothing to standard error. */
    private Which which(Path jar) throws Exception {
        Ended ended = runLauncher(jar, Map.of("EKOOL_MOCK_CDS", "which"));
        assertThat(ended.err()).as("standard error").isEmpty();
        return new Which(ended.status(), ended.out());
    }

    /** A launcher run that has ended: its exit status, standard output and standard error. */
    record Ended(int status, String out, String err) {
    }

    /**
     * Runs the launcher on {@code jar} with {@code args}, this JVM's {@code java} as {@code JAVA_HOME} unless
     * {@code env} says otherwise, and {@code env}; waits for it (30 s at most, then ends it) and answers how it
     * ended. For runs that end by themselves.
     */
    private Ended runLauncher(Path jar, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(logs, "launcher", ".out");
        Path err = Files.createTempFile(logs, "launcher", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("EKOOL_MOCK_JAR", jar.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("EKOOL_MOCK_CDS");
        builder.environment().remove("EKOOL_MOCK_JAVA_OPTS");
        builder.environment().putAll(env);
        Process launcher = builder.start();
        try {
            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("the launcher ended; stderr: %s", Files.readString(err))
                    .isTrue();
            return new Ended(launcher.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private Path copyOfTheJar() throws IOException {
        // A jar of its own, so the archive and the key cache the launcher keeps beside it start out absent.
        return Files.copy(RunnableJarIT.jar(), jarDir.resolve("ekool-mock.jar"));
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(jarDir)) {
            return files.filter(f -> f.getFileName().toString().contains(".tmp")).toList(); // ….jsa.<pid>.tmp.log too
        }
    }

    private List<Path> archives() throws IOException {
        List<Path> archives = new ArrayList<>(filesEndingWith(".jsa"));
        archives.addAll(filesEndingWith(".aot")); // the ahead-of-time cache, when the JVM running this is 25 or newer
        return archives;
    }

    private List<Path> filesEndingWith(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(jarDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    /** One run of the launcher, {@code serve --port 0}, in a session of its own. */
    record Launched(Process process, Path out, Path err) implements AutoCloseable {

        static Launched start(Path jar, Path logDir) throws Exception {
            return start(jar, logDir, null);
        }

        /** As {@link #start(Path, Path)}, with {@code javaOpts} as {@code EKOOL_MOCK_JAVA_OPTS} unless null. */
        static Launched start(Path jar, Path logDir, String javaOpts) throws Exception {
            Files.createDirectories(logDir);
            Path out = logDir.resolve("out.txt");
            Path err = logDir.resolve("err.txt");
            ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT,TERM,HUP", "setsid",
                    LAUNCHER.toString(), "--port", "0")
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("EKOOL_MOCK_JAR", jar.toString());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("EKOOL_MOCK_CDS");
            builder.environment().remove("EKOOL_MOCK_JAVA_OPTS");
            if (javaOpts != null) {
                builder.environment().put("EKOOL_MOCK_JAVA_OPTS", javaOpts);
            }
            Launched launched = new Launched(builder.start(), out, err);
            try {
                launched.awaitServing();
            } catch (Throwable t) {
                launched.killEverything();
                throw t;
            }
            return launched;
        }

        /** Waits for {@code login_url=} and checks that the server answers there. */
        void awaitServing() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                for (String line : Files.readAllLines(out)) {
                    if (line.startsWith("login_url=")) {
                        URI health = URI.create(line.substring("login_url=".length()) + "/health");
                        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(answer.statusCode()).isEqualTo(200);
                        return;
                    }
                }
                assertThat(process.isAlive()).as("the launcher is running; stderr: %s", Files.readString(err)).isTrue();
                Thread.sleep(50);
            }
            throw new AssertionError("no login_url= line within 120 s; stderr: " + Files.readString(err));
        }

        /** Sends {@code signal} to the launcher's process group, as a terminal sends Ctrl-C to its foreground group. */
        void signalTheGroup(String signal) throws Exception {
            long group = processGroup(process.pid());
            assertThat(group).as("setsid made the launcher the leader of its own process group").isEqualTo(process.pid());
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + group).inheritIO().start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(kill.exitValue()).as("kill -s %s -- -%s", signal, group).isZero();
        }

        void assertStoppedWithExit0() throws Exception {
            try {
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher stopped; stderr: %s",
                        Files.readString(err)).isTrue();
                assertThat(process.exitValue()).as("exit status; stderr: %s", Files.readString(err)).isZero();
                assertThat(Files.readString(err)).contains("eKool mock server stopped").doesNotContain("\tat ");
            } finally {
                killEverything();
            }
        }

        /** Ends whatever is left, the JVM (in a process group of its own) included; nothing once stopped cleanly. */
        @Override
        public void close() {
            killEverything();
        }

        /** As {@link #close()}. */
        void killEverything() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        /** The process group of {@code pid}: the fifth field of {@code /proc/<pid>/stat}. */
        private static long processGroup(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(afterName[2]);
        }
    }
}
