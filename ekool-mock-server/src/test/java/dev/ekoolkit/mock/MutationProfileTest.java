package dev.ekoolkit.mock;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The mutation-testing commands of docs/core.md name a profile, classes and a script that exist. */
class MutationProfileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void the_documented_commands_name_the_module_profile_and_script() throws Exception {
        String guide = Files.readString(ROOT.resolve("docs/core.md"));

        assertThat(guide)
                .contains("./mvnw -B -ntp -pl ekool-core -am install -DskipTests")
                .contains("./mvnw -B -ntp -Pmutation -pl ekool-mock-server test-compile org.pitest:pitest-maven:mutationCoverage")
                .contains("java scripts/MutationScores.java ekool-mock-server/target/pit-reports/mutations.xml");
        assertThat(ROOT.resolve("scripts/MutationScores.java")).isRegularFile();
    }

    @Test
    void every_class_the_profile_mutates_exists_and_the_guide_names_it() throws Exception {
        String pom = Files.readString(ROOT.resolve("ekool-mock-server/pom.xml"));
        String guide = Files.readString(ROOT.resolve("docs/core.md"));
        Matcher targets = Pattern.compile("(?s)<targetClasses>(.*?)</targetClasses>").matcher(pom);
        assertThat(targets.find()).as("a <targetClasses> in ekool-mock-server/pom.xml").isTrue();
        Matcher param = Pattern.compile("<param>([^<]+)</param>").matcher(targets.group(1));
        List<String> classes = param.results().map(m -> m.group(1)).toList();

        assertThat(classes).hasSize(5).allSatisfy(name -> {
            assertThat(Class.forName(name)).as(name).isNotNull();
            assertThat(guide).as("docs/core.md names %s", name)
                    .contains("`" + name.substring("dev.ekoolkit.mock.".length()) + "`");
        });
    }
}
