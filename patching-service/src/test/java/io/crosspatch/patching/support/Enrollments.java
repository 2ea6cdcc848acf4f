package io.crosspatch.patching.support;

import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.desiredstate.domain.ApprovalRule;
import io.crosspatch.patching.desiredstate.domain.DesiredState;
import io.crosspatch.patching.desiredstate.domain.ManagedOs;
import io.crosspatch.patching.desiredstate.domain.PatchGroupPolicy;
import io.crosspatch.patching.desiredstate.domain.WindowPolicy;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Small factories of domain values for the fast tests: system accounts, enrollments, a desired state. */
public final class Enrollments {

    private static final AtomicLong NEXT_ACCOUNT = new AtomicLong(100_000_000_000L);

    private Enrollments() {}

    public static SystemAccountRef anySystemAccount() {
        String accountId = String.valueOf(NEXT_ACCOUNT.incrementAndGet());
        return new SystemAccountRef(
                accountId,
                "eu-west-1",
                "arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole",
                "CrosspatchSsmServiceRole");
    }

    /** An Ubuntu VM of GCP cloud account {@code acme-<system account>} in {@code patchGroup}. */
    public static Enrollment anyEnrollment(SystemAccountRef account, String patchGroup) {
        return anyEnrollment(account, "UBUNTU", patchGroup);
    }

    public static Enrollment anyEnrollment(SystemAccountRef account, String operatingSystem, String patchGroup) {
        String id = UUID.randomUUID().toString();
        return new Enrollment(
                id,
                "tenant-" + account.accountId(),
                CloudProvider.GCP,
                "acme-" + account.accountId(),
                "Acme " + account.accountId(),
                "vm-" + id.substring(0, 8),
                "host-" + id.substring(0, 8),
                operatingSystem,
                patchGroup,
                account);
    }

    /** The same VM enrolling again (its claim released): a new enrollment id, the same instance. */
    public static Enrollment reEnrollmentOf(Enrollment previous) {
        return new Enrollment(
                UUID.randomUUID().toString(),
                previous.tenantId(),
                previous.provider(),
                previous.cloudAccountId(),
                previous.cloudAccountName(),
                previous.instanceId(),
                previous.hostname(),
                previous.operatingSystem(),
                previous.patchGroup(),
                previous.account());
    }

    /** Early, on-time and late standard groups (on-time is the custom groups' template); one rule per OS. */
    public static DesiredState anyDesiredState() {
        Map<ManagedOs, List<ApprovalRule>> rules = new EnumMap<>(ManagedOs.class);
        for (ManagedOs os : ManagedOs.values()) {
            String key =
                    os == ManagedOs.WINDOWS ? "MSRC_SEVERITY" : os.supportsApprovalDelays() ? "SEVERITY" : "PRIORITY";
            rules.put(
                    os,
                    List.of(new ApprovalRule(Map.of("PRODUCT", List.of("*"), key, List.of("Critical")), "CRITICAL")));
        }
        return new DesiredState(
                rules,
                List.of(
                        new PatchGroupPolicy("early", 0, "cron(0 2 ? * TUE#2 *)", null),
                        new PatchGroupPolicy("on-time", 7, "cron(0 2 ? * TUE#3 *)", null),
                        new PatchGroupPolicy("late", 14, "cron(0 2 ? * TUE#4 *)", null)),
                "on-time",
                new WindowPolicy(4, 1, "10%", "5%"),
                "rate(12 hours)",
                "rate(1 day)");
    }
}
