package io.crosspatch.simulator.organizations;

import java.util.Map;

/**
 * What a CreateAccount request asks for, once its parameters passed the API's validation.
 *
 * @param email     the new account's root e-mail address, unique in the organization
 * @param name      the account name
 * @param roleName  the role Organizations creates in the new account for the management account to assume
 * @param tags      the tags the new account gets, in request order
 */
record NewAccount(String email, String name, String roleName, Map<String, String> tags) {}
