package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.control.ProductRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web catalog in a real headless Chromium (Debian's chromium + chromium-driver) against a real mesh.
 *
 * <p>Fails, never skips, when the browser is missing: {@code .ci/run} installs it. Screenshots go to
 * {@code product-registry/target/screenshots/}.
 */
@ExtendWith({SharedKafka.class, SharedCatalogMesh.class})
class CatalogBrowserIT {

    private static final File CHROMIUM = new File(System.getProperty("meshbone.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("meshbone.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;
    private static String catalog;
    private static CatalogMesh shared;

    @BeforeAll
    static void openBrowser(CatalogMesh mesh, @TempDir Path profile) throws Exception {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").canRead();
        assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install chromium-driver)").canRead();
        catalog = mesh.catalogUrl().toString();
        shared = mesh;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(mesh.catalogUrl(), "/api/products").json()
                .path("products").size() >= CatalogMesh.EXAMPLES.size());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void searchFindsAProductAndTheDomainFilterNarrowsTheList() throws Exception {
        browser.get(catalog + "/");
        await().atMost(Duration.ofSeconds(20)).until(() -> cards().size() >= CatalogMesh.EXAMPLES.size());
        browser.findElement(By.id("search")).sendKeys("settled");
        await().atMost(Duration.ofSeconds(20)).until(() -> cardNames().equals(List.of("payments.payment-settled")));
        screenshot("search");

        browser.findElement(By.id("search")).clear();
        browser.findElement(By.id("search")).sendKeys(" ");
        new Select(browser.findElement(By.id("domain"))).selectByValue("customers");
        await().atMost(Duration.ofSeconds(20)).until(() -> !cardNames().isEmpty()
                && cardNames().stream().allMatch(n -> n.startsWith("customers.")));
        screenshot("domain-filter");
    }

    @Test
    void productPageShowsFieldsAddressAndLiveNumbers() throws Exception {
        browser.get(catalog + "/#/product/orders.order-placed");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.cssSelector("#fields tr[data-field]")).isEmpty());
        List<String> fields = browser.findElements(By.cssSelector("#fields tr[data-field]")).stream()
                .map(row -> row.getAttribute("data-field")).toList();
        assertThat(fields).contains("orderId", "customerId", "totalAmount", "itemCount");
        assertThat(browser.findElement(By.id("topic")).getText()).isEqualTo("orders.order-placed.v1");
        assertThat(browser.findElement(By.id("snippet")).getText()).contains("MeshConsumer.subscribe(\"orders.order-placed\"");
        // The page refreshes its health every two seconds; the demo traffic makes the rates positive.
        await().atMost(Duration.ofSeconds(60)).until(() -> rate("rate-in") > 0 && rate("rate-out") > 0
                && browser.findElement(By.id("slo")).getText().startsWith("OK"));
        assertThat(browser.findElements(By.cssSelector("#chart polyline"))).hasSize(3);
        // The demo traffic's orders without items reach the DLQ; the page lists them by code.
        await().atMost(Duration.ofSeconds(60)).until(() -> !browser.findElements(By.cssSelector("#dlq .dlq-code[data-code='QUALITY_RULE_FAILED']")).isEmpty());
        screenshot("product");

        browser.get(catalog + "/#/product/customers.customer-profile");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.cssSelector("#fields tr[data-field='email']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#fields tr[data-field='email']")).getText()).contains("PII");
    }

    @Test
    void productPageShowsImpactAndADeprecationBanner() throws Exception {
        browser.get(catalog + "/#/product/orders.order-placed");
        // The example domain apps read orders.order-placed; the catalog looks at consumer groups every 10 s.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !browser.findElements(By.cssSelector("#live-consumers tr[data-group='orders-status']")).isEmpty());
        assertThat(browser.findElement(By.id("downstream")).getText()).contains("orders.order-status");
        assertThat(browser.findElements(By.id("deprecation"))).isEmpty();
        screenshot("impact");

        String domain = "banner" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        assertThat(LifecycleRequests.list(shared, "User:team-banner", domain, "old-feed").accepted()).isTrue();
        assertThat(LifecycleRequests.list(shared, "User:team-banner", domain, "new-feed").accepted()).isTrue();
        assertThat(LifecycleRequests.send(shared, ProductRequest.deprecate("User:team-banner",
                domain + ".old-feed", "2099-12-31", domain + ".new-feed", "new-feed keys by id")).accepted()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.get(catalog + "/#/product/" + domain + ".old-feed");
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("product-name")).isEmpty());
            assertThat(browser.findElement(By.id("deprecation")).getText()).contains("sunset 2099-12-31")
                    .contains(domain + ".new-feed").contains("new-feed keys by id");
        });
        screenshot("deprecated");
    }

    @Test
    void lineagePageDrawsAnEdgeBetweenTwoDomains() throws Exception {
        browser.get(catalog + "/#/lineage");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.cssSelector("#lineage path.edge")).isEmpty());
        WebElement edge = browser.findElement(By.cssSelector(
                "#lineage path.edge[data-from='customers.customer-profile'][data-to='shipping.delivery-request']"));
        assertThat(edge.getAttribute("d")).startsWith("M");
        assertThat(browser.findElements(By.cssSelector("#lineage g.node")).size()).isGreaterThanOrEqualTo(CatalogMesh.EXAMPLES.size());
        screenshot("lineage");
    }

    @Test
    void unknownProductPageShowsTheCatalogsSuggestion() throws Exception {
        browser.get(catalog + "/#/product/orders.order-plaecd");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElement(By.id("error")).getText()).contains("orders.order-placed");
    }

    private static List<WebElement> cards() {
        return browser.findElements(By.cssSelector(".product-card"));
    }

    private static List<String> cardNames() {
        return cards().stream().map(card -> card.getAttribute("data-name")).toList();
    }

    private static double rate(String id) {
        String text = browser.findElement(By.id(id)).getText();
        return text.isEmpty() ? 0 : Double.parseDouble(text);
    }

    private static void screenshot(String name) throws Exception {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(file).isNotEmptyFile();
    }
}
