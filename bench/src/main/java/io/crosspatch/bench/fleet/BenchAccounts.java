package io.crosspatch.bench.fleet;

import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.launcher.fleet.DemoTenants;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The cloud accounts of a benchmark fleet: {@code count} accounts, the four providers in turn, spread over
 * {@code tenants} tenants ({@code bench-t00}, …), each id in its provider's shape and deterministic, so that a run
 * can be repeated and the accounts' VMware orgs can be given to identity-service before it starts.
 */
public final class BenchAccounts {

    private static final List<String> PROVIDERS = List.of("gcp", "azure", "aws", "vmware");
    /** The EC2 regions identity-service holds the signing certificates of (the demo's). */
    private static final List<String> EC2_REGIONS = List.copyOf(DemoTenants.ec2Regions());

    private BenchAccounts() {}

    public static List<CloudAccountSpec> generate(int count, int tenants) {
        if (count < 1 || tenants < 1) {
            throw new IllegalArgumentException("need at least one account and one tenant");
        }
        List<CloudAccountSpec> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String tenant = String.format("bench-t%02d", i % tenants);
            String provider = PROVIDERS.get(i % PROVIDERS.size());
            String awsRegion = EC2_REGIONS.get(i % EC2_REGIONS.size());
            boolean europe = awsRegion.startsWith("eu-");
            accounts.add(
                    switch (provider) {
                        case "gcp" ->
                            new CloudAccountSpec(
                                    tenant,
                                    provider,
                                    String.format("bench-project-%04d", i),
                                    "Bench GCP " + i,
                                    europe ? "europe-west1-b" : "us-central1-a",
                                    awsRegion);
                        case "azure" ->
                            new CloudAccountSpec(
                                    tenant,
                                    provider,
                                    azureSubscription(i),
                                    "Bench Azure " + i,
                                    europe ? "westeurope" : "eastus",
                                    awsRegion);
                        case "aws" ->
                            new CloudAccountSpec(
                                    tenant,
                                    provider,
                                    String.format("%012d", 700_000_000_000L + i),
                                    "Bench AWS " + i,
                                    awsRegion,
                                    awsRegion);
                        default ->
                            new CloudAccountSpec(
                                    tenant,
                                    provider,
                                    String.format("vcenter-bench-%04d", i),
                                    "Bench vCenter " + i,
                                    null,
                                    awsRegion);
                    });
        }
        return accounts;
    }

    /** The VMware orgs among {@code accounts}: identity-service must trust each one's token issuer from its start. */
    public static List<String> vmwareOrgs(List<CloudAccountSpec> accounts) {
        return accounts.stream()
                .filter(account -> account.provider().equals("vmware"))
                .map(CloudAccountSpec::cloudAccountId)
                .toList();
    }

    /** A subscription id in Azure's shape (a random-looking v4 UUID), the same for the same index every run. */
    private static String azureSubscription(int index) {
        UUID named = UUID.nameUUIDFromBytes(("crosspatch-bench-" + index).getBytes(StandardCharsets.UTF_8));
        long msb = (named.getMostSignificantBits() & ~0xF000L) | 0x4000L;
        long lsb = (named.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
