package org.ws2.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one way the page tests drive a real browser: Debian's headless {@code chromium} through its
 * {@code chromedriver} (Selenium), both named so that Selenium Manager never downloads one. Pages are drawn
 * at a given width of CSS pixels; screenshots go to {@code target/screenshots/} for a person to look at.
 */
public final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("ws2.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ws2.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final int PHONE = 375;
    public static final int DESKTOP = 1280;

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Chromium start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the page tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install -y chromium chromium-driver").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,1000", "--lang=en");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Sets the sign-in cookie on the site at {@code port}, as the sign-in page would (a page of the site must be open first). */
    public void signIn(int port, String token) {
        driver.get("http://localhost:" + port + "/assets/site.css");
        driver.manage().deleteCookieNamed("ws2_token");
        driver.manage().addCookie(new Cookie("ws2_token", token));
    }

    /** The page as a window of {@code width} CSS pixels draws it (a desktop window: no pinch-zoom to fit). */
    public void open(String url, int width) {
        resize(width);
        driver.get(url);
    }

    public void resize(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /** What is drawn now, as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    public long number(String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    /** The innermost elements that reach past the window's right edge, for a failure message. */
    public Object widest() {
        return driver.executeScript("""
                const over = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
                return [...document.querySelectorAll('body *')].filter(over)
                  .filter(e => ![...e.children].some(over))
                  .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                    + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');""");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
