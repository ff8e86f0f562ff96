package example.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class MalformedSecretTest {

    @Test
    void a_secret_with_a_pasted_line_break_stops_the_start_with_the_analyzers_message(CapturedOutput output) {
        String secret = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb\n";
        assertThatThrownBy(() -> SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--ekool.client-id=oaD43fvd3aCdf45dDsc428hMuY6T6trG", "--ekool.client-secret=" + secret));
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("ekool.client-secret: client_secret")
                .contains("Copy ekool.client-id (32 letters or digits) and ekool.client-secret (40 letters or digits)")
                .doesNotContain("8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb");
    }
}
