package org.ws2.systemtests.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromedriver},
 * named explicitly so that Selenium Manager never tries to download a browser or a driver.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("ws2.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ws2.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A phone's width (the pages must not scroll sideways there) and a laptop's; the window starts at the last. */
    static final List<Integer> WIDTHS = List.of(375, 1280);
    static final int HEIGHT = 1000;
    /** What Chromium says when a read reaches an element whose document has been replaced. */
    private static final String DETACHED_NODE = "does not belong to the document";

    final ChromeDriver driver;
    private final URI base;

    Browser(URI base) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        // a live update or a navigation may replace the element between finding it and reading it: look again
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (WebDriverException e) {
                        // Chromium (156) reports an element of a document a navigation replaced as an inspector
                        // error rather than a stale element
                        if (String.valueOf(e.getMessage()).contains(DETACHED_NODE)) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /**
     * The HTTP status the page now shown was answered with, as the browser got it (after any redirect): what a person
     * following a link gets, which the page's own words may not say.
     */
    long status() {
        Object status = ((JavascriptExecutor) driver).executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;");
        return ((Number) status).longValue();
    }

    /** Sets a field's value as a person's picker would (a date input's typing rules depend on the locale). */
    void setValue(By by, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                find(by), value);
    }

    /** Marks the loaded document, so that a test can tell a live update from a reload. */
    void markDocument() {
        ((JavascriptExecutor) driver).executeScript("window.__ws2NotReloaded = true;");
    }

    boolean sameDocument() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.__ws2NotReloaded === true;"));
    }

    /**
     * The page as a phone shows it ({@code <name>-375.png}) and as a laptop does ({@code <name>-1280.png}), under
     * {@code target/screenshots/}; the window is left at the laptop's width, where the journeys run.
     */
    void screenshot(String name) {
        for (int width : WIDTHS) {
            driver.manage().window().setSize(new Dimension(width, HEIGHT));
            // a new width moves the page under a link's #anchor (#thread): show what the link pointed at again
            ((JavascriptExecutor) driver).executeScript(
                    "const target = location.hash && document.getElementById(location.hash.slice(1));"
                            + " if (target) { target.scrollIntoView(); }");
            try {
                Files.createDirectories(SCREENSHOTS);
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Signs in with the local sign-in page, which ends on the workspace. */
    void signIn(String name, String role, List<String> groups) {
        open("/sign-in");
        assertThat(find(By.cssSelector(".local-banner")).getText()).contains("Local sign-in");
        WebElement nameField = find(By.id("si-name"));
        nameField.clear();
        nameField.sendKeys(name);
        find(By.id("role-" + role)).click();
        for (String group : groups) {
            find(By.id("grp-" + group)).click();
        }
        find(By.xpath("//button[text()='Sign in']")).click();
        await(Duration.ofSeconds(20), d -> d.getCurrentUrl().endsWith("/workspace"));
        assertThat(find(By.cssSelector(".who")).getText()).contains(name);
    }

    /** axe-core on the page as it is now: no serious or critical violation. */
    void assertAccessible() {
        assertAccessible(new AxeBuilder());
    }

    /** The same, leaving out a third-party widget's DOM (e.g. Swagger UI), whose markup is not ours to fix. */
    void assertAccessibleExcept(String selector) {
        assertAccessible(new AxeBuilder().exclude(selector));
    }

    private void assertAccessible(AxeBuilder axe) {
        Results results = axe.analyze(driver);
        List<Rule> severe = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(severe).as(() -> driver.getCurrentUrl() + " has accessibility violations:\n" + severe.stream()
                .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
