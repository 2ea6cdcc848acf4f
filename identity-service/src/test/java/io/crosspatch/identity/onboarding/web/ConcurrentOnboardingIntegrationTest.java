package io.crosspatch.identity.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.identity.support.AdminTokens;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.IngressIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Two tenants racing to onboard one cloud account through the real admin API on the real Cassandra: whoever claims
 * it first owns it, the other is told {@code 409}, and the tenant listings agree with the winner — never an account
 * listed under both tenants (which would let the loser's admins see it and the verifier map its VMs to either).
 */
class ConcurrentOnboardingIntegrationTest extends IngressIntegrationTest {

    private static final int ROUNDS = 50;

    @Test
    void exactlyOneOfTwoTenantsOnboardingOneAccountAtOnceWinsEveryRound() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // given
                String account = unique("contested");
                String first = unique("first");
                String second = unique("second");
                CountDownLatch start = new CountDownLatch(1);

                // when
                CompletableFuture<HttpResponse<String>> firstPut = onboardOnSignal(threads, start, first, account);
                CompletableFuture<HttpResponse<String>> secondPut = onboardOnSignal(threads, start, second, account);
                start.countDown();
                HttpResponse<String> firstAnswer = firstPut.get(60, TimeUnit.SECONDS);
                HttpResponse<String> secondAnswer = secondPut.get(60, TimeUnit.SECONDS);

                // then
                List<Integer> statuses = List.of(firstAnswer.statusCode(), secondAnswer.statusCode());
                assertThat(statuses)
                        .as("round %d: %s / %s", round, firstAnswer.body(), secondAnswer.body())
                        .containsExactlyInAnyOrder(201, 409);
                HttpResponse<String> loser = firstAnswer.statusCode() == 409 ? firstAnswer : secondAnswer;
                String winner = firstAnswer.statusCode() == 201 ? first : second;
                String other = winner.equals(first) ? second : first;
                assertThat(Api.tree(loser).get("error").asText()).isEqualTo("ACCOUNT_OWNED_BY_ANOTHER_TENANT");
                assertThat(accountsOf(winner))
                        .as("round %d: the winner's listing", round)
                        .containsExactly("gcp:" + account);
                assertThat(accountsOf(other))
                        .as("round %d: the loser's listing", round)
                        .isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theOwnerRePuttingWhileAnotherTenantTriesStaysTheOwnerAndKeepsItsNewSettings() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                // given
                String account = unique("owned");
                String owner = unique("owner");
                String intruder = unique("intruder");
                assertThat(api().putJson(path(owner, account), settings("early"), AdminTokens.admin())
                                .statusCode())
                        .isEqualTo(201);
                CountDownLatch start = new CountDownLatch(1);

                // when
                CompletableFuture<HttpResponse<String>> update = CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return api().putJson(path(owner, account), settings("late"), AdminTokens.admin());
                        },
                        threads);
                CompletableFuture<HttpResponse<String>> grab = onboardOnSignal(threads, start, intruder, account);
                start.countDown();

                // then
                assertThat(update.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(grab.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
                JsonNode listed =
                        Api.tree(api().get("/v1/admin/tenants/" + owner + "/cloud-accounts", AdminTokens.admin()));
                assertThat(listed)
                        .singleElement()
                        .satisfies(
                                row -> assertThat(row.get("defaultPatchGroup").asText())
                                        .isEqualTo("late"));
                assertThat(accountsOf(intruder)).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private CompletableFuture<HttpResponse<String>> onboardOnSignal(
            ExecutorService threads, CountDownLatch start, String tenant, String account) {
        return CompletableFuture.supplyAsync(
                () -> {
                    await(start);
                    return api().putJson(path(tenant, account), settings("early"), AdminTokens.admin());
                },
                threads);
    }

    private List<String> accountsOf(String tenant) {
        JsonNode listed = Api.tree(api().get("/v1/admin/tenants/" + tenant + "/cloud-accounts", AdminTokens.admin()));
        return StreamSupport.stream(listed.spliterator(), false)
                .map(row -> row.get("cloudAccountKey").asText())
                .toList();
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Api api() {
        return newSource();
    }

    private static String path(String tenant, String account) {
        return "/v1/admin/tenants/" + tenant + "/cloud-accounts/gcp/" + account;
    }

    private static Map<String, Object> settings(String defaultGroup) {
        return Map.of("displayName", "Contested project", "defaultPatchGroup", defaultGroup, "awsRegion", "eu-west-1");
    }
}
