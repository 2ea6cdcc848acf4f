package io.crosspatch.account.vending;

import static io.crosspatch.account.vending.Enrollments.anyGcpAccount;
import static io.crosspatch.account.vending.Enrollments.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosspatch.account.vending.domain.AccountNaming;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator API of system accounts: by tenant and state, one by cloud account, stable error codes; and only for
 * a valid operator JWT, whatever the spelling of the path.
 */
@CrosspatchIntegrationTest(
        properties = {"crosspatch.cassandra.keyspace=account_it_api", "spring.kafka.consumer.group-id=account-it-api"})
class SystemAccountApiTest extends VendingIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OPERATOR_TOKEN = operator().sign();
    private static CloudAccountKey ready;
    private static CloudAccountKey failed;

    @LocalServerPort
    private int port;

    @Autowired
    private AccountNaming naming;

    @BeforeEach
    void oneReadyAndOneFailedAccount() {
        if (ready != null) {
            return;
        }
        ready = anyGcpAccount("api-ready");
        failed = anyGcpAccount("api-failed");
        TestSimulator.failNextCreation(naming.email(failed, "acme"), "ACCOUNT_LIMIT_EXCEEDED");
        send(verified(ready, "enr-api-ready"));
        send(verified(failed, "enr-api-failed"));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.ready(Set.of(ready.toString())).size() == 1
                        && tap.failed(Set.of("enr-api-failed")).size() == 1);
    }

    @Test
    void shouldListTenantsSystemAccountsByState() throws Exception {
        JsonNode readyOnes = body(get("/v1/system-accounts?tenantId=acme&state=READY", 200));
        JsonNode failedOnes = body(get("/v1/system-accounts?tenantId=acme&state=failed", 200));
        JsonNode all = body(get("/v1/system-accounts?tenantId=acme", 200));

        assertThat(readyOnes.get("systemAccounts")).hasSize(1);
        assertThat(readyOnes.get("systemAccounts").get(0).get("cloudAccountKey").asText())
                .isEqualTo(ready.toString());
        assertThat(readyOnes.get("systemAccounts").get(0).get("accountId").asText())
                .matches("\\d{12}");
        assertThat(failedOnes.get("systemAccounts")).hasSize(1);
        assertThat(failedOnes.get("systemAccounts").get(0).get("failureReason").asText())
                .isEqualTo("ACCOUNT_LIMIT_EXCEEDED");
        assertThat(all.get("systemAccounts")).hasSize(2);
        assertThat(body(get("/v1/system-accounts?tenantId=nobody", 200)).get("systemAccounts"))
                .isEmpty();
    }

    @Test
    void shouldShowOneSystemAccountByCloudAccountKey() throws Exception {
        JsonNode account = body(get("/v1/system-accounts/gcp/" + ready.cloudAccountId(), 200));

        assertThat(account.get("state").asText()).isEqualTo("READY");
        assertThat(account.get("tenantId").asText()).isEqualTo("acme");
        assertThat(account.get("roleArn").asText()).endsWith(":role/OrganizationAccountAccessRole");
        assertThat(account.get("ssmServiceRoleName").asText()).isEqualTo("CrosspatchSsmServiceRole");
        assertThat(account.get("createAccountRequests").asInt()).isEqualTo(1);
    }

    @Test
    void shouldAnswerBadInputWithStableCodesAndNever5xx() throws Exception {
        assertThat(error(get("/v1/system-accounts", 400))).isEqualTo("TENANT_ID_REQUIRED");
        assertThat(error(get("/v1/system-accounts?tenantId=acme&state=SOMEWHERE", 400)))
                .isEqualTo("INVALID_STATE");
        assertThat(error(get("/v1/system-accounts/ibm/acme-prod", 400))).isEqualTo("INVALID_PROVIDER");
        assertThat(error(get("/v1/system-accounts/gcp/no-such-account", 404))).isEqualTo("SYSTEM_ACCOUNT_NOT_FOUND");
        assertThat(error(get("/v1/system-accounts?tenantId=" + "x".repeat(300), 400)))
                .isEqualTo("TENANT_ID_REQUIRED");
    }

    @Test
    void shouldRefuseEveryTokenThatIsNotAValidOperatorToken() throws Exception {
        String path = "/v1/system-accounts?tenantId=acme";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("not a JWT", "not-a-jwt");
        refused.put("without exp", operator().withoutExpiry().sign());
        refused.put("expired", operator().expired().sign());
        refused.put("foreign issuer", operator().issuer("https://evil.example/").sign());
        refused.put(
                "foreign audience", operator().audience("crosspatch-reporting").sign());
        refused.put("stranger's key", operator().signedByStranger().sign());

        refused.forEach((name, token) -> {
            HttpResponse<String> response = send(path, token);
            assertThat(response.statusCode()).as(name).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(name)
                    .hasValue("Bearer");
            assertThat(response.body()).as(name).contains("\"UNAUTHENTICATED\"").doesNotContain(ready.cloudAccountId());
        });
        HttpResponse<String> tenantToken = send(
                path,
                TestJwtIssuer.token(OPERATOR_AUDIENCE).claim("tenant", "acme").sign());
        assertThat(tenantToken.statusCode()).isEqualTo(403);
        assertThat(tenantToken.body()).contains("\"FORBIDDEN\"").doesNotContain(ready.cloudAccountId());
    }

    @Test
    void shouldSendStrictSecurityHeadersOnAnswersAndRefusals() {
        for (HttpResponse<String> response : List.of(
                send("/v1/system-accounts?tenantId=acme", OPERATOR_TOKEN),
                send("/v1/system-accounts?tenantId=acme", null),
                send("/v1/system-accounts", OPERATOR_TOKEN))) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValue(
                            "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    @Test
    void shouldNotLetAnyOtherSpellingOfThePathSkipTheTokenCheck() {
        for (String path : List.of(
                "/v1;/system-accounts?tenantId=acme",
                "/v1;x=y/system-accounts?tenantId=acme",
                "/v1/system-accounts;x=y?tenantId=acme",
                "/%76%31/system-accounts?tenantId=acme",
                "/v1/%73ystem-accounts?tenantId=acme",
                "//v1/system-accounts?tenantId=acme",
                "/v1//system-accounts?tenantId=acme",
                "/v1/./system-accounts?tenantId=acme",
                "/x/../v1/system-accounts?tenantId=acme",
                "/V1/system-accounts?tenantId=acme",
                "/v1/system-accounts/gcp/" + ready.cloudAccountId(),
                "/v1;/system-accounts/gcp/" + ready.cloudAccountId())) {
            HttpResponse<String> response = send(path, null);

            assertThat(response.statusCode()).as(path).isIn(400, 401, 404);
            // The path itself may be echoed in an error; no field of an account may be.
            assertThat(response.body())
                    .as(path)
                    .doesNotContain("\"systemAccounts\"", "\"accountId\"", "\"roleArn\"", "\"tenantId\"");
        }
    }

    private static TestJwtIssuer.Token operator() {
        return TestJwtIssuer.token(OPERATOR_AUDIENCE).roles("operator");
    }

    private HttpResponse<String> send(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return body(response).get("error").asText();
    }
}
