package io.crosspatch.simulator.organizations;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;

/** Factories for account requests, waiting for a creation to finish, and the simulator's organizations endpoints. */
final class OrganizationsFixtures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OrganizationsFixtures() {}

    /** An e-mail address no other test uses. */
    static String uniqueEmail(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 12) + "@crosspatch.example";
    }

    /** A valid request for a new account with that e-mail, tagged as account vending tags it. */
    static CreateAccountRequest anyAccountRequest(String email) {
        return CreateAccountRequest.builder()
                .email(email)
                .accountName("cp-" + email.substring(0, email.indexOf('@')))
                .tags(
                        t -> t.key("crosspatch:tenant").value("acme"),
                        t -> t.key("crosspatch:provider").value("gcp"))
                .build();
    }

    /** Waits (simulated time must have been advanced past the creation's duration) until the request completed. */
    static CreateAccountStatus awaitCompleted(OrganizationsClient organizations, String requestId) {
        return await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> organizations
                                .describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
                                .createAccountStatus(),
                        status -> status.state() != CreateAccountState.IN_PROGRESS);
    }

    /** Every account of the organization, through ListAccounts' pages of {@code pageSize}. */
    static List<Account> allAccounts(OrganizationsClient organizations, int pageSize) {
        return organizations.listAccountsPaginator(r -> r.maxResults(pageSize)).stream()
                .flatMap(page -> page.accounts().stream())
                .toList();
    }

    /** {@code POST /_sim/organizations/failures}: the next {@code count} creations for {@code email} fail. */
    static JsonNode injectFailure(URI simulator, String reason, int count, String email) {
        String body = Http.JSON
                .createObjectNode()
                .put("reason", reason)
                .put("count", count)
                .put("email", email)
                .toString();
        return send(simulator, "POST", SimulatorPaths.ORGANIZATIONS_FAILURES, body, 200);
    }

    static JsonNode pendingFailures(URI simulator) {
        return send(simulator, "GET", SimulatorPaths.ORGANIZATIONS_FAILURES, null, 200);
    }

    /** {@code GET /_sim/organizations/accounts}: every account of the organization with its tags. */
    static JsonNode simulatedAccounts(URI simulator) {
        return send(simulator, "GET", SimulatorPaths.ORGANIZATIONS_ACCOUNTS, null, 200);
    }

    static JsonNode send(URI simulator, String method, String path, String body, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(simulator.resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Http.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " interrupted", e);
        }
    }
}
