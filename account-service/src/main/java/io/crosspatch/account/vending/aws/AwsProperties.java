package io.crosspatch.account.vending.aws;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How account-service reaches AWS with the management account, under {@code crosspatch.aws}. Credentials come
 * from the SDK's default provider chain (environment, profile, container or instance role); a static pair is
 * for local use against the simulator only. patching-service reads the same keys for the same meanings
 * ({@code endpoint}, {@code region}, {@code access-key-id}, {@code secret-access-key}).
 *
 * @param endpoint           endpoint override for every client; default none (AWS itself); the cloud simulator's
 *                           URL locally and in tests
 * @param region             region of the STS client and default SSM region; default {@code us-east-1}, where
 *                           Organizations' own endpoint is
 * @param accessKeyId        static access key of the management account; default none (the SDK's default chain);
 *                           for local use against the simulator
 * @param secretAccessKey    its secret; default none
 * @param accessRoleName     the role Organizations creates in a new account and the management account assumes;
 *                           default {@code OrganizationAccountAccessRole}, the name Organizations uses itself
 * @param ssmServiceRoleName the IAM role hybrid activations give managed nodes; default {@code CrosspatchSsmServiceRole}
 * @param ssmServicePolicyArn the managed policy attached to it; default AWS's
 *                           {@code arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore}, what SSM needs and no more
 */
@ConfigurationProperties("crosspatch.aws")
record AwsProperties(
        URI endpoint,
        String region,
        String accessKeyId,
        String secretAccessKey,
        String accessRoleName,
        String ssmServiceRoleName,
        String ssmServicePolicyArn) {

    public AwsProperties {
        endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
        region = region == null || region.isBlank() ? "us-east-1" : region;
        accessRoleName = accessRoleName == null ? "OrganizationAccountAccessRole" : accessRoleName;
        ssmServiceRoleName = ssmServiceRoleName == null ? "CrosspatchSsmServiceRole" : ssmServiceRoleName;
        ssmServicePolicyArn = ssmServicePolicyArn == null
                ? "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
                : ssmServicePolicyArn;
    }

    /** Everything but the secret key, so the properties can be logged or shown in a failure. */
    @Override
    public String toString() {
        return "AwsProperties[endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey="
                + (secretAccessKey == null || secretAccessKey.isBlank() ? "<none>" : "<redacted>")
                + ", accessRoleName=" + accessRoleName + ", ssmServiceRoleName=" + ssmServiceRoleName
                + ", ssmServicePolicyArn=" + ssmServicePolicyArn + "]";
    }

    boolean hasStaticCredentials() {
        return accessKeyId != null && !accessKeyId.isBlank() && secretAccessKey != null && !secretAccessKey.isBlank();
    }
}
