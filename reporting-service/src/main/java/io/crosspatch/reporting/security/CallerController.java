package io.crosspatch.reporting.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/me}: what the token grants, so the dashboard knows which tenant to show. */
@RestController
class CallerController {

    @GetMapping("/v1/me")
    public Caller me(@AuthenticationPrincipal Jwt jwt) {
        return Caller.of(jwt);
    }
}
