package io.crosspatch.identity.security;

import io.crosspatch.servicekit.testing.BearerTokenStartupContract;

/** The admin API does not start with an incomplete token check: issuer, audience and a key source are all required. */
class AdminJwtDecoderConfigurationTest extends BearerTokenStartupContract {

    AdminJwtDecoderConfigurationTest() {
        super(AdminJwtDecoderConfiguration.class, "crosspatch.identity.admin.auth", "crosspatch-identity");
    }
}
