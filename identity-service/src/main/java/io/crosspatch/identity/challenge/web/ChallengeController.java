package io.crosspatch.identity.challenge.web;

import io.crosspatch.identity.challenge.application.Challenges;
import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.role.IngressRole;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/challenges}: a fresh single-use nonce for an Azure VM to have IMDS sign into its attested
 * document. Anonymous (a VM has nothing else yet) and rate-limited per source like enrollments.
 */
@RestController
@IngressRole
class ChallengeController {

    private final Challenges challenges;
    private final Clock clock;

    public ChallengeController(Challenges challenges, Clock clock) {
        this.challenges = challenges;
        this.clock = clock;
    }

    @PostMapping("/v1/challenges")
    public ResponseEntity<ChallengeView> issue() {
        Challenge challenge = Challenge.issue(clock.instant());
        challenges.save(challenge);
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new ChallengeView(challenge.nonce(), challenge.expiresAt()));
    }

    /** The nonce and when it stops being accepted. */
    public record ChallengeView(String nonce, Instant expiresAt) {}
}
