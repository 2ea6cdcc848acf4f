package io.crosspatch.patching.systemaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.events.SystemAccount;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.aws.SsmSessions;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * A session AWS considers expired while the SDK, by its own clock, does not: the first call fails with
 * ExpiredTokenException and the next assumes the role again — instead of every call failing until the SDK's
 * refresh time (which, after the simulator's clock jumps a month, would be never).
 */
class SessionRenewalTest extends PatchingIntegrationTest {

    @Autowired
    private SsmSessions sessions;

    @Test
    void assumesTheRoleAgainOnceAwsSaysTheSessionExpired() {
        // given a working session in a system account
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        SystemAccountRef ref = new SystemAccountRef(
                account.getAccountId(), account.getRegion(), account.getRoleArn(), account.getSsmServiceRoleName());
        assertThat(sessions.ssm(ref).describeInstanceInformation().instanceInformationList())
                .isEmpty();

        // when AWS's clock passes the session's expiry (the test sessions last 12 h)
        SIMULATOR.clock().advance(Duration.ofHours(13));

        // then one call is refused as expired, and the next works with a new session
        assertThatThrownBy(() -> sessions.ssm(ref).describeInstanceInformation())
                .isInstanceOfSatisfying(
                        SsmException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
        assertThat(sessions.ssm(ref).describeInstanceInformation().instanceInformationList())
                .isEmpty();
    }
}
