package dev.ekoolkit.testkit.params;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The providers behind the credential sample annotations. */
final class CredentialArgumentsProvider {

    private CredentialArgumentsProvider() {
    }

    private static Stream<Arguments> malformed(List<MalformedCredential> samples) {
        return samples.stream().map(s -> Arguments.argumentSet(s.label(), s.value(), s.violation()));
    }

    private static Stream<Arguments> valid(String kind, List<String> samples) {
        return IntStream.range(0, samples.size()).mapToObj(i -> Arguments.argumentSet(kind + " " + (i + 1), samples.get(i)));
    }

    static final class ValidClientIdsProvider implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
            return valid("well-formed client_id", CredentialSamples.validClientIds());
        }
    }

    static final class ValidClientSecretsProvider implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
            return valid("well-formed client_secret", CredentialSamples.validClientSecrets());
        }
    }

    static final class ValidClientCredentialsProvider implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
            List<String> ids = CredentialSamples.validClientIds();
            List<String> secrets = CredentialSamples.validClientSecrets();
            return IntStream.range(0, Math.min(ids.size(), secrets.size()))
                    .mapToObj(i -> Arguments.argumentSet("well-formed credentials " + (i + 1), ids.get(i), secrets.get(i)));
        }
    }

    static final class MalformedClientIdsProvider implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
            return malformed(CredentialSamples.malformedClientIds());
        }
    }

    static final class MalformedClientSecretsProvider implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
            return malformed(CredentialSamples.malformedClientSecrets());
        }
    }
}
