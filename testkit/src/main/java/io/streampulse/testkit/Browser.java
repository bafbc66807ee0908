package io.streampulse.testkit;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, which {@code ./streampulse test} installs),
 * driven through Selenium. Selenium Manager is never asked to download anything: both binaries are given.
 * Screenshots land in {@code target/screenshots} (of the module running the test) for review. The module using
 * it declares selenium-java itself (testkit has it as an optional dependency).
 */
public class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("STREAMPULSE_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("STREAMPULSE_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;

    protected Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser profile (no cookies), 1280×900, or a phone-sized window when asked. */
    public static Browser open(int width, int height) {
        return new Browser(chromium(width, height));
    }

    public static Browser open() {
        return open(1280, 900);
    }

    /** A headless Chromium with a fresh profile, for subclasses that add their own helpers. */
    protected static ChromeDriver chromium(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=en-US", "--no-first-run",
                "--disable-extensions", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(URI url) {
        driver.get(url.toString());
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public void fill(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    public void click(String css) {
        find(css).click();
    }

    /** Waits (up to {@link #WAIT}, polling) for a condition on the page; fails the test when it never holds. */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    public <T> T await(ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Saves a PNG of the window as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save screenshot " + target, e);
        }
        return target;
    }

    /** Signs in through the login form and waits to land on {@code next}. */
    public void signIn(URI base, String username, String password, String next) {
        go(base.resolve("/login?next=" + next));
        fill("#username", username);
        fill("#password", password);
        click("#sign-in");
        await(d -> URI.create(d.getCurrentUrl()).getPath().equals(next));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
