package io.crosspatch.account.vending.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link OrganizationsGateway} whose answers the test sets beforehand: each call answers what was scripted, or
 * throws the scripted fault. It records the calls made, so a test can say which AWS calls a step made.
 */
final class ScriptedOrganizations implements OrganizationsGateway {

    static final String SSM_ROLE = "CrosspatchSsmServiceRole";

    private final List<String> calls = new ArrayList<>();
    private Consumer<String> onCreateAccount = email -> {};
    private String nextRequestId = "car-0000000001";
    private AwsCallException createFault;
    private CreationStatus status;
    private AwsCallException describeFault;
    private CreationStatus creationByName;
    private ExistingAccount accountByEmail;
    private AwsCallException lookupFault;
    private AwsCallException makeUsableFault;

    /** The next CreateAccount is accepted with this request id. */
    ScriptedOrganizations acceptsCreation(String requestId) {
        this.nextRequestId = requestId;
        this.createFault = null;
        return this;
    }

    ScriptedOrganizations refusesCreation(AwsCallException fault) {
        this.createFault = fault;
        return this;
    }

    /** Runs when CreateAccount is called, before it answers (to look at what was stored before sending). */
    ScriptedOrganizations onCreateAccount(Consumer<String> hook) {
        this.onCreateAccount = hook;
        return this;
    }

    ScriptedOrganizations reportsCreation(String state, String accountId, String failureReason) {
        this.status = new CreationStatus(nextRequestId, state, accountId, failureReason);
        this.describeFault = null;
        return this;
    }

    ScriptedOrganizations failsToDescribe(AwsCallException fault) {
        this.describeFault = fault;
        return this;
    }

    ScriptedOrganizations hasCreationNamed(String requestId) {
        this.creationByName = new CreationStatus(requestId, "IN_PROGRESS", null, null);
        return this;
    }

    ScriptedOrganizations hasAccountWithEmail(String accountId, String email, Map<String, String> tags) {
        this.accountByEmail = new ExistingAccount(accountId, email, tags);
        return this;
    }

    ScriptedOrganizations failsToLookUp(AwsCallException fault) {
        this.lookupFault = fault;
        return this;
    }

    ScriptedOrganizations refusesToMakeUsable(AwsCallException fault) {
        this.makeUsableFault = fault;
        return this;
    }

    ScriptedOrganizations makesUsable() {
        this.makeUsableFault = null;
        return this;
    }

    /** The calls made, in order, by operation name. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    long callsOf(String operation) {
        return calls().stream().filter(operation::equals).count();
    }

    @Override
    public synchronized String createAccount(String email, String accountName, Map<String, String> tags) {
        calls.add("CreateAccount");
        onCreateAccount.accept(email);
        if (createFault != null) {
            throw createFault;
        }
        return nextRequestId;
    }

    @Override
    public synchronized CreationStatus describeCreation(String requestId) {
        calls.add("DescribeCreateAccountStatus");
        if (describeFault != null) {
            throw describeFault;
        }
        return status;
    }

    @Override
    public synchronized Optional<CreationStatus> findCreation(String accountName) {
        calls.add("ListCreateAccountStatus");
        if (lookupFault != null) {
            throw lookupFault;
        }
        return Optional.ofNullable(creationByName);
    }

    @Override
    public synchronized Optional<ExistingAccount> findAccount(String email) {
        calls.add("ListAccounts");
        if (lookupFault != null) {
            throw lookupFault;
        }
        return Optional.ofNullable(accountByEmail)
                .filter(account -> account.email().equalsIgnoreCase(email));
    }

    @Override
    public synchronized String makeUsable(String accountId) {
        calls.add("MakeUsable");
        if (makeUsableFault != null) {
            throw makeUsableFault;
        }
        return "arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole";
    }

    @Override
    public void closeAccount(String accountId) {
        calls.add("CloseAccount " + accountId);
    }

    @Override
    public String ssmServiceRoleName() {
        return SSM_ROLE;
    }

    static AwsCallException throttled() {
        return new AwsCallException("TooManyRequestsException", null, 400, "Rate exceeded", null);
    }

    static AwsCallException noAnswer() {
        return new AwsCallException(null, null, 0, "read timed out", null);
    }

    static AwsCallException serverError() {
        return new AwsCallException("ServiceException", null, 500, "internal error", null);
    }

    static AwsCallException constraintViolation(String reason) {
        return new AwsCallException(
                "ConstraintViolationException", reason, 400, "constraint violated: " + reason, null);
    }

    static AwsCallException accessDenied() {
        return new AwsCallException("AccessDenied", null, 403, "not authorized to assume the role", null);
    }

    static AwsCallException malformedPolicy() {
        return new AwsCallException("MalformedPolicyDocument", null, 400, "bad policy", null);
    }
}
