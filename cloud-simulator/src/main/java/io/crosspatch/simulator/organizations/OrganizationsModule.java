package io.crosspatch.simulator.organizations;

import io.crosspatch.simulator.SimulatorContext;
import io.crosspatch.simulator.SimulatorModule;
import io.crosspatch.simulator.client.SimulatorPaths;

/**
 * AWS Organizations as account vending uses it: one organization whose management account creates member
 * accounts asynchronously on the simulated clock. See {@link Organization} for what happens to a CreateAccount
 * request, {@link OrganizationsApi} for the operations and {@link OrganizationsControlRoute} for the test-only
 * endpoints.
 */
public final class OrganizationsModule implements SimulatorModule {

    @Override
    public void install(SimulatorContext context) {
        Organization organization = new Organization(context.config(), context.clock(), context.iam());
        new OrganizationsApi(organization, context.config().managementAccountId()).register(context.operations());
        context.server().route(SimulatorPaths.ORGANIZATIONS, new OrganizationsControlRoute(organization));
        context.clock().onTick(organization::completeDue);
    }
}
