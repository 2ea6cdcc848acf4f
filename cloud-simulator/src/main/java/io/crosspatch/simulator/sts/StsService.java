package io.crosspatch.simulator.sts;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.auth.CredentialStore;
import io.crosspatch.simulator.auth.Credentials;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsException;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.aws.Xml;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.iam.IamService;
import io.crosspatch.simulator.iam.Role;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS: AssumeRole hands out temporary credentials that act in the role's account, which is how every
 * cross-account call of Crosspatch is made; GetCallerIdentity says who a key is. A role is assumable when it
 * exists, its trust policy names the caller's account (or the caller is in the role's own account), and it
 * has become usable ({@link Role#assumableAfter()}).
 */
public final class StsService {

    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@/-]*/)?([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final IamService iam;
    private final CredentialStore credentials;
    private final Clock clock;

    public StsService(IamService iam, CredentialStore credentials, Clock clock) {
        this.iam = iam;
        this.credentials = credentials;
        this.clock = clock;
    }

    public void register(AwsOperations operations) {
        operations.queryService("sts", "https://sts.amazonaws.com/doc/2011-06-15/");
        operations.query("sts", "AssumeRole", this::assumeRole);
        operations.query("sts", "GetCallerIdentity", this::getCallerIdentity);
    }

    private String assumeRole(AwsCall call) {
        String roleArn = call.query().get("RoleArn");
        String sessionName = call.query().get("RoleSessionName");
        if (roleArn == null || sessionName == null) {
            throw new AwsException("ValidationError", 400, "RoleArn and RoleSessionName are required");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw new AwsException(
                    "ValidationError",
                    400,
                    "1 validation error detected: Value '" + sessionName
                            + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        int duration = Integer.parseInt(call.query().getOrDefault("DurationSeconds", "3600"));
        if (duration < 900 || duration > 43200) {
            throw new AwsException(
                    "ValidationError", 400, "The requested DurationSeconds exceeds the allowed range 900-43200");
        }
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            throw new AwsException("ValidationError", 400, roleArn + " is invalid");
        }
        String accountId = arn.group(1);
        Role role = iam.find(accountId, arn.group(2))
                .filter(candidate -> trusts(candidate, call.accountId()))
                .orElseThrow(() -> notAuthorized(call, roleArn));
        Instant now = clock.instant();
        if (role.assumableAfter().isAfter(now)) {
            throw notAuthorized(call, roleArn);
        }
        String assumedArn = "arn:aws:sts::" + accountId + ":assumed-role/" + role.name() + "/" + sessionName;
        Credentials issued = credentials.issueTemporary(accountId, assumedArn, now.plusSeconds(duration));
        return Xml.create()
                .open("Credentials")
                .element("AccessKeyId", issued.accessKeyId())
                .element("SecretAccessKey", issued.secretAccessKey())
                .element("SessionToken", issued.sessionToken())
                .element("Expiration", DateTimeFormatter.ISO_INSTANT.format(issued.expiresAt()))
                .close("Credentials")
                .open("AssumedRoleUser")
                .element("AssumedRoleId", role.roleId() + ":" + sessionName)
                .element("Arn", assumedArn)
                .close("AssumedRoleUser")
                .toString();
    }

    private String getCallerIdentity(AwsCall call) {
        return Xml.create()
                .element("UserId", call.caller().accessKeyId())
                .element("Account", call.accountId())
                .element("Arn", call.caller().arn())
                .toString();
    }

    /** The caller's account may assume a role in its own account, or one whose trust policy names it. */
    private static boolean trusts(Role role, String callerAccount) {
        if (role.accountId().equals(callerAccount)) {
            return !servicePrincipalOnly(role.trustPolicy());
        }
        return role.trustPolicy().contains("arn:aws:iam::" + callerAccount + ":")
                || role.trustPolicy().contains("\"" + callerAccount + "\"");
    }

    private static boolean servicePrincipalOnly(String trustPolicy) {
        try {
            JsonNode policy = Http.JSON.readTree(trustPolicy);
            for (JsonNode statement : policy.path("Statement")) {
                if (statement.path("Principal").has("AWS")) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static AwsException notAuthorized(AwsCall call, String roleArn) {
        return new AwsException(
                "AccessDenied",
                403,
                "User: " + call.caller().arn() + " is not authorized to perform: sts:AssumeRole on resource: "
                        + roleArn);
    }
}
