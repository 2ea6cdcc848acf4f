package io.crosspatch.account.security;

import io.crosspatch.servicekit.testing.BearerTokenStartupContract;

/** The operator API does not start with an incomplete token check: issuer, audience and a key source are all required. */
class OperatorJwtDecoderConfigurationTest extends BearerTokenStartupContract {

    OperatorJwtDecoderConfigurationTest() {
        super(OperatorJwtDecoderConfiguration.class, "crosspatch.operator.auth", "crosspatch-account");
    }
}
