package io.crosspatch.account.vending.aws;

import io.crosspatch.account.vending.application.AwsCallException;
import io.crosspatch.account.vending.application.OrganizationsGateway;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The management account's calls through the real AWS SDK: Organizations for creating and finding accounts,
 * STS to assume {@code OrganizationAccountAccessRole} in a new account, and IAM (as that role) to create the
 * SSM service role hybrid activations need. SDK exceptions are translated into {@link AwsCallException}s that
 * carry AWS's error code and Organizations' {@code Reason}.
 */
@Component
class AwsOrganizationsGateway implements OrganizationsGateway {

    private static final String SSM_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ssm.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final OrganizationsClient organizations;
    private final StsClient sts;
    private final SdkHttpClient http;
    private final AwsProperties properties;

    public AwsOrganizationsGateway(
            OrganizationsClient organizations, StsClient sts, SdkHttpClient awsHttpClient, AwsProperties properties) {
        this.organizations = organizations;
        this.sts = sts;
        this.http = awsHttpClient;
        this.properties = properties;
    }

    @Override
    public String createAccount(String email, String accountName, Map<String, String> tags) {
        return call(() -> organizations
                .createAccount(request -> request.email(email)
                        .accountName(accountName)
                        .roleName(properties.accessRoleName())
                        .tags(tags.entrySet().stream()
                                .map(tag -> Tag.builder()
                                        .key(tag.getKey())
                                        .value(tag.getValue())
                                        .build())
                                .toList()))
                .createAccountStatus()
                .id());
    }

    @Override
    public CreationStatus describeCreation(String requestId) {
        return call(() -> status(organizations
                .describeCreateAccountStatus(request -> request.createAccountRequestId(requestId))
                .createAccountStatus()));
    }

    @Override
    public Optional<CreationStatus> findCreation(String accountName) {
        return call(() -> organizations
                .listCreateAccountStatusPaginator(
                        request -> request.states(CreateAccountState.IN_PROGRESS, CreateAccountState.SUCCEEDED))
                .stream()
                .flatMap(page -> page.createAccountStatuses().stream())
                .filter(status -> accountName.equals(status.accountName()))
                .max(Comparator.comparing(CreateAccountStatus::requestedTimestamp))
                .map(AwsOrganizationsGateway::status));
    }

    @Override
    public Optional<ExistingAccount> findAccount(String email) {
        return call(() -> {
            Optional<Account> account = organizations.listAccountsPaginator(request -> {}).stream()
                    .flatMap(page -> page.accounts().stream())
                    .filter(candidate -> email.toLowerCase(Locale.ROOT)
                            .equals(candidate.email().toLowerCase(Locale.ROOT)))
                    .findFirst();
            return account.map(found -> new ExistingAccount(
                    found.id(),
                    found.email(),
                    organizations.listTagsForResourcePaginator(request -> request.resourceId(found.id())).stream()
                            .flatMap(page -> page.tags().stream())
                            .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b))));
        });
    }

    @Override
    public String makeUsable(String accountId) {
        String accessRoleArn = "arn:aws:iam::" + accountId + ":role/" + properties.accessRoleName();
        Credentials session = call(() -> sts.assumeRole(request -> request.roleArn(accessRoleArn)
                        .roleSessionName("crosspatch-account-vending")
                        .durationSeconds(900))
                .credentials());
        var builder = IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        session.accessKeyId(), session.secretAccessKey(), session.sessionToken())));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        try (IamClient iam = builder.build()) {
            call(() -> createSsmServiceRole(iam));
            call(() -> iam.attachRolePolicy(request ->
                    request.roleName(properties.ssmServiceRoleName()).policyArn(properties.ssmServicePolicyArn())));
        }
        return accessRoleArn;
    }

    /** Creates the SSM service role; one left by an interrupted earlier step is the same role and is kept. */
    private boolean createSsmServiceRole(IamClient iam) {
        try {
            iam.createRole(request -> request.roleName(properties.ssmServiceRoleName())
                    .assumeRolePolicyDocument(SSM_TRUST)
                    .description("Given by SSM hybrid activations to Crosspatch-managed nodes"));
            return true;
        } catch (EntityAlreadyExistsException alreadyThere) {
            return false;
        }
    }

    @Override
    public void closeAccount(String accountId) {
        call(() -> organizations.closeAccount(request -> request.accountId(accountId)));
    }

    @Override
    public String ssmServiceRoleName() {
        return properties.ssmServiceRoleName();
    }

    private static CreationStatus status(CreateAccountStatus status) {
        return new CreationStatus(
                status.id(), status.stateAsString(), status.accountId(), status.failureReasonAsString());
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ConstraintViolationException e) {
            throw translate(e, e.reasonAsString());
        } catch (InvalidInputException e) {
            throw translate(e, e.reasonAsString());
        } catch (AwsServiceException e) {
            throw translate(e, null);
        } catch (SdkException e) {
            throw new AwsCallException(null, null, 0, e.getMessage(), e);
        }
    }

    private static AwsCallException translate(AwsServiceException e, @Nullable String reason) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return new AwsCallException(code, reason, e.statusCode(), e.getMessage(), e);
    }
}
