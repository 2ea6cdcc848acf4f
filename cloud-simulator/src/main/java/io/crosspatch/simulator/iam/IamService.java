package io.crosspatch.simulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsException;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.aws.Xml;
import io.crosspatch.simulator.http.Http;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * IAM roles per account: what account vending needs (the SSM service role, its managed policy) and what STS
 * checks before it lets anyone assume a role. Errors are IAM's: {@code EntityAlreadyExists} is HTTP 409,
 * {@code NoSuchEntity} 404, bad input {@code ValidationError} 400.
 */
public final class IamService {

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws:iam::(aws|\\d{12}):policy/[\\w+=,.@/-]{1,128}");

    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final Clock clock;

    public IamService(Clock clock) {
        this.clock = clock;
    }

    public void register(AwsOperations operations) {
        operations.queryService("iam", "https://iam.amazonaws.com/doc/2010-05-08/");
        operations.query("iam", "CreateRole", this::createRole);
        operations.query("iam", "GetRole", this::getRole);
        operations.query("iam", "AttachRolePolicy", this::attachRolePolicy);
        operations.query("iam", "ListAttachedRolePolicies", this::listAttachedRolePolicies);
    }

    /** For AWS itself (Organizations creating OrganizationAccountAccessRole): no API call, no throttling. */
    public Role createRoleInternally(
            String accountId, String name, String trustPolicy, Instant assumableAfter, String policyArn) {
        Role role = Role.create(
                accountId, name, "/", roleId(), trustPolicy, null, clock.instant(), assumableAfter, Map.of());
        role.attachedPolicyArns().add(policyArn);
        roles.put(key(accountId, name), role);
        return role;
    }

    public Optional<Role> find(String accountId, String name) {
        return Optional.ofNullable(roles.get(key(accountId, name)));
    }

    private String createRole(AwsCall call) {
        String name = required(call, "RoleName");
        if (!ROLE_NAME.matcher(name).matches()) {
            throw validation(
                    "1 validation error detected: Value '" + name + "' at 'roleName' failed to satisfy constraint");
        }
        String trust = required(call, "AssumeRolePolicyDocument");
        try {
            JsonNode policy = Http.JSON.readTree(trust);
            if (!policy.has("Statement")) {
                throw new AwsException("MalformedPolicyDocument", 400, "Policy document must contain Statement");
            }
        } catch (IOException e) {
            throw new AwsException("MalformedPolicyDocument", 400, "This policy contains invalid Json");
        }
        String path = call.query().getOrDefault("Path", "/");
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; call.query().containsKey("Tags.member." + i + ".Key"); i++) {
            tags.put(
                    call.query().get("Tags.member." + i + ".Key"),
                    call.query().getOrDefault("Tags.member." + i + ".Value", ""));
        }
        Role role = Role.create(
                call.accountId(),
                name,
                path,
                roleId(),
                trust,
                call.query().get("Description"),
                clock.instant(),
                clock.instant(),
                tags);
        if (roles.putIfAbsent(key(call.accountId(), name), role) != null) {
            throw new AwsException("EntityAlreadyExists", 409, "Role with name " + name + " already exists.");
        }
        return roleXml(role);
    }

    private String getRole(AwsCall call) {
        return roleXml(existing(call.accountId(), required(call, "RoleName")));
    }

    private String attachRolePolicy(AwsCall call) {
        Role role = existing(call.accountId(), required(call, "RoleName"));
        String policyArn = required(call, "PolicyArn");
        if (!POLICY_ARN.matcher(policyArn).matches()) {
            throw new AwsException("InvalidInput", 400, "ARN " + policyArn + " is not valid.");
        }
        role.attachedPolicyArns().add(policyArn);
        return "";
    }

    private String listAttachedRolePolicies(AwsCall call) {
        Role role = existing(call.accountId(), required(call, "RoleName"));
        Xml xml = Xml.create().open("AttachedPolicies");
        for (String arn : role.policies()) {
            xml.open("member")
                    .element("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                    .element("PolicyArn", arn)
                    .close("member");
        }
        return xml.close("AttachedPolicies").element("IsTruncated", "false").toString();
    }

    private Role existing(String accountId, String name) {
        return find(accountId, name)
                .orElseThrow(() ->
                        new AwsException("NoSuchEntity", 404, "The role with name " + name + " cannot be found."));
    }

    private static String roleXml(Role role) {
        Xml xml = Xml.create()
                .open("Role")
                .element("Path", role.path())
                .element("RoleName", role.name())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", DateTimeFormatter.ISO_INSTANT.format(role.createdAt()))
                .element(
                        "AssumeRolePolicyDocument",
                        java.net.URLEncoder.encode(role.trustPolicy(), java.nio.charset.StandardCharsets.UTF_8))
                .element("Description", role.description());
        if (!role.tags().isEmpty()) {
            xml.open("Tags");
            role.tags()
                    .forEach((k, v) -> xml.open("member")
                            .element("Key", k)
                            .element("Value", v)
                            .close("member"));
            xml.close("Tags");
        }
        return xml.close("Role").toString();
    }

    private static String required(AwsCall call, String name) {
        String value = call.query().get(name);
        if (value == null || value.isEmpty()) {
            throw validation("1 validation error detected: Value null at '" + Character.toLowerCase(name.charAt(0))
                    + name.substring(1) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static AwsException validation(String message) {
        return new AwsException("ValidationError", 400, message);
    }

    private static String roleId() {
        return "AROA"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase(java.util.Locale.ROOT);
    }

    private static String key(String accountId, String name) {
        return accountId + "/" + name;
    }
}
