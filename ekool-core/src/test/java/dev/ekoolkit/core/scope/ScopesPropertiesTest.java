package dev.ekoolkit.core.scope;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

class ScopesPropertiesTest {

    /** RFC 6749 §3.3 scope tokens: printable ASCII without space, '"' and '\'. */
    private static Gen<String> tokens() {
        return strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(1, 12)
                .map(s -> s.replace('"', '-').replace('\\', '_'));
    }

    private static Gen<List<String>> distinctTokens() {
        return lists().of(tokens()).ofSizeBetween(0, 6).map(l -> l.stream().distinct().toList());
    }

    @Test
    void formatting_then_parsing_gives_the_same_scopes() {
        qt().withExamples(2000).forAll(distinctTokens()).checkAssert(list -> {
            Scopes scopes = Scopes.of(list.stream().map(Scope::of).toList());
            assertThat(Scopes.parse(scopes.format())).isEqualTo(scopes);
        });
    }

    @Test
    void parsing_then_formatting_gives_the_same_wire_form() {
        qt().withExamples(2000).forAll(distinctTokens()).checkAssert(list -> {
            String wire = String.join(" ", list);
            assertThat(Scopes.parse(wire).format()).isEqualTo(wire);
        });
    }

    @Test
    void parsing_keeps_every_token_in_order() {
        qt().withExamples(2000).forAll(distinctTokens())
                .checkAssert(list -> assertThat(Scopes.parse(String.join(" ", list)).asStrings()).isEqualTo(list));
    }
}
