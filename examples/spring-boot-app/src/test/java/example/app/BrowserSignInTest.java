package example.app;

import dev.ekoolkit.testkit.EkoolMockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real browser (Debian's headless Chromium and its chromedriver) signs in through the mock's login and consent
 * pages. Skipped when they are not installed, except on CI (the CI variable set), where that fails the test.
 */
@EkoolMockTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSignInTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Value("${local.server.port}")
    int port;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        } else {
            assertThat(installed).as("CI must install chromium and chromium-driver").isTrue();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("ekool-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement element(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void logInAsMari() {
        browser.get("http://localhost:" + port + "/");
        element("username").sendKeys("mari");
        browser.findElement(By.id("password")).sendKeys("demo-student");
        browser.findElement(By.id("password-submit")).click();
    }

    @Test
    void mari_logs_in_with_her_password_approves_and_sees_the_home_page_then_signs_out() {
        logInAsMari();
        element("approve").click();
        assertThat(element("who").getText()).isEqualTo("Signed in as Mari Maasikas (eKool id 100001), roles: student");
        element("logout").click();
        assertThat(element("signed-out").getText()).isEqualTo("You are signed out.");
    }

    @Test
    void a_denied_consent_is_shown_to_the_user() {
        logInAsMari();
        element("deny").click();
        assertThat(element("failure").getText()).startsWith("Signing in with eKool failed:").contains("access_denied");
    }
}
