package dev.ekoolkit.testkit;

import dev.ekoolkit.testkit.example.Browser;
import dev.ekoolkit.testkit.example.GreetingApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotation: one server per class, injectable into @BeforeAll, constructors and tests. */
@EkoolMockTest(autoLogin = "mari")
class PerClassAnnotationTest {

    private static EkoolMock classMock;
    private static GreetingApp app;
    private final EkoolMock constructorMock;

    PerClassAnnotationTest(EkoolMock ekool) {
        this.constructorMock = ekool;
    }

    @BeforeAll
    static void start_the_app(EkoolMock ekool) {
        classMock = ekool;
        app = GreetingApp.start(ekool.properties());
        ekool.allowRedirectUri(app.callbackUri().toString());
    }

    @AfterAll
    static void stop_the_app() {
        app.close();
    }

    @Test
    void greets_the_auto_logged_in_user_by_first_name() {
        assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Mari");
    }

    @Test
    void every_injection_point_gets_the_same_server(EkoolMock ekool) {
        assertThat(ekool.loginUrl()).isEqualTo(classMock.loginUrl()).isEqualTo(constructorMock.loginUrl());
    }

    @Test
    void the_next_login_can_be_someone_else(EkoolMock ekool) {
        ekool.loginAs("jaan");

        assertThat(Browser.open(app.loginUrl()).body()).isEqualTo("Hello, Jaan");
    }
}
