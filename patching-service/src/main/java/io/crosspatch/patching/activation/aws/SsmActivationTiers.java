package io.crosspatch.patching.activation.aws;

import io.crosspatch.patching.activation.application.ActivationRejectedException;
import io.crosspatch.patching.activation.application.ActivationTiers;
import io.crosspatch.patching.activation.application.ActivationUnavailableException;
import io.crosspatch.patching.systemaccount.application.BudgetedCalls;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The activation tier through GetServiceSetting and UpdateServiceSetting on
 * {@code /ssm/managed-instance/activation-tier}, in the system account under its request budget. Throttling, server
 * errors, {@code TooManyUpdates} (another instance switching the same account) and an expired session may pass and
 * are {@link ActivationUnavailableException}; anything else (a missing permission, a validation error) is
 * {@link ActivationRejectedException}.
 */
@Component
class SsmActivationTiers implements ActivationTiers {

    static final String SETTING_ID = "/ssm/managed-instance/activation-tier";
    static final String ADVANCED = "advanced";
    private static final String TOO_MANY_UPDATES = "TooManyUpdates";
    private static final String EXPIRED_SESSION = "ExpiredTokenException";

    private final BudgetedCalls<SsmClient> ssm;

    public SsmActivationTiers(BudgetedCalls<SsmClient> ssm) {
        this.ssm = ssm;
    }

    @Override
    public boolean advanced(SystemAccountRef account) {
        return translated(() -> ADVANCED.equals(
                ssm.call(account, "GetServiceSetting", c -> c.getServiceSetting(r -> r.settingId(SETTING_ID)))
                        .serviceSetting()
                        .settingValue()));
    }

    @Override
    public void switchToAdvanced(SystemAccountRef account) {
        translated(() -> ssm.call(
                account,
                "UpdateServiceSetting",
                c -> c.updateServiceSetting(r -> r.settingId(SETTING_ID).settingValue(ADVANCED))));
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (e.isThrottlingException()
                    || e.statusCode() >= 500
                    || TOO_MANY_UPDATES.equals(code)
                    || EXPIRED_SESSION.equals(code)) {
                throw new ActivationUnavailableException(
                        "SSM could not read or change the activation tier now: " + e.getMessage(), e);
            }
            throw new ActivationRejectedException(code, e);
        }
    }
}
