package org.mhaqi.testing.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, driven by Playwright for Java. Playwright never downloads a
 * browser here (this machine reaches only Maven Central, Debian and npm): it is pointed at the
 * installed executable, {@code CHROMIUM} if set, otherwise {@code chromium} on the PATH. One
 * instance per test class is the intended use ({@code @BeforeAll} / {@code @AfterAll}); each page
 * gets a fresh context, so cookies and sessions never leak from one test to the next.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Where screenshots go: a CI artifact directory of the module under test. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  // Without the background-networking flags Chromium keeps calling hosts this machine cannot reach.
  private static final List<String> ARGUMENTS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run");

  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Starts the browser; fails with what to install when there is none. */
  public static HeadlessChromium launch() {
    Path executable =
        executable()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No chromium found: install Debian's package (apt-get install chromium)"
                            + " or set CHROMIUM to a Chromium executable"));
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(executable)
                      .setHeadless(true)
                      .setArgs(ARGUMENTS));
      return new HeadlessChromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A page in a context of its own: British English, the London clock, a laptop's window. */
  public Page newPage() {
    return context(true).newPage();
  }

  /**
   * A page with JavaScript switched off, for the pages that must work without it (forms post, links
   * navigate). Axe cannot run in it: check accessibility on a {@link #newPage()} of the same URL.
   */
  public Page newPageWithoutJavaScript() {
    return context(false).newPage();
  }

  private BrowserContext context(boolean javaScript) {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setLocale("en-GB")
            .setTimezoneId("Europe/London")
            .setViewportSize(1280, 900)
            .setJavaScriptEnabled(javaScript));
  }

  /** Saves the whole page as {@code target/screenshots/<name>.png} and returns its path. */
  public static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  static Optional<Path> executable() {
    String configured = System.getenv("CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator))
        .filter(directory -> !directory.isBlank())
        .flatMap(
            directory ->
                Stream.of("chromium", "chromium-browser").map(name -> Path.of(directory, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
