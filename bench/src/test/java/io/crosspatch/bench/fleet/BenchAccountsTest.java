package io.crosspatch.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.launcher.fleet.CloudAccountSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BenchAccountsTest {

    @Test
    void shouldSpreadAccountsOverTheFourProvidersAndTheTenantsWithIdsInEachProvidersShape() {
        List<CloudAccountSpec> accounts = BenchAccounts.generate(200, 8);

        Map<String, Long> perProvider =
                accounts.stream().collect(Collectors.groupingBy(CloudAccountSpec::provider, Collectors.counting()));
        assertThat(perProvider)
                .containsOnly(
                        Map.entry("gcp", 50L),
                        Map.entry("azure", 50L),
                        Map.entry("aws", 50L),
                        Map.entry("vmware", 50L));
        assertThat(accounts.stream().map(CloudAccountSpec::tenantId).distinct()).hasSize(8);
        assertThat(accounts.stream().map(CloudAccountSpec::key).distinct()).hasSize(200);
        accounts.forEach(account -> assertThat(account.cloudAccountId())
                .matches(
                        switch (account.provider()) {
                            case "gcp" -> "[a-z][a-z0-9-]{4,28}[a-z0-9]";
                            case "azure" -> "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
                            case "aws" -> "\\d{12}";
                            default -> "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
                        }));
        assertThat(BenchAccounts.vmwareOrgs(accounts)).hasSize(50);
        assertThat(BenchAccounts.generate(200, 8)).as("deterministic").isEqualTo(accounts);
    }
}
