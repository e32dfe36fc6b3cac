package dk.enplan.cockpit;

import dk.enplan.testing.CamundaLoginForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Cockpit and its Én Plan page in Debian's Chromium (headless, English browser in UTC, as on CI), driven by
 * Selenium and {@code /usr/bin/chromedriver}. Elements of the page are found by their {@code data-enplan} and
 * {@code data-kpi} attributes, not by their words; the words are asserted by the test.
 */
final class CockpitPage implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final By PAGE = By.cssSelector("[data-enplan=kpi-page]");
  static final By SCOPE = By.cssSelector("[data-enplan=municipality]");
  static final By COURSES = By.cssSelector("table[data-enplan=courses]");

  private final int port;
  private final WebDriver browser;
  private final WebDriverWait wait;

  static boolean browserInstalled() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  CockpitPage(int port) {
    this.port = port;
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-dev-shm-usage", "--window-size=1400,1600", "--lang=en-US");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.pollingEvery(Duration.ofMillis(100));
  }

  String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  /** Logs in to Cockpit; waits for its start page (the dashboard with Én Plan's section). */
  void logIn(String user, String password) {
    browser.get(cockpit());
    CamundaLoginForm.logIn(browser, wait, user, password);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-enplan=dashboard]")));
  }

  void logOut() {
    browser.findElement(By.cssSelector("li.account > a.dropdown-toggle")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout > a"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  /** Opens the Én Plan page from Cockpit's header and waits for its figures. */
  void openEnPlan() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-enplan=navigation]"))).click();
    awaitFigures();
  }

  /** Waits until the figures are on screen and the charts drawn. */
  void awaitFigures() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-kpi=referrals] tr.enplan-total")));
    wait.until(driver -> !driver.findElements(By.cssSelector("[data-chart=referrals] canvas")).isEmpty());
  }

  String scope() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(SCOPE)).getText();
  }

  /** The total row's number of a KPI's card, as shown. */
  String total(String kpi) {
    return browser.findElement(By.cssSelector("[data-kpi=" + kpi + "] tr.enplan-total th.num")).getText();
  }

  /** The page's text as rendered (innerText: hidden elements left out, also what lies below the fold). */
  String text() {
    return (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].innerText",
        browser.findElement(PAGE));
  }

  /** The network's choice of municipality, by its name; waits for the new figures of that municipality. */
  void chooseMunicipality(String name) {
    new Select(browser.findElement(By.cssSelector("[data-enplan=period] select[name=municipality]")))
        .selectByVisibleText(name);
    browser.findElement(By.cssSelector("[data-enplan=period] button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBe(SCOPE, name));
    awaitFigures();
  }

  boolean drillDownOffered() {
    return !browser.findElements(By.cssSelector("a.enplan-drill")).isEmpty();
  }

  /** Clicks a KPI's total (a link to its courses) and waits for the list; answers its rows' cells. */
  List<List<String>> drillDownTotal(String kpi) {
    browser.findElement(By.cssSelector("[data-kpi=" + kpi + "] tr.enplan-total a.enplan-drill")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(COURSES));
    return courseRows();
  }

  /** The cells of the list's rows as the page holds them, scrolled into view or not. */
  @SuppressWarnings("unchecked")
  private List<List<String>> courseRows() {
    return (List<List<String>>) ((JavascriptExecutor) browser).executeScript("return Array.from("
        + "document.querySelectorAll('table[data-enplan=courses] tbody tr')).map(row => Array.from("
        + "row.querySelectorAll('td')).map(cell => cell.textContent.trim()))");
  }

  /** The text of the list's button for the next page, or null when the list is complete. */
  String moreButton() {
    return browser.findElements(By.cssSelector("[data-enplan=more]")).stream().findFirst()
        .map(button -> ((String) ((JavascriptExecutor) browser).executeScript(
            "arguments[0].scrollIntoView({block: 'center'}); return arguments[0].textContent", button)).trim())
        .orElse(null);
  }

  /** Clicks the list's button for the next page and waits until the list is longer; answers all its rows. */
  List<List<String>> showMore() {
    int shown = browser.findElements(By.cssSelector("table[data-enplan=courses] tbody tr")).size();
    WebElement more = browser.findElement(By.cssSelector("[data-enplan=more]"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", more);
    more.click();
    wait.until(b -> b.findElements(By.cssSelector("table[data-enplan=courses] tbody tr")).size() > shown);
    return courseRows();
  }

  String coursesTitle() {
    return browser.findElement(By.cssSelector("[data-enplan=courses-title]")).getText();
  }

  /** Every URL the page has loaded since it was opened (the browser's resource timing). */
  @SuppressWarnings("unchecked")
  List<String> requestedUrls() {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)"
            + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scrolls the list of courses into view (for the screenshot). */
  void showCourses() {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(COURSES));
  }

  void screenshotAsIs(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    browser.quit();
  }
}
