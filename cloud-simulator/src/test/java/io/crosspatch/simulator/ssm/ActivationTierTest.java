package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.register;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.SharedSimulator;
import io.crosspatch.simulator.client.SimulatorControl;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.ssm.SsmFixtures.SimResponse;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ServiceSetting;
import software.amazon.awssdk.services.ssm.model.ServiceSettingNotFoundException;
import software.amazon.awssdk.services.ssm.model.TooManyUpdatesException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/**
 * The standard-instances tier's quota of hybrid nodes and the activation-tier service setting
 * (GetServiceSetting, UpdateServiceSetting, ResetServiceSetting) through the real SDK, with the quota lowered to a
 * handful of nodes through {@code /_sim/ssm-tiers}.
 */
class ActivationTierTest {

    private static final String TIER = "/ssm/managed-instance/activation-tier";
    private final SimulatorControl control = new SimulatorControl(SharedSimulator.endpoint());

    @AfterEach
    void restoreQuota() {
        control.standardTierNodeQuota(SsmRegionState.HYBRID_NODE_QUOTA);
    }

    @Test
    void standardTierRefusesTheNodeBeyondTheQuotaAndAdvancedTierAcceptsIt() {
        control.standardTierNodeQuota(2);
        try (SsmClient ssm = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            // given an account at the standard tier's quota
            registerUbuntu(activation(ssm, 1));
            registerUbuntu(activation(ssm, 1));

            // when one more registers
            SimResponse refused = register(activation(ssm, 1), SsmFixtures.unique("extra"), "Ubuntu", "22.04");

            // then SSM refuses it, until the account switches to the advanced tier
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("error").asText()).isEqualTo("ManagedNodeLimitExceeded");
            ssm.updateServiceSetting(r -> r.settingId(TIER).settingValue("advanced"));
            registerUbuntu(activation(ssm, 1));
            assertThat(StreamSupport.stream(control.ssmTiers().get("accounts").spliterator(), false)
                            .filter(account -> account.get("nodes").asInt() == 3)
                            .map(account -> account.get("tier").asText()))
                    .containsExactly("advanced");
        }
    }

    @Test
    void anAccountStartsInTheStandardTierAndAnUpdateIsRecordedWithItsAuthor() {
        try (SsmClient ssm = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            // given
            ServiceSetting initial =
                    ssm.getServiceSetting(r -> r.settingId(TIER)).serviceSetting();
            assertThat(initial.settingValue()).isEqualTo("standard");
            assertThat(initial.status()).isEqualTo("Default");
            assertThat(initial.arn()).matches("arn:aws:ssm:" + SsmFixtures.REGION + ":[0-9]{12}:servicesetting" + TIER);

            // when it is changed, by its ARN
            ssm.updateServiceSetting(r -> r.settingId(initial.arn()).settingValue("advanced"));

            // then
            ServiceSetting changed =
                    ssm.getServiceSetting(r -> r.settingId(TIER)).serviceSetting();
            assertThat(changed.settingValue()).isEqualTo("advanced");
            assertThat(changed.status()).isEqualTo("Customized");
            assertThat(changed.lastModifiedUser()).contains(":assumed-role/OrganizationAccountAccessRole/");
            assertThat(changed.lastModifiedDate()).isNotNull();
            // setting the value it has is no change, and no second update
            ssm.updateServiceSetting(r -> r.settingId(TIER).settingValue("advanced"));
        }
    }

    @Test
    void refusesUnknownSettingsForeignArnsInvalidValuesAndHastyChanges() {
        try (SsmClient ssm = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            assertThatThrownBy(() -> ssm.getServiceSetting(r -> r.settingId("/ssm/no/such-setting")))
                    .isInstanceOf(ServiceSettingNotFoundException.class);
            assertThatThrownBy(() -> ssm.updateServiceSetting(r -> r.settingId(
                                    "arn:aws:ssm:" + SsmFixtures.REGION + ":000000000000:servicesetting" + TIER)
                            .settingValue("advanced")))
                    .isInstanceOf(ServiceSettingNotFoundException.class);
            assertThatThrownBy(() ->
                            ssm.updateServiceSetting(r -> r.settingId(TIER).settingValue("premium")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("standard, advanced");

            ssm.updateServiceSetting(r -> r.settingId(TIER).settingValue("advanced"));
            assertThatThrownBy(() ->
                            ssm.updateServiceSetting(r -> r.settingId(TIER).settingValue("standard")))
                    .isInstanceOf(TooManyUpdatesException.class);
        }
    }

    @Test
    void cannotGoBackToStandardWhileHoldingMoreNodesThanItsQuota() {
        control.standardTierNodeQuota(1);
        try (SsmClient ssm = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            // given an advanced account with two nodes
            ssm.updateServiceSetting(r -> r.settingId(TIER).settingValue("advanced"));
            String first = registerUbuntu(activation(ssm, 1));
            registerUbuntu(activation(ssm, 1));
            control.advanceClock(Duration.ofSeconds(2));

            // when / then: reset is refused until a node is deregistered
            assertThatThrownBy(() -> ssm.resetServiceSetting(r -> r.settingId(TIER)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("deregister");
            ssm.deregisterManagedInstance(r -> r.instanceId(first));
            ServiceSetting reset =
                    ssm.resetServiceSetting(r -> r.settingId(TIER)).serviceSetting();
            assertThat(reset.settingValue()).isEqualTo("standard");
            assertThat(reset.status()).isEqualTo("Default");
        }
    }

    @Test
    void theQuotaIsSetOnlyToAPositiveInteger() {
        SimResponse refused = SsmFixtures.post(SimulatorPaths.SSM_TIERS, "{\"standardTierNodeQuota\": 0}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asText()).isEqualTo("INVALID_QUOTA");
        JsonNode tiers = control.standardTierNodeQuota(7);
        assertThat(tiers.get("standardTierNodeQuota").asInt()).isEqualTo(7);
    }
}
