package io.crosspatch.patching.offboarding.application;

import io.crosspatch.patching.offboarding.domain.AccountOffboarding;
import io.crosspatch.servicekit.ownership.OwnedPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes the offboardings a failure or a crash interrupted, for the cloud accounts whose {@code account.ready}
 * partition this instance owns (the same instance that looks after the account otherwise). Offboardings are rare and
 * their table small, so one read of it per round is enough.
 */
@Component
public class OffboardingDriver {

    private static final Logger log = LoggerFactory.getLogger(OffboardingDriver.class);

    private final AccountOffboardings offboardings;
    private final AccountOffboarder offboarder;
    private final OwnedPartitions ownership;

    public OffboardingDriver(
            AccountOffboardings offboardings, AccountOffboarder offboarder, OwnedPartitions ownership) {
        this.offboardings = offboardings;
        this.offboarder = offboarder;
        this.ownership = ownership;
    }

    /** Every 30 s: the round after an AWS outage, not a hot loop while it lasts. */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    public void resume() {
        for (AccountOffboarding offboarding : offboardings.unfinished()) {
            if (!ownership.owns(offboarding.cloudAccountKey().toString())) {
                continue;
            }
            MDC.put("cloudAccountKey", offboarding.cloudAccountKey().toString());
            try {
                offboarder.advance(offboarding);
            } catch (RuntimeException e) {
                log.warn(
                        "offboarding of system account {} stopped after {}; resumed next round",
                        offboarding.account().accountId(),
                        offboarding.step(),
                        e);
            } finally {
                MDC.remove("cloudAccountKey");
            }
        }
    }
}
