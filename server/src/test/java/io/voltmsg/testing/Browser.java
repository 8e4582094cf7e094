package io.voltmsg.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Selenium: a fresh profile each time, pages only on
 * 127.0.0.1, screenshots at phone and desktop widths under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final int port;

    public Browser(int port) {
        this.port = port;
        try {
            this.profile = Files.createTempDirectory("voltmsg-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumAvailable.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    public String path() {
        return driver.getCurrentUrl().replaceFirst("^http://127\\.0\\.0\\.1:\\d+", "");
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean present(String css) {
        return !all(css).isEmpty();
    }

    /** The text of the first element {@code css} selects, read again if a live region replaced it meanwhile. */
    public String text(String css) {
        return readingAgainIfReplaced(() -> find(css).getText());
    }

    /** The texts of all elements {@code css} selects, read in one pass that starts over if a live region replaced one. */
    public List<String> texts(String css) {
        return readingAgainIfReplaced(() -> all(css).stream().map(WebElement::getText).toList());
    }

    // htmx swaps live regions every few seconds; an element found just before a swap is stale when read.
    private static <T> T readingAgainIfReplaced(java.util.function.Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks a link or button that loads another page, and waits until that page has loaded. */
    public void click(String css) {
        click(find(css));
    }

    public void click(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** Ticks a checkbox (nothing loads). */
    public void check(String css) {
        find(css).click();
    }

    /** Waits (at most 20 s) until {@code condition} holds, e.g. a live list showing a delivery. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs a script that calls its last argument when done (a fetch, say) and returns what it passed. */
    public Object asyncScript(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /** The page as a phone (360 px wide) and a desktop (1440 px) shows it: {@code NAME-360.png}, {@code NAME-1440.png}. */
    public void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : new int[] {360, 1440}) {
                driver.manage().window().setSize(new Dimension(width, 1000));
                long height = ((Number) driver.executeScript(
                        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
                driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height + 120, 600), 4000)));
                Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            }
            driver.manage().window().setSize(new Dimension(1440, 1000));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile; best effort
            }
        }
    }
}
