package org.mhaqi.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HeadlessChromiumTest {

  static HeadlessChromium chromium;

  @BeforeAll
  static void launch() {
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void close() {
    chromium.close();
  }

  static final String ACCESSIBLE =
      """
      <!doctype html><html lang="en"><head><title>Data return</title></head>
      <body><main><h1>Data return</h1>
      <form><label for="month">Month</label><input id="month" name="month"></form>
      </main></body></html>""";

  // An image without a text alternative and a field without a label: two WCAG A failures.
  static final String INACCESSIBLE =
      """
      <!doctype html><html lang="en"><head><title>Data return</title></head>
      <body><main><h1>Data return</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <form><input id="month" name="month"></form>
      </main></body></html>""";

  @Test
  void anAccessiblePageHasNoViolations() {
    Page page = chromium.newPage();
    page.setContent(ACCESSIBLE);
    assertThat(Accessibility.violations(page)).isEmpty();
    Accessibility.assertNoViolations(page);
  }

  @Test
  void eachViolationIsNamedWithTheElementsThatBreakIt() {
    Page page = chromium.newPage();
    page.setContent(INACCESSIBLE);

    assertThat(Accessibility.violations(page))
        .anySatisfy(line -> assertThat(line).startsWith("image-alt (critical)").contains("img"))
        .anySatisfy(line -> assertThat(line).startsWith("label (critical)").contains("#month"));
    assertThatThrownBy(() -> Accessibility.assertNoViolations(page))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("2 WCAG 2.2 AA violation(s)");
  }

  @Test
  void aPageWithoutJavaScriptRunsNoScript() {
    Page page = chromium.newPageWithoutJavaScript();
    page.setContent(
        "<!doctype html><html lang=en><title>t</title><p id=out>static</p>"
            + "<script>document.getElementById('out').textContent='scripted'</script>");
    assertThat(page.textContent("#out")).isEqualTo("static");

    Page scripted = chromium.newPage();
    scripted.setContent(
        "<!doctype html><html lang=en><title>t</title><p id=out>static</p>"
            + "<script>document.getElementById('out').textContent='scripted'</script>");
    assertThat(scripted.textContent("#out")).isEqualTo("scripted");
  }

  @Test
  void aScreenshotIsKeptUnderTarget() throws Exception {
    Page page = chromium.newPage();
    page.setContent(ACCESSIBLE);
    Path shot = HeadlessChromium.screenshot(page, "headless-chromium-test");
    assertThat(shot).startsWith(Path.of("target", "screenshots").toAbsolutePath());
    assertThat(Files.size(shot)).isGreaterThan(1_000);
  }
}
