package io.crosspatch.patching.activation.aws;

import io.crosspatch.patching.activation.application.ActivationIssuer;
import io.crosspatch.patching.activation.application.ActivationRejectedException;
import io.crosspatch.patching.activation.application.ActivationUnavailableException;
import io.crosspatch.patching.activation.domain.ActivationPolicy;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.IssuedCode;
import io.crosspatch.patching.systemaccount.application.BudgetedCalls;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * CreateActivation for one enrollment, in its system account, under the account's request budget. SSM's refusals
 * are translated here: throttling and server errors (what is left after the SDK's retries) may pass and are
 * {@link ActivationUnavailableException}, and so is an expired session (AWS's clock passed its expiry before the
 * SDK's did: skew, or the simulator's clock moved ahead), which the account's renewable session has already replaced
 * by the time the error arrives; any other service error would be refused again and is
 * {@link ActivationRejectedException}.
 */
@Component
class SsmActivations implements ActivationIssuer {

    private static final int MAX_NAME = 256;
    private static final String EXPIRED_SESSION = "ExpiredTokenException";

    private final BudgetedCalls<SsmClient> ssm;
    private final ActivationPolicy policy;
    private final Clock clock;

    public SsmActivations(BudgetedCalls<SsmClient> ssm, ActivationPolicy policy, Clock clock) {
        this.ssm = ssm;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public IssuedCode issue(Enrollment enrollment) {
        try {
            return create(enrollment);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500 || sessionExpired(e)) {
                throw new ActivationUnavailableException(
                        "SSM could not create the activation now: " + e.getMessage(), e);
            }
            throw new ActivationRejectedException(e.awsErrorDetails().errorCode(), e);
        }
    }

    private static boolean sessionExpired(AwsServiceException e) {
        return e.awsErrorDetails() != null
                && EXPIRED_SESSION.equals(e.awsErrorDetails().errorCode());
    }

    private IssuedCode create(Enrollment enrollment) {
        Instant expiresAt = clock.instant().plus(policy.validity()).truncatedTo(ChronoUnit.SECONDS);
        List<Tag> tags = policy.tags(enrollment).entrySet().stream()
                .map(tag ->
                        Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
        String name = enrollment.hostname().length() > MAX_NAME
                ? enrollment.hostname().substring(0, MAX_NAME)
                : enrollment.hostname();
        CreateActivationResponse response = ssm.call(
                enrollment.account(),
                "CreateActivation",
                c -> c.createActivation(r -> r.iamRole(enrollment.account().ssmServiceRoleName())
                        .defaultInstanceName(name)
                        .description("Crosspatch enrollment " + enrollment.enrollmentId())
                        .registrationLimit(policy.registrationLimit())
                        .expirationDate(expiresAt)
                        .tags(tags)));
        return new IssuedCode(response.activationId(), response.activationCode(), expiresAt);
    }
}
