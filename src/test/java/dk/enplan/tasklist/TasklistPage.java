package dk.enplan.tasklist;

import dk.enplan.testing.CamundaLoginForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in Debian's Chromium (headless), used as a caseworker uses it: log in and out, open a filter and
 * a task card, claim, fill in a Camunda Form by the labels the caseworker reads, complete. Every action waits for
 * its condition (never a blind sleep), and a click first closes a notification lying over its target. Tasklist and
 * form-js re-render cards, buttons and fields while a test works with them, so every action finds its element and
 * uses it inside one wait: an element replaced in between ({@link StaleElementReferenceException}) is found again on
 * the wait's next poll, never held across polls. Buttons are
 * found by what they do, not by their words, so the same page serves an English and a Danish Tasklist. The browser
 * asks for English ({@code --lang=en-US}), as a browser in CI does, so Danish is shown because Tasklist defaults to it.
 */
public final class TasklistPage implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  static final By START_PROCESS = By.xpath("//a[span[contains(@class,'glyphicon-list-alt')]]");
  static final By CLAIM = By.cssSelector(".task-card button.claim");
  static final By COMPLETE = By.cssSelector(".task-card button[ng-click='complete()']");
  static final By FORM = By.cssSelector(".fjs-form");
  static final By NOTIFICATIONS = By.cssSelector(".page-notifications");

  private final int port;
  private final WebDriver browser;
  private final WebDriverWait wait;

  /** Whether Debian's Chromium and ChromeDriver are installed ({@code .ci/run} installs them). */
  public static boolean browserInstalled() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public TasklistPage(int port) {
    this.port = port;
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-dev-shm-usage", "--window-size=1400,1200", "--lang=en-US");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .build(), options);
    wait = waitFor(browser);
  }

  /**
   * The wait of every action: 30 s, polled every 100 ms, and an element that went stale between being found and being
   * used (the list, card or form re-rendered) counts as "not yet", so the next poll finds it again.
   */
  static WebDriverWait waitFor(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.pollingEvery(Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  public void logIn(String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    CamundaLoginForm.logIn(browser, wait, user, password);
    wait.until(ExpectedConditions.visibilityOfElementLocated(START_PROCESS));
  }

  /** Logs out through the user menu, as the caseworker leaving the desk does. */
  public void logOut() {
    click(By.cssSelector("li.account > a.dropdown-toggle"));
    click(By.cssSelector("li.logout > a"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  /** Opens the start dialog and the start form of the process with this name; answers the processes offered. */
  public List<String> startProcess(String processName) {
    click(START_PROCESS);
    By offered = By.cssSelector(".modal-body ul.processes > li > a");
    wait.until(ExpectedConditions.visibilityOfElementLocated(offered));
    List<String> names = wait.until(driver -> driver.findElements(offered).stream().map(WebElement::getText)
        .map(String::trim).toList());
    click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='" + processName + "']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(FORM));
    return names;
  }

  /** Submits the start form. */
  public void submitStartForm() {
    click(By.cssSelector(".modal-footer .btn-primary"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
  }

  /** Opens the filter with this name in the left column. */
  public void openFilter(String filterName) {
    click(By.xpath("//*[contains(@class,'column-left')]//*[normalize-space(text())='" + filterName + "']"));
  }

  /**
   * Narrows the open filter's list to the tasks whose variable has this value, as Tasklist's search box does (the
   * search in the address, so the list shows it as a search term); a long list then still shows the card sought.
   */
  public void search(String variable, String value) {
    String term = "[{\"type\":\"taskVariables\",\"operator\":\"eq\",\"name\":\"" + variable + "\",\"value\":\""
        + value.replace("\"", "\\\"") + "\"}]";
    String url = browser.getCurrentUrl().replaceAll("[?&]searchQuery=[^&]*", "");
    browser.get(url + (url.contains("?") ? "&" : "?") + "searchQuery="
        + java.net.URLEncoder.encode(term, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-search-pill]")));
  }

  /** The text of the task's card in the list of the open filter, once the list shows it. */
  public String cardText(String taskId) {
    return text(cardLocator(taskId));
  }

  /** Clicks the task's card and waits for its form. */
  public void openCard(String taskId) {
    click(By.xpath(cardXPath(taskId) + "//h4//a"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(FORM));
  }

  /** Opens a task by its address, as a link in a mail would. */
  public void openTask(String taskId) {
    browser.get(tasklist() + "#/?task=" + taskId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(FORM));
  }

  public void claim() {
    click(CLAIM);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
  }

  /** Completes the open task's form (after closing any notification over the button). */
  public void complete() {
    click(COMPLETE);
  }

  /** The text of the open form, once it contains {@code expected}. */
  public String formText(String expected) {
    return wait.until(driver -> {
      WebElement form = ExpectedConditions.visibilityOfElementLocated(FORM).apply(driver);
      String text = form == null ? null : form.getText();
      return text != null && text.contains(expected) ? text : null;
    });
  }

  public WebElement form() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(FORM));
  }

  /** The form field whose label reads {@code label}, inside the group labelled {@code group} (null: anywhere). */
  public WebElement field(String group, String label) {
    By labelled = By.xpath(labelXPath(group, label));
    return wait.until(driver -> {
      // label and field in one poll: a re-rendered form may give the field another id
      String id = driver.findElement(labelled).getAttribute("for");
      return id == null || id.isEmpty() ? null : ExpectedConditions.elementToBeClickable(By.id(id)).apply(driver);
    });
  }

  public WebElement field(String label) {
    return field(null, label);
  }

  /** What the form field whose label reads {@code label} holds ({@code value}), read where it is found. */
  public String fieldValue(String group, String label) {
    return wait.until(driver -> field(group, label).getAttribute("value"));
  }

  public String fieldValue(String label) {
    return fieldValue(null, label);
  }

  /** The validation message form-js shows under the field, once it shows one. */
  public String fieldError(String group, String label) {
    return wait.until(driver -> {
      String id = field(group, label).getAttribute("id");
      List<WebElement> messages = driver.findElements(By.cssSelector("[id='" + id + "-error-message'] li"));
      return messages.isEmpty() || messages.get(0).getText().isBlank() ? null : messages.get(0).getText();
    });
  }

  /** Scrolls the field into the middle of the window, as the caseworker looks at it. */
  public void show(String group, String label) {
    wait.until(driver -> {
      script("arguments[0].scrollIntoView({block: 'center'});", field(group, label));
      return true;
    });
  }

  /** Types into a text field, text area or number field, replacing what it held, until the field holds the text. */
  public void type(String group, String label, String text) {
    typeInto(group, label, text, true);
  }

  public void type(String label, String text) {
    type(null, label, text);
  }

  /**
   * Types a date into a date field as the caseworker does; the date picker takes it when the field is left and shows
   * it in its own format (1/4/2027 for 01/04/2027), so only that it holds a date is checked here.
   */
  public void typeDate(String group, String label, String date) {
    typeInto(group, label, date, false);
  }

  private void typeInto(String group, String label, String text, boolean exactly) {
    // all of it again when the field went stale on the way: found anew, emptied, typed, left, read
    wait.until(driver -> {
      WebElement field = field(group, label);
      script("arguments[0].scrollIntoView({block: 'center'});", field);
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      field.sendKeys(text);
      // form-js takes typed input after a pause or when the field is left: leave it, so no later click loses it
      script("arguments[0].blur();", field);
      String value = field.getAttribute("value");
      return exactly ? text.equals(value) : !value.isBlank();
    });
  }

  /** Ticks the option labelled {@code option} of a radio group or checklist, and waits until it is ticked. */
  public void tick(String fieldLabel, String option) {
    tickLabel(By.xpath(fieldXPath(null, fieldLabel) + "//label[normalize-space()='" + option + "']"));
  }

  /** Ticks a single checkbox by the beginning of its label, and waits until it is ticked. */
  public void tick(String checkboxLabel) {
    tickLabel(By.xpath("//div[contains(@class,'fjs-form-field-checkbox')]//label[starts-with(normalize-space(), '"
        + checkboxLabel + "')]"));
  }

  /** Whether the option of a radio group or checklist is ticked. */
  public boolean ticked(String fieldLabel, String option) {
    By label = By.xpath(fieldXPath(null, fieldLabel) + "//label[normalize-space()='" + option + "']");
    return wait.until(driver -> Optional.of(input(driver.findElement(label)).isSelected())).get();
  }

  private void tickLabel(By label) {
    // label and input found anew on every poll; a click on a label gone stale is retried by click's own wait
    wait.until(driver -> {
      if (input(driver.findElement(label)).isSelected()) {
        return true;
      }
      click(label);
      return input(driver.findElement(label)).isSelected();
    });
  }

  /** The input a label of a radio button or checkbox belongs to. */
  private WebElement input(WebElement label) {
    String id = label.getAttribute("for");
    return id != null && !id.isEmpty() ? browser.findElement(By.id(id)) : label.findElement(By.tagName("input"));
  }

  /** Picks {@code option} in a select field (form-js's dropdown). */
  public void select(String group, String label, String option) {
    if (browser.findElements(By.xpath(fieldXPath(group, label) + "//*[contains(@class,'fjs-dropdownlist')]"))
        .isEmpty()) {
      click(By.xpath(fieldXPath(group, label) + "//*[contains(@class,'fjs-input-group')]"));
    }
    click(By.xpath(fieldXPath(group, label) + "//*[contains(@class,'fjs-dropdownlist-item') and contains(.,'"
        + option + "')]"));
  }

  /** The text shown by the notifications at the top right, once one contains {@code expected}. */
  public String notification(String expected) {
    return wait.until(driver -> {
      String text = driver.findElement(NOTIFICATIONS).getText();
      return text.contains(expected) ? text : null;
    });
  }

  public void closeNotifications() {
    script("document.querySelectorAll('.page-notifications .close').forEach(b => b.click());");
    wait.until(driver -> driver.findElements(By.cssSelector(".page-notifications .alert")).isEmpty());
  }

  /**
   * Clicks as a caseworker does: the element in view, and when a notification lies over it, the notification closed
   * first (or waited out) rather than clicking blind. Found, checked and clicked in one poll: when Tasklist re-renders
   * the element in between (a card, the claim button), the stale element is dropped and the next poll finds the new
   * one; a stale element's click never reached the page, so nothing is clicked twice.
   */
  public void click(By locator) {
    wait.until(driver -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
      if (element == null) {
        return false;
      }
      script("arguments[0].scrollIntoView({block: 'center'});", element);
      if (Boolean.TRUE.equals(script(COVERED_BY_NOTIFICATION, element))) {
        script("document.querySelectorAll('.page-notifications .close').forEach(b => b.click());");
        return false;
      }
      element.click();
      return true;
    });
  }

  /** True when the centre of the element lies under a notification. */
  private static final String COVERED_BY_NOTIFICATION = """
      const r = arguments[0].getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top !== null && !arguments[0].contains(top) && top.closest('.page-notifications') !== null;
      """;

  /**
   * Whether a notification, as large as the notification area lets it grow, would lie over the element: the area is
   * filled with a placeholder of the widest and tallest notification, measured, and emptied again.
   */
  public boolean notificationAreaCovers(By locator) {
    return wait.until(driver -> {
      WebElement element = ExpectedConditions.visibilityOfElementLocated(locator).apply(driver);
      return element == null ? null : Optional.of(covers(element));
    }).get();
  }

  private boolean covers(WebElement element) {
    return Boolean.TRUE.equals(script("""
        const panel = document.querySelector('.page-notifications');
        const probe = document.createElement('div');
        probe.className = 'alert alert-danger';
        probe.style.width = '2000px';
        probe.style.maxWidth = '100%';
        probe.style.height = (window.innerHeight * 0.7) + 'px';
        panel.appendChild(probe);
        const p = probe.getBoundingClientRect();
        probe.remove();
        const b = arguments[0].getBoundingClientRect();
        return p.left < b.right && b.left < p.right && p.top < b.bottom && b.top < p.bottom;
        """, element));
  }

  /** The visible text of the element, once it is shown. */
  public String text(By locator) {
    return wait.until(driver -> {
      WebElement element = ExpectedConditions.visibilityOfElementLocated(locator).apply(driver);
      return element == null ? null : element.getText();
    });
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  public WebDriver browser() {
    return browser;
  }

  /** Waits until the query answers something other than null or false. */
  public <T> T await(Supplier<T> query) {
    return wait.until(driver -> query.get());
  }

  /**
   * Reloads Tasklist, opens the filter in the left column and waits until the number Tasklist shows next to it (the
   * count of its list, shown for the open filter) is the expected one; fails naming the number shown.
   */
  public void awaitFilterCount(String filterName, long expected) {
    browser.navigate().refresh();
    String filter = "//div[contains(@class,'task-filter')][.//h4//a[contains(normalize-space(.), '" + filterName
        + "')]]";
    click(By.xpath(filter + "//h4//a"));
    By counter = By.xpath(filter + "//span[contains(@class,'counter')]");
    String[] shown = {null};
    try {
      wait.until(driver -> {
        WebElement number = driver.findElement(counter);
        shown[0] = number.getText().trim();
        return number.isDisplayed() && shown[0].equals(String.valueOf(expected));
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(filterName + ": Tasklist shows " + shown[0] + ", expected " + expected, e);
    }
  }

  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  @Override
  public void close() {
    browser.quit();
  }

  private static By cardLocator(String taskId) {
    return By.xpath(cardXPath(taskId));
  }

  private static String cardXPath(String taskId) {
    return "//li[contains(concat(' ',@class,' '),' task ')][.//a[contains(@href,'task=" + taskId + "')]]";
  }

  private static String labelXPath(String group, String label) {
    String scope = group == null ? "" : "//div[contains(@class,'fjs-form-field-group')][label[normalize-space(text())='"
        + group + "']]";
    return scope + "//label[normalize-space(text())='" + label + "']";
  }

  private static String fieldXPath(String group, String label) {
    return labelXPath(group, label) + "/ancestor::div[contains(concat(' ',@class,' '),' fjs-form-field ')][1]";
  }
}
