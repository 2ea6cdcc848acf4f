package io.crosspatch.account.vending.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How account vending names, paces and retries account creation, under {@code crosspatch.accounts}. The defaults
 * are here and nowhere else; {@link #DEFAULT_DRIVER_INTERVAL} is also what the driver's schedule falls back to.
 *
 * @param emailTemplate              e-mail of a new account ({@code {tenant} {provider} {account} {hash}}); default
 *                                   {@code aws+{tenant}-{provider}-{account}@example.com}, to be replaced by a domain
 *                                   you own before real AWS (Organizations needs a unique, reachable address)
 * @param nameTemplate               name of a new account (at most 50 printable characters after filling in); default
 *                                   {@code crosspatch {tenant} {provider} {account}}
 * @param driverInterval             how often the driver looks for due work; default 200 ms
 * @param concurrency                AWS steps in flight at once per instance; default 8
 * @param maxCreationsInProgress     creations this instance keeps in progress at once; default 5, Organizations' own
 *                                   limit of concurrent CreateAccount requests
 * @param createAccountRatePerSecond CreateAccount calls per second this instance allows itself; default 0.9, just
 *                                   under Organizations' 1 per second
 * @param createAccountBurst         CreateAccount calls it may make back to back; default 4
 * @param pollBackoffInitial         first wait before DescribeCreateAccountStatus, doubling while in progress; default
 *                                   500 ms
 * @param pollBackoffMax             longest wait between two status polls; default 10 s
 * @param retryBackoffInitial        first wait after a retryable failure; default 500 ms
 * @param retryBackoffMax            longest wait after retryable failures; default 30 s
 * @param maxCreateRequests          CreateAccount requests per cloud account before INTERNAL_FAILURE becomes terminal;
 *                                   default 5
 * @param roleAssumableTimeout       how long a new account may refuse its access role before vending gives up;
 *                                   default 1 h (a new account's role usually works within minutes)
 * @param publicationLease           how long one publisher holds the right to publish an enrollment's outcome; default
 *                                   30 s
 * @param closeAfter                 grace period between an offboarded account's release and Organizations
 *                                   CloseAccount of its system account; default 0 (close at once), e.g. {@code P30D}
 *                                   to keep it a month
 * @param closeRetry                 how long a CloseAccount refused by Organizations' closing quotas waits before the
 *                                   next try; default 1 h
 */
@ConfigurationProperties("crosspatch.accounts")
public record VendingProperties(
        String emailTemplate,
        String nameTemplate,
        Duration driverInterval,
        Integer concurrency,
        Integer maxCreationsInProgress,
        Double createAccountRatePerSecond,
        Integer createAccountBurst,
        Duration pollBackoffInitial,
        Duration pollBackoffMax,
        Duration retryBackoffInitial,
        Duration retryBackoffMax,
        Integer maxCreateRequests,
        Duration roleAssumableTimeout,
        Duration publicationLease,
        Duration closeAfter,
        Duration closeRetry) {

    /**
     * The driver's interval when none is set, as the {@code @Scheduled} placeholder's fallback needs it: an ISO-8601
     * string, which java.time alone parses.
     */
    public static final String DEFAULT_DRIVER_INTERVAL = "PT0.2S";

    public VendingProperties {
        emailTemplate = emailTemplate == null ? "aws+{tenant}-{provider}-{account}@example.com" : emailTemplate;
        nameTemplate = nameTemplate == null ? "crosspatch {tenant} {provider} {account}" : nameTemplate;
        driverInterval = driverInterval == null ? Duration.parse(DEFAULT_DRIVER_INTERVAL) : driverInterval;
        concurrency = concurrency == null || concurrency <= 0 ? 8 : concurrency;
        maxCreationsInProgress =
                maxCreationsInProgress == null || maxCreationsInProgress <= 0 ? 5 : maxCreationsInProgress;
        createAccountRatePerSecond = createAccountRatePerSecond == null || createAccountRatePerSecond <= 0
                ? 0.9
                : createAccountRatePerSecond;
        createAccountBurst = createAccountBurst == null || createAccountBurst <= 0 ? 4 : createAccountBurst;
        pollBackoffInitial = pollBackoffInitial == null ? Duration.ofMillis(500) : pollBackoffInitial;
        pollBackoffMax = pollBackoffMax == null ? Duration.ofSeconds(10) : pollBackoffMax;
        retryBackoffInitial = retryBackoffInitial == null ? Duration.ofMillis(500) : retryBackoffInitial;
        retryBackoffMax = retryBackoffMax == null ? Duration.ofSeconds(30) : retryBackoffMax;
        maxCreateRequests = maxCreateRequests == null || maxCreateRequests <= 0 ? 5 : maxCreateRequests;
        roleAssumableTimeout = roleAssumableTimeout == null ? Duration.ofHours(1) : roleAssumableTimeout;
        publicationLease = publicationLease == null ? Duration.ofSeconds(30) : publicationLease;
        closeAfter = closeAfter == null || closeAfter.isNegative() ? Duration.ZERO : closeAfter;
        closeRetry =
                closeRetry == null || closeRetry.isNegative() || closeRetry.isZero() ? Duration.ofHours(1) : closeRetry;
    }
}
