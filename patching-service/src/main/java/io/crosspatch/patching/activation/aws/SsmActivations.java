package io.crosspatch.patching.activation.aws;

import io.crosspatch.patching.activation.domain.ActivationPolicy;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.IssuedCode;
import io.crosspatch.patching.systemaccount.aws.BudgetedSsm;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/** CreateActivation for one enrollment, in its system account, under the account's request budget. */
@Component
public class SsmActivations {

    private static final int MAX_NAME = 256;

    private final BudgetedSsm ssm;
    private final ActivationPolicy policy;
    private final Clock clock;

    public SsmActivations(BudgetedSsm ssm, ActivationPolicy policy, Clock clock) {
        this.ssm = ssm;
        this.policy = policy;
        this.clock = clock;
    }

    public IssuedCode create(Enrollment enrollment) {
        Instant expiresAt = clock.instant().plus(policy.validity()).truncatedTo(ChronoUnit.SECONDS);
        List<Tag> tags = policy.tags(enrollment).entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList();
        String name = enrollment.hostname().length() > MAX_NAME ? enrollment.hostname().substring(0, MAX_NAME) : enrollment.hostname();
        CreateActivationResponse response = ssm.call(enrollment.account(), "CreateActivation", c -> c.createActivation(r -> r
                .iamRole(enrollment.account().ssmServiceRoleName()).defaultInstanceName(name)
                .description("Crosspatch enrollment " + enrollment.enrollmentId())
                .registrationLimit(policy.registrationLimit()).expirationDate(expiresAt).tags(tags)));
        return new IssuedCode(response.activationId(), response.activationCode(), expiresAt);
    }
}
