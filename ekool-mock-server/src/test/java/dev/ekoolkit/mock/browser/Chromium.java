package dev.ekoolkit.mock.browser;

import dev.ekoolkit.mock.support.Prerequisites;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;


/**
 * Debian's headless Chromium, driven by its packaged chromedriver at explicit paths. {@code .ci/run} installs
 * both; on CI a missing browser fails the test instead of skipping it, elsewhere the skip prints its reason.
 */
public final class Chromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Chromium() {
    }

    /**
     * Skips {@code test} (its name, for the printed reason) when the browser is not installed, except on CI
     * ({@code CI=true}), where that fails it.
     */
    public static void requireInstalled(String test) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        Prerequisites.require(installed, test, "Chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER + ")",
                "install them with apt-get install chromium chromium-driver (.ci/run does so when run as root)");
    }

    /** A new headless browser with a profile of its own; the caller quits it. */
    public static WebDriver open() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("ekool-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
        return browser;
    }

    /** The element with this id, once the page that has it has loaded. */
    public static WebElement element(WebDriver browser, String id) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }
}
