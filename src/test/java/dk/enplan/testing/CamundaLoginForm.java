package dk.enplan.testing;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The login form every Camunda webapp shows (Tasklist, Cockpit), filled in and sent as a user does. */
public final class CamundaLoginForm {

  private static final By NAME = By.cssSelector("input[ng-model=username]");
  private static final By SECRET = By.cssSelector("input[ng-model=password]");

  private CamundaLoginForm() {
  }

  /** Waits for the form on the current page, types the user and password until both stand there, and sends it. */
  public static void logIn(WebDriver browser, WebDriverWait wait, String user, String password) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(NAME));
    // the login page focuses the user name field when it has rendered, which can take a keystroke meant elsewhere
    wait.until(driver -> {
      for (By field : List.of(NAME, SECRET)) {
        driver.findElement(field).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        driver.findElement(field).sendKeys(field == NAME ? user : password);
      }
      return user.equals(driver.findElement(NAME).getAttribute("value"))
          && password.equals(driver.findElement(SECRET).getAttribute("value"));
    });
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }
}
