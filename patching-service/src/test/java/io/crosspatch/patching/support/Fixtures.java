package io.crosspatch.patching.support;

import io.crosspatch.events.AccountReady;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.Provider;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.simulator.CloudSimulator;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Small factories: system accounts made usable in the simulator, and account.ready events for them. */
public final class Fixtures {

    public static final String REGION = "eu-west-1";
    public static final String SERVICE_ROLE = "CrosspatchSsmServiceRole";
    private static final AtomicLong NEXT_ACCOUNT =
            new AtomicLong(200_000_000_000L + (System.nanoTime() % 100_000_000L) * 1000);

    private Fixtures() {}

    /**
     * A new system account as account-service leaves it: OrganizationAccountAccessRole trusting the management
     * account, and the SSM service role trusting ssm.amazonaws.com.
     */
    public static SystemAccount anySystemAccount(CloudSimulator simulator) {
        String accountId = String.valueOf(NEXT_ACCOUNT.incrementAndGet());
        String management = simulator.managementCredentials().accountId();
        simulator
                .context()
                .iam()
                .createRoleInternally(
                        accountId,
                        "OrganizationAccountAccessRole",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                                + management + ":root\"},\"Action\":\"sts:AssumeRole\"}]}",
                        Instant.EPOCH,
                        "arn:aws:iam::aws:policy/AdministratorAccess");
        simulator
                .context()
                .iam()
                .createRoleInternally(
                        accountId,
                        SERVICE_ROLE,
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ssm.amazonaws.com\"},"
                                + "\"Action\":\"sts:AssumeRole\"}]}",
                        Instant.EPOCH,
                        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
        return SystemAccount.newBuilder()
                .setAccountId(accountId)
                .setRoleArn("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole")
                .setRegion(REGION)
                .setSsmServiceRoleName(SERVICE_ROLE)
                .setNewlyCreated(true)
                .build();
    }

    /** An enrollment of a GCP VM of cloud account {@code gcp-<system account>} in {@code patchGroup}. */
    public static AccountReady accountReady(SystemAccount account, OperatingSystem os, String patchGroup) {
        String enrollmentId = UUID.randomUUID().toString();
        String host = os.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + enrollmentId.substring(0, 8);
        return AccountReady.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(enrollmentId)
                .setIdentity(VerifiedIdentity.newBuilder()
                        .setTenantId("tenant-" + account.getAccountId())
                        .setProvider(Provider.GCP)
                        .setCloudAccountId(cloudAccountId(account))
                        .setCloudAccountName("Acme " + account.getAccountId())
                        .setInstanceId("vm-" + enrollmentId.substring(0, 13))
                        .setInstanceName(host)
                        .setLocation("europe-west1-b")
                        .setHostname(host)
                        .setOperatingSystem(os)
                        .setOsVersion("1")
                        .setPatchGroup(patchGroup)
                        .setAwsRegion(REGION)
                        .build())
                .setSystemAccount(account)
                .build();
    }

    public static String cloudAccountId(SystemAccount account) {
        return "acme-" + account.getAccountId();
    }

    public static String cloudAccountKey(SystemAccount account) {
        return new CloudAccountKey(CloudProvider.GCP, cloudAccountId(account)).toString();
    }

    /** What the SSM Agent reports as its platform for an OS. */
    public static String[] platform(OperatingSystem os) {
        return switch (os) {
            case WINDOWS -> new String[] {"Microsoft Windows Server 2022 Datacenter", "10.0.20348"};
            case UBUNTU -> new String[] {"Ubuntu", "22.04"};
            case DEBIAN -> new String[] {"Debian GNU/Linux", "12"};
            case CENTOS -> new String[] {"CentOS Linux", "7.9.2009"};
            case REDHAT_ENTERPRISE_LINUX -> new String[] {"Red Hat Enterprise Linux", "9.4"};
            case ORACLE_LINUX -> new String[] {"Oracle Linux Server", "8.9"};
            case AMAZON_LINUX -> new String[] {"Amazon Linux AMI", "2018.03"};
            case AMAZON_LINUX_2 -> new String[] {"Amazon Linux", "2"};
            default -> new String[] {"Other", "1"};
        };
    }
}
