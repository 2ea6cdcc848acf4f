package io.crosspatch.simulator.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.aws.JsonOperation;
import io.crosspatch.simulator.http.Http;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Organizations API over AWS JSON 1.1 (target prefix {@code AWSOrganizationsV20161128}): the operations
 * account vending uses, their parameters checked against the service model's lengths and patterns, their answers
 * in the SDK's member names (timestamps as epoch seconds). Only the management account may call them; any other
 * account gets {@code AccessDeniedException}, as a member account without delegated administration does.
 */
final class OrganizationsApi {

    static final String SERVICE = "organizations";
    static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[\\u0020-\\u007E]+");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern BILLING_ACCESS = Pattern.compile("ALLOW|DENY");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern CREATE_ACCOUNT_REQUEST_ID = Pattern.compile("car-[a-z0-9]{8,32}");
    private static final Pattern TAGGABLE_RESOURCE_ID =
            Pattern.compile("r-[0-9a-z]{4,32}|\\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}"
                    + "|p-[0-9a-zA-Z_]{8,128}|rp-[0-9a-zA-Z_]{4,128}|rt-[0-9a-zA-Z_]{8,32}");
    private static final Pattern ANY_TEXT = Pattern.compile("[\\s\\S]*");
    private static final Set<String> CREATION_STATES =
            Arrays.stream(AccountCreation.State.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Organization organization;
    private final String managementAccountId;

    OrganizationsApi(Organization organization, String managementAccountId) {
        this.organization = organization;
        this.managementAccountId = managementAccountId;
    }

    void register(AwsOperations operations) {
        operations.jsonService(SERVICE, "AWSOrganizationsV20161128");
        managementOnly(operations, "CreateAccount", this::createAccount);
        managementOnly(operations, "DescribeCreateAccountStatus", this::describeCreateAccountStatus);
        managementOnly(operations, "ListCreateAccountStatus", this::listCreateAccountStatus);
        managementOnly(operations, "DescribeAccount", this::describeAccount);
        managementOnly(operations, "ListAccounts", this::listAccounts);
        managementOnly(operations, "CloseAccount", this::closeAccount);
        managementOnly(operations, "TagResource", this::tagResource);
        managementOnly(operations, "UntagResource", this::untagResource);
        managementOnly(operations, "ListTagsForResource", this::listTagsForResource);
    }

    private void managementOnly(AwsOperations operations, String name, JsonOperation handler) {
        operations.json(SERVICE, name, call -> {
            if (!call.accountId().equals(managementAccountId)) {
                throw OrganizationsErrors.accessDenied();
            }
            return handler.handle(call);
        });
    }

    private JsonNode createAccount(AwsCall call) {
        RequestInput input = new RequestInput(call.json());
        String email = input.required("Email", 6, 64, EMAIL, "INVALID_EMAIL_ADDRESS_TARGET");
        String name = input.required("AccountName", 1, 50, ACCOUNT_NAME, "INVALID_PATTERN");
        String roleName = input.optional("RoleName", 0, 64, ROLE_NAME, "INVALID_PATTERN");
        if (roleName != null && roleName.startsWith("AWSServiceRoleFor")) {
            throw OrganizationsErrors.invalidInput(
                    "INVALID_ROLE_NAME",
                    "You provided a role name that isn't valid: it can't begin with the reserved prefix AWSServiceRoleFor.");
        }
        input.optional("IamUserAccessToBilling", 0, Integer.MAX_VALUE, BILLING_ACCESS, "INVALID_ENUM");
        Map<String, String> tags = input.tags("Tags", false);
        AccountCreation creation = organization.createAccount(
                new NewAccount(email, name, roleName == null ? DEFAULT_ROLE_NAME : roleName, tags));
        return object().set("CreateAccountStatus", status(creation));
    }

    private JsonNode describeCreateAccountStatus(AwsCall call) {
        String id = new RequestInput(call.json())
                .required("CreateAccountRequestId", 0, 36, CREATE_ACCOUNT_REQUEST_ID, "INVALID_PATTERN");
        AccountCreation creation =
                organization.creation(id).orElseThrow(OrganizationsErrors::createAccountStatusNotFound);
        return object().set("CreateAccountStatus", status(creation));
    }

    private JsonNode listCreateAccountStatus(AwsCall call) {
        RequestInput input = new RequestInput(call.json());
        Set<String> states = Set.copyOf(input.enumList("States", CREATION_STATES));
        Page<AccountCreation> page = Page.of(
                organization.creations(),
                creation -> states.isEmpty() || states.contains(creation.state().name()),
                input.optional("NextToken", 0, 100_000, ANY_TEXT, "INVALID_NEXT_TOKEN"),
                input.maxResults());
        ObjectNode answer = object();
        ArrayNode statuses = answer.putArray("CreateAccountStatuses");
        page.items().forEach(creation -> statuses.add(status(creation)));
        return withNextToken(answer, page);
    }

    private JsonNode describeAccount(AwsCall call) {
        String id = new RequestInput(call.json()).required("AccountId", 0, 12, ACCOUNT_ID, "INVALID_PATTERN");
        MemberAccount account = organization.account(id).orElseThrow(OrganizationsErrors::accountNotFound);
        return object().set("Account", account(account));
    }

    private JsonNode closeAccount(AwsCall call) {
        String id = new RequestInput(call.json()).required("AccountId", 0, 12, ACCOUNT_ID, "INVALID_PATTERN");
        organization.closeAccount(id);
        return object();
    }

    private JsonNode listAccounts(AwsCall call) {
        RequestInput input = new RequestInput(call.json());
        Page<MemberAccount> page = Page.of(
                organization.accounts(),
                account -> true,
                input.optional("NextToken", 0, 100_000, ANY_TEXT, "INVALID_NEXT_TOKEN"),
                input.maxResults());
        ObjectNode answer = object();
        ArrayNode accounts = answer.putArray("Accounts");
        page.items().forEach(account -> accounts.add(account(account)));
        return withNextToken(answer, page);
    }

    private JsonNode tagResource(AwsCall call) {
        RequestInput input = new RequestInput(call.json());
        String resourceId = resourceId(input);
        organization.tag(resourceId, input.tags("Tags", true));
        return object();
    }

    private JsonNode untagResource(AwsCall call) {
        RequestInput input = new RequestInput(call.json());
        String resourceId = resourceId(input);
        List<String> keys = input.tagKeys("TagKeys");
        organization.untag(resourceId, keys);
        return object();
    }

    private JsonNode listTagsForResource(AwsCall call) {
        String resourceId = resourceId(new RequestInput(call.json()));
        MemberAccount account = organization.account(resourceId).orElseThrow(OrganizationsErrors::targetNotFound);
        ObjectNode answer = object();
        ArrayNode tags = answer.putArray("Tags");
        account.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return answer;
    }

    /** Only accounts are simulated; the ids of roots, OUs and policies are valid input but never found. */
    private static String resourceId(RequestInput input) {
        return input.required("ResourceId", 0, 130, TAGGABLE_RESOURCE_ID, "INVALID_PATTERN");
    }

    private static ObjectNode status(AccountCreation creation) {
        ObjectNode status = object().put("Id", creation.id())
                .put("AccountName", creation.request().name())
                .put("State", creation.state().name())
                .put("RequestedTimestamp", epochSeconds(creation.requestedAt()));
        if (creation.completedAt() != null) {
            status.put("CompletedTimestamp", epochSeconds(creation.completedAt()));
        }
        if (creation.accountId() != null) {
            status.put("AccountId", creation.accountId());
        }
        if (creation.failureReason() != null) {
            status.put("FailureReason", creation.failureReason());
        }
        return status;
    }

    private static ObjectNode account(MemberAccount account) {
        return object().put("Id", account.id())
                .put("Arn", account.arn())
                .put("Email", account.email())
                .put("Name", account.name())
                .put("Status", account.status())
                .put("State", account.status())
                .put("JoinedMethod", account.joinedMethod())
                .put("JoinedTimestamp", epochSeconds(account.joinedAt()));
    }

    private static ObjectNode withNextToken(ObjectNode answer, Page<?> page) {
        if (page.nextToken() != null) {
            answer.put("NextToken", page.nextToken());
        }
        return answer;
    }

    /** JSON 1.1 timestamps: seconds since the epoch, with milliseconds. */
    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static ObjectNode object() {
        return Http.JSON.createObjectNode();
    }
}
