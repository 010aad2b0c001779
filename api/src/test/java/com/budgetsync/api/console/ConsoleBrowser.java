package com.budgetsync.api.console;

import com.budgetsync.api.testing.RunningApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser against the real application: per test class, a {@link RunningApp} (PostgreSQL,
 * embedded Temporal, API and worker on free ports) and Debian's headless Chromium driven through its chromedriver.
 * Nothing is downloaded: both binaries must be installed (CI's {@code .ci/run} installs them); a machine without them
 * fails here, loudly, rather than skipping. After each test the page is saved as
 * {@code target/console-screenshots/<TestClass>-<test>.png}.
 */
public final class ConsoleBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private RunningApp app;
    private ChromeDriver driver;
    private Path downloads;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the console tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
            }
        }
        app = RunningApp.start();
        downloads = Files.createDirectories(Path.of("target", "console-downloads",
                context.getRequiredTestClass().getSimpleName())).toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // The system chromedriver, named explicitly: Selenium Manager never runs, so nothing is downloaded.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        driver.get(app.url("/console/"));
        driver.executeScript("sessionStorage.clear()");
        try (var files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
    }

    /** Saves the page as it is now, as {@code target/console-screenshots/<name>.png} (docs/console.md uses some). */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    public RunningApp app() {
        return app;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens the console at a page ({@code #/runs}), signing in with {@code token} first. */
    public void signIn(String token, String page) {
        driver.get(app.url("/console/" + page));
        type(By.id("token"), token);
        driver.findElement(By.cssSelector("form.signin button")).click();
        waitFor(By.id("who"));
        until(d -> d.findElement(By.id("who")).isDisplayed());
    }

    /** As the admin, looking at one customer. */
    public void signInAsAdmin(String customerId, String page) {
        driver.get(app.url("/console/"));
        driver.executeScript("sessionStorage.setItem('budget-sync.customer', arguments[0])", customerId);
        signIn(RunningApp.ADMIN_TOKEN, page);
    }

    public void open(String page) {
        driver.get(app.url("/console/" + page));
    }

    public WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return waiting().until(condition::apply);
    }

    /** The pages re-render what they show after each answer: an element replaced meanwhile is looked up again. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The distinct values an attribute of an element took, in the order seen, sampled every 50 ms (faster than the
     * waits poll: a progress bar may move a few times a second) until {@code enough} says so or the wait times out.
     * An element that is missing or being replaced at a sample is simply not read then.
     */
    public List<String> valuesSeen(By by, String attribute, Predicate<List<String>> enough)
            throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!enough.test(seen) && System.nanoTime() < deadline) {
            try {
                for (WebElement element : driver.findElements(by)) {
                    String value = element.getAttribute(attribute);
                    if (value != null && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(value))) {
                        seen.add(value);
                    }
                }
            } catch (StaleElementReferenceException replacedMeanwhile) {
                // read again at the next sample
            }
            Thread.sleep(50);
        }
        return seen;
    }

    public void type(By by, String text) {
        WebElement input = waitFor(by);
        input.clear();
        input.sendKeys(text);
    }

    /** Waits until the page shows text somewhere in the element. */
    public WebElement waitForText(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text)::apply);
        return driver.findElement(by);
    }

    /** Brings an element into view, for the screenshot taken after the test. */
    public void scrollTo(By by) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", waitFor(by));
    }

    /** The one file the browser downloaded into this class's folder, once it is complete. */
    public Path downloaded(String name) {
        Path file = downloads.resolve(name);
        until(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }
}
