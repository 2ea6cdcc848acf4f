package io.crosspatch.reporting.security;

import io.crosspatch.servicekit.testing.BearerTokenStartupContract;

/** The reporting API does not start with an incomplete token check: issuer, audience and a key source are all required. */
class JwtDecoderConfigurationTest extends BearerTokenStartupContract {

    JwtDecoderConfigurationTest() {
        super(JwtDecoderConfiguration.class, "crosspatch.reporting.auth", "crosspatch-reporting");
    }
}
