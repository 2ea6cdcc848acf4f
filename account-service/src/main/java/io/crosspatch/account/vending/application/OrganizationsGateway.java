package io.crosspatch.account.vending.application;

import java.util.Map;
import java.util.Optional;

/**
 * What account vending asks of AWS with the management account's credentials. Every method throws
 * {@link AwsCallException} when AWS did not answer with success.
 */
public interface OrganizationsGateway {

    /** Sends CreateAccount; answers the request id. */
    String createAccount(String email, String accountName, Map<String, String> tags);

    CreationStatus describeCreation(String requestId);

    /** The newest creation request with this account name that is in progress or succeeded, if any. */
    Optional<CreationStatus> findCreation(String accountName);

    /** The organization's account with this e-mail address (case-insensitive), with its tags, if any. */
    Optional<ExistingAccount> findAccount(String email);

    /**
     * Makes a new account usable: assumes its access role and creates the SSM service role (idempotent).
     *
     * @return the ARN of the role patching-service assumes in the account
     */
    String makeUsable(String accountId);

    /**
     * Sends CloseAccount for a member account: Organizations closes it in the background (PENDING_CLOSURE, then
     * SUSPENDED), within its closing quotas.
     */
    void closeAccount(String accountId);

    /** The name of the SSM service role {@link #makeUsable} creates. */
    String ssmServiceRoleName();

    /** The state of a CreateAccount request. */
    record CreationStatus(String requestId, String state, String accountId, String failureReason) {

        public boolean inProgress() {
            return "IN_PROGRESS".equals(state);
        }

        public boolean succeeded() {
            return "SUCCEEDED".equals(state);
        }
    }

    /** An account of the organization. */
    record ExistingAccount(String accountId, String email, Map<String, String> tags) {}
}
