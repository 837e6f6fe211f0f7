package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The product page's readers table and Request access form in a real headless Chromium against the shared mesh. */
@ExtendWith({SharedKafka.class, SharedCatalogMesh.class})
class CatalogAccessBrowserIT {

    private static final File CHROMIUM = new File(System.getProperty("meshbone.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("meshbone.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;
    private static URI catalog;

    @BeforeAll
    static void openBrowser(CatalogMesh mesh, @TempDir Path profile) throws Exception {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").canRead();
        assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install chromium-driver)").canRead();
        catalog = mesh.catalogUrl();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1400", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theRequestAccessFormAsksTheGateAndTheOwnersGrantShowsInTheReadersTable() throws Exception {
        String principal = "User:app-browser" + TestTopics.letters(6);
        browser.get(catalog + "/#/product/payments.payment-settled");
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("grants")).isEmpty());
        browser.findElement(By.cssSelector("#readers .request-access")).click();
        browser.findElement(By.cssSelector("#readers textarea[name=reason]")).sendKeys("fraud dashboard");
        browser.findElement(By.cssSelector("#readers input[name=pii]")).click();
        browser.findElement(By.cssSelector("#readers input[name=principal]")).sendKeys(principal);
        browser.findElement(By.cssSelector("#readers button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(60)).until(() -> browser.findElement(By.cssSelector("#readers .access-result"))
                .getText().startsWith("Requested ("));
        String text = browser.findElement(By.cssSelector("#readers .access-result")).getText();
        String id = text.substring("Requested (".length(), text.indexOf(')'));
        screenshot("access-request");

        assertThat(Http.post(catalog, "/api/access-requests/" + id + "/approve", "{\"principal\": \"" + CatalogMesh.PRINCIPAL
                + "\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector("#grants tr[data-principal='" + principal + "']")).isEmpty();
        });
        assertThat(browser.findElement(By.cssSelector("#grants tr[data-principal='" + principal + "']")).getText())
                .contains("fraud dashboard").contains("yes").contains(CatalogMesh.PRINCIPAL);
        screenshot("access-readers");
    }

    private static void screenshot(String name) throws Exception {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(file).isNotEmptyFile();
    }
}
