package io.crosspatch.account.vending.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How account vending names, paces and retries account creation, under {@code crosspatch.accounts}.
 *
 * @param emailTemplate              e-mail of a new account ({@code {tenant} {provider} {account} {hash}})
 * @param nameTemplate               name of a new account (at most 50 printable characters after filling in)
 * @param driverInterval             how often the driver looks for due work
 * @param concurrency                AWS steps in flight at once per instance
 * @param maxCreationsInProgress     creations this instance keeps in progress at once (Organizations' own limit is 5)
 * @param createAccountRatePerSecond CreateAccount calls per second this instance allows itself
 * @param createAccountBurst         CreateAccount calls it may make back to back
 * @param pollBackoffInitial         first wait before DescribeCreateAccountStatus, doubling while in progress
 * @param pollBackoffMax             longest wait between two status polls
 * @param retryBackoffInitial        first wait after a retryable failure
 * @param retryBackoffMax            longest wait after retryable failures
 * @param maxCreateRequests          CreateAccount requests per cloud account before INTERNAL_FAILURE becomes terminal
 * @param roleAssumableTimeout       how long a new account may refuse its access role before vending gives up
 * @param publicationLease           how long one publisher holds the right to publish an enrollment's outcome
 */
@ConfigurationProperties("crosspatch.accounts")
public record VendingProperties(
        String emailTemplate, String nameTemplate, Duration driverInterval, int concurrency,
        int maxCreationsInProgress, double createAccountRatePerSecond, int createAccountBurst,
        Duration pollBackoffInitial, Duration pollBackoffMax, Duration retryBackoffInitial, Duration retryBackoffMax,
        int maxCreateRequests, Duration roleAssumableTimeout, Duration publicationLease) {

    public VendingProperties {
        emailTemplate = emailTemplate == null ? "aws+{tenant}-{provider}-{account}@example.com" : emailTemplate;
        nameTemplate = nameTemplate == null ? "crosspatch {tenant} {provider} {account}" : nameTemplate;
        driverInterval = driverInterval == null ? Duration.ofMillis(200) : driverInterval;
        concurrency = concurrency <= 0 ? 8 : concurrency;
        maxCreationsInProgress = maxCreationsInProgress <= 0 ? 5 : maxCreationsInProgress;
        createAccountRatePerSecond = createAccountRatePerSecond <= 0 ? 0.9 : createAccountRatePerSecond;
        createAccountBurst = createAccountBurst <= 0 ? 4 : createAccountBurst;
        pollBackoffInitial = pollBackoffInitial == null ? Duration.ofMillis(500) : pollBackoffInitial;
        pollBackoffMax = pollBackoffMax == null ? Duration.ofSeconds(10) : pollBackoffMax;
        retryBackoffInitial = retryBackoffInitial == null ? Duration.ofMillis(500) : retryBackoffInitial;
        retryBackoffMax = retryBackoffMax == null ? Duration.ofSeconds(30) : retryBackoffMax;
        maxCreateRequests = maxCreateRequests <= 0 ? 5 : maxCreateRequests;
        roleAssumableTimeout = roleAssumableTimeout == null ? Duration.ofHours(1) : roleAssumableTimeout;
        publicationLease = publicationLease == null ? Duration.ofSeconds(30) : publicationLease;
    }
}
