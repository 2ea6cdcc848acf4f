package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * GetServiceSetting, UpdateServiceSetting and ResetServiceSetting for the one setting Crosspatch uses,
 * {@code /ssm/managed-instance/activation-tier} ({@code standard} or {@code advanced}), per account and region,
 * named by its path or its ARN {@code arn:aws:ssm:<region>:<account>:servicesetting/ssm/managed-instance/activation-tier}.
 * Other setting ids, and ARNs of another account or region, are {@code ServiceSettingNotFound}; a value other than the
 * two tiers is a {@code ValidationException}; going back to standard while the account holds more nodes than the
 * standard quota is refused (AWS: deregister nodes first); a second change within a second is
 * {@code TooManyUpdates}. Setting the value it already has is no change and always passes.
 */
final class ServiceSettings {

    static final String ACTIVATION_TIER = "/ssm/managed-instance/activation-tier";
    private static final Duration MIN_CHANGE_INTERVAL = Duration.ofSeconds(1);

    private final SsmState state;
    private final Clock clock;

    ServiceSettings(SsmState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "GetServiceSetting", this::get);
        operations.json("ssm", "UpdateServiceSetting", this::update);
        operations.json("ssm", "ResetServiceSetting", this::reset);
    }

    static String arn(SsmRegionState region) {
        return "arn:aws:ssm:" + region.region() + ":" + region.accountId() + ":servicesetting" + ACTIVATION_TIER;
    }

    private JsonNode get(AwsCall call) {
        SsmRegionState region = regionOf(call, SsmRequest.of(call));
        return answer(region, region.tierSetting());
    }

    private JsonNode update(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        SsmRegionState region = regionOf(call, request);
        String value = request.required("SettingValue", 1, 4096, null);
        ActivationTier tier = ActivationTier.fromWire(value)
                .orElseThrow(() -> SsmErrors.validation("The value " + value + " isn't valid for " + ACTIVATION_TIER
                        + ". Valid values: standard, advanced."));
        change(region, tier, true, call.caller().arn());
        return SsmJson.object();
    }

    private JsonNode reset(AwsCall call) {
        SsmRegionState region = regionOf(call, SsmRequest.of(call));
        TierSetting setting =
                change(region, ActivationTier.STANDARD, false, call.caller().arn());
        return answer(region, setting);
    }

    private TierSetting change(SsmRegionState region, ActivationTier tier, boolean customized, String user) {
        Instant now = clock.instant();
        synchronized (region) {
            TierSetting current = region.tierSetting();
            if (current.tier() == tier) {
                return current;
            }
            if (tier == ActivationTier.STANDARD && region.nodes().size() > state.standardTierNodeQuota()) {
                throw SsmErrors.validation("Can't change to the standard-instances tier while the account has "
                        + region.nodes().size() + " hybrid-activated nodes in " + region.region()
                        + "; deregister nodes until " + state.standardTierNodeQuota() + " or fewer remain.");
            }
            if (current.lastModifiedDate() != null
                    && current.lastModifiedDate().plus(MIN_CHANGE_INTERVAL).isAfter(now)) {
                throw SsmErrors.of(
                        "TooManyUpdates",
                        "There are concurrent updates for a resource that supports one update at a time.");
            }
            TierSetting changed = new TierSetting(tier, customized, now, user);
            region.tierSetting(changed);
            return changed;
        }
    }

    private SsmRegionState regionOf(AwsCall call, SsmRequest request) {
        String settingId = request.required("SettingId", 1, 1000, null);
        SsmRegionState region = state.region(call.accountId(), call.region());
        if (!settingId.equals(ACTIVATION_TIER) && !settingId.equals(arn(region))) {
            throw SsmErrors.of("ServiceSettingNotFound", "The specified service setting wasn't found: " + settingId);
        }
        return region;
    }

    private static JsonNode answer(SsmRegionState region, TierSetting setting) {
        ObjectNode json = SsmJson.object();
        SsmJson.put(json, "SettingId", ACTIVATION_TIER);
        SsmJson.put(json, "SettingValue", setting.tier().wireName());
        SsmJson.put(json, "LastModifiedDate", setting.lastModifiedDate());
        SsmJson.put(json, "LastModifiedUser", setting.lastModifiedUser());
        SsmJson.put(json, "ARN", arn(region));
        SsmJson.put(json, "Status", setting.customized() ? "Customized" : "Default");
        ObjectNode answer = SsmJson.object();
        answer.set("ServiceSetting", json);
        return answer;
    }
}
