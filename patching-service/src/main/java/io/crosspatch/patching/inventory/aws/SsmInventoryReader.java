package io.crosspatch.patching.inventory.aws;

import io.crosspatch.patching.inventory.application.InventoryReader;
import io.crosspatch.patching.inventory.domain.Application;
import io.crosspatch.patching.inventory.domain.ApplicationList;
import io.crosspatch.patching.inventory.domain.InstanceInformation;
import io.crosspatch.patching.systemaccount.application.BudgetedCalls;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.ListInventoryEntriesResponse;

/**
 * {@link InventoryReader} on SSM Inventory: ListInventoryEntries per node and type, in pages of 50 (SSM's maximum),
 * each call under the account's budget for the operation. A node SSM no longer knows (InvalidInstanceId) has no
 * inventory. SSM's types end here: what leaves is the inventory domain's records.
 */
@Component
class SsmInventoryReader implements InventoryReader {

    static final String OPERATION = "ListInventoryEntries";
    private static final String INSTANCE_INFORMATION = "AWS:InstanceInformation";
    private static final String APPLICATION = "AWS:Application";
    private static final int PAGE = 50;

    private final BudgetedCalls<SsmClient> ssm;

    public SsmInventoryReader(BudgetedCalls<SsmClient> ssm) {
        this.ssm = ssm;
    }

    @Override
    public Optional<InstanceInformation> instanceInformation(SystemAccountRef account, String managedInstanceId) {
        return firstPage(account, managedInstanceId, INSTANCE_INFORMATION, 1).flatMap(page -> {
            Instant captured = captureTime(page.captureTime());
            if (captured == null || page.entries().isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> entry = page.entries().get(0);
            return Optional.of(new InstanceInformation(
                    captured,
                    text(entry.get("ComputerName")),
                    text(entry.get("PlatformType")),
                    text(entry.get("PlatformName")),
                    text(entry.get("PlatformVersion")),
                    text(entry.get("IpAddress")),
                    text(entry.get("AgentVersion"))));
        });
    }

    @Override
    public Optional<Instant> applicationsCapturedAt(SystemAccountRef account, String managedInstanceId) {
        return firstPage(account, managedInstanceId, APPLICATION, 1)
                .flatMap(page -> Optional.ofNullable(captureTime(page.captureTime())));
    }

    @Override
    public Optional<ApplicationList> applications(SystemAccountRef account, String managedInstanceId) {
        List<Application> applications = new ArrayList<>();
        Instant captured = null;
        String token = null;
        do {
            String next = token;
            ListInventoryEntriesResponse page;
            try {
                page = ssm.call(
                        account,
                        OPERATION,
                        c -> c.listInventoryEntries(r -> r.instanceId(managedInstanceId)
                                .typeName(APPLICATION)
                                .maxResults(PAGE)
                                .nextToken(next)));
            } catch (InvalidInstanceIdException e) {
                return Optional.empty();
            }
            if (captured == null) {
                captured = captureTime(page.captureTime());
            }
            page.entries().forEach(entry -> {
                String name = text(entry.get("Name"));
                if (name != null) {
                    applications.add(new Application(name, text(entry.get("Version")), text(entry.get("Publisher"))));
                }
            });
            token = page.nextToken();
        } while (token != null);
        return captured == null ? Optional.empty() : Optional.of(new ApplicationList(captured, applications));
    }

    private Optional<ListInventoryEntriesResponse> firstPage(
            SystemAccountRef account, String managedInstanceId, String type, int maxResults) {
        try {
            return Optional.of(ssm.call(
                    account,
                    OPERATION,
                    c -> c.listInventoryEntries(
                            r -> r.instanceId(managedInstanceId).typeName(type).maxResults(maxResults))));
        } catch (InvalidInstanceIdException e) {
            return Optional.empty();
        }
    }

    /** SSM's CaptureTime is a string, {@code 2026-12-07T20:00:00Z}; absent before the first capture. */
    private static @Nullable Instant captureTime(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("SSM answered a CaptureTime that is not ISO-8601: " + value, e);
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
