package io.crosspatch.reporting.dashboard;

import static io.crosspatch.reporting.support.PatchResults.patch;
import static io.crosspatch.reporting.support.PatchResults.patches;
import static io.crosspatch.reporting.support.PatchResults.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.AccountConfigured;
import io.crosspatch.events.ConfigurationChanges;
import io.crosspatch.events.ConfigurationReason;
import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchState;
import io.crosspatch.events.Provider;
import io.crosspatch.reporting.support.ReportingIntegrationTest;
import io.crosspatch.reporting.support.TestTokens;
import io.crosspatch.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} driven through {@code chromedriver}), over
 * data published as real {@code patch.results} events through Kafka: the summary numbers and an instance's
 * updates are on the page, and a screenshot is kept in {@code target/dashboard.png}.
 */
class DashboardBrowserTest extends ReportingIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-03T06:00:00Z");

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startChromium() throws IOException {
        profile = Files.createTempDirectory("reporting-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1440, 900));
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void showsTheSummaryAndAnInstancesUpdatesFromPublishedPatchResults() throws IOException {
        String tenant = uniqueTenant("dashboard");
        List<PatchDetail> webUpdates = List.of(
                patch(
                        "KB5031364",
                        "2023-10 Cumulative Update for Windows Server 2022",
                        "SecurityUpdates",
                        "Critical",
                        PatchState.MISSING,
                        null),
                patch("KB5030216", "Servicing Stack Update", "Updates", "Low", PatchState.FAILED, null),
                patch(
                        "KB5029250",
                        "2023-08 Cumulative Update",
                        "SecurityUpdates",
                        "Important",
                        PatchState.INSTALLED,
                        T0.minus(Duration.ofDays(30))));
        publishPatchResults(List.of(
                state(tenant, Provider.GCP, "acme-prod", "web-1", T0, webUpdates, true, false, OperationOutcome.FAILED),
                state(
                        tenant,
                        Provider.GCP,
                        "acme-prod",
                        "web-2",
                        T0,
                        patches(10, 2, 0, T0),
                        true,
                        true,
                        OperationOutcome.SUCCEEDED),
                state(
                        tenant,
                        Provider.AZURE,
                        "sub-7",
                        "db-1",
                        T0,
                        patches(4, 0, 0, T0),
                        false,
                        true,
                        OperationOutcome.SUCCEEDED)));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(api.get("/v1/tenants/" + tenant + "/summary", TestTokens.forTenant(tenant))
                                        .json()
                                        .at("/totals/instances")
                                        .asInt())
                                .isEqualTo(3));

        publish(
                Topics.ACCOUNT_CONFIGURED.name(),
                "gcp:acme-prod",
                List.of(AccountConfigured.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(T0)
                        .setTenantId(tenant)
                        .setProvider(Provider.GCP)
                        .setCloudAccountId("acme-prod")
                        .setSystemAccountId("123456789012")
                        .setRegion("eu-west-1")
                        .setPolicyVersion("standard-3f9a0c1d2e4b")
                        .setPolicyHash("3f9a0c1d2e4b" + "0".repeat(52))
                        .setPlanHash("0".repeat(64))
                        .setAppliedAt(T0)
                        .setReason(ConfigurationReason.DRIFT_REPAIRED)
                        .setChanges(new ConfigurationChanges(2, 0, 0))
                        .setAgentUpdateSchedule("cron(0 6 ? * TUE#4 *)")
                        .build()));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                api.get("/v1/tenants/" + tenant + "/policy-versions", TestTokens.forTenant(tenant))
                                        .json()
                                        .path("accounts")
                                        .size())
                        .isEqualTo(1));

        browser.get("http://127.0.0.1:" + port() + "/?token=" + TestTokens.forTenant(tenant));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.attributeToBe(By.id("reports"), "data-loaded", "true"));

        assertThat(browser.getCurrentUrl()).doesNotContain("token=");
        assertThat(figure("gcp:acme-prod", "instances")).isEqualTo("2");
        assertThat(figure("gcp:acme-prod", "online")).isEqualTo("2");
        assertThat(figure("gcp:acme-prod", "pendingOsUpdates")).isEqualTo("3");
        assertThat(figure("gcp:acme-prod", "pendingAgentUpdates")).isEqualTo("1");
        assertThat(figure("gcp:acme-prod", "runSuccess")).startsWith("50%");
        assertThat(figure("azure:sub-7", "online")).isEqualTo("0");
        assertThat(figure("total", "instances")).isEqualTo("3");
        assertThat(figure("total", "failedUpdates")).isEqualTo("1");

        assertThat(browser.findElement(By.cssSelector("#policy-versions tr[data-account='gcp:acme-prod']"))
                        .getText())
                .contains("standard-3f9a0c1d2e4b", "DRIFT_REPAIRED", "cron(0 6 ? * TUE#4 *)");
        assertThat(browser.findElement(By.cssSelector("#policy-versions caption"))
                        .getText())
                .isEqualTo("standard-3f9a0c1d2e4b: 1 account(s)");

        browser.findElement(By.cssSelector("#instances tr[data-instance='web-1']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#updates tr[data-patch='KB5031364']")));
        WebElement missing = browser.findElement(By.cssSelector("#updates tr[data-patch='KB5031364']"));
        assertThat(missing.findElement(By.cssSelector("[data-col='installStatus']"))
                        .getText())
                .isEqualTo("MISSING");
        WebElement severity = missing.findElement(By.cssSelector("[data-col='severity'] span"));
        assertThat(severity.getText()).isEqualTo("Critical");
        assertThat(severity.getAttribute("class")).contains("sev-critical");
        assertThat(missing.getText()).contains("2023-10 Cumulative Update for Windows Server 2022", "SecurityUpdates");
        assertThat(browser.findElement(
                                By.cssSelector("#updates tr[data-patch='KB5030216'] [data-col='installStatus'] span"))
                        .getAttribute("class"))
                .contains("bad");
        assertThat(browser.findElements(By.cssSelector("#updates tbody tr"))).hasSize(3);

        Path screenshot = Path.of("target", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(
                ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(),
                screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(screenshot).isNotEmptyFile();
    }

    private String figure(String account, String column) {
        return browser.findElement(
                        By.cssSelector("#summary tr[data-account='" + account + "'] [data-col='" + column + "']"))
                .getText();
    }
}
