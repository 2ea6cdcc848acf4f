package io.crosspatch.launcher.fleet;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two demo customers and their cloud accounts, one per provider each. Fixed, so that the identity-service
 * trust configuration (VMware issuers, AWS region certificates) can be derived before anything enrolls.
 */
public final class DemoTenants {

    public static final List<CloudAccountSpec> ACCOUNTS = List.of(
            new CloudAccountSpec("acme", "gcp", "acme-prod", "Acme production (GCP)", "europe-west1-b", "eu-west-1"),
            new CloudAccountSpec(
                    "acme", "azure", "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f", "Acme Azure", "westeurope", "eu-west-1"),
            new CloudAccountSpec("acme", "aws", "210987654321", "Acme AWS", "eu-west-1", "eu-west-1"),
            new CloudAccountSpec("acme", "vmware", "vcenter-acme-ams", "Acme Amsterdam vCenter", null, "eu-west-1"),
            new CloudAccountSpec("globex", "gcp", "globex-web", "Globex web (GCP)", "us-central1-a", "us-east-1"),
            new CloudAccountSpec(
                    "globex", "azure", "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "Globex Azure", "eastus", "us-east-1"),
            new CloudAccountSpec("globex", "aws", "345678901234", "Globex AWS", "us-east-1", "us-east-1"),
            new CloudAccountSpec(
                    "globex", "vmware", "vcenter-globex-nyc", "Globex New York vCenter", null, "us-east-1"));

    private DemoTenants() {}

    public static Set<String> tenants() {
        return ACCOUNTS.stream()
                .map(CloudAccountSpec::tenantId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public static List<String> vmwareOrgs() {
        return ACCOUNTS.stream()
                .filter(a -> a.provider().equals("vmware"))
                .map(CloudAccountSpec::cloudAccountId)
                .toList();
    }

    /** The EC2 regions the demo's AWS VMs run in: identity-service needs each region's certificate. */
    public static Set<String> ec2Regions() {
        return ACCOUNTS.stream()
                .filter(a -> a.provider().equals("aws"))
                .map(CloudAccountSpec::location)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
