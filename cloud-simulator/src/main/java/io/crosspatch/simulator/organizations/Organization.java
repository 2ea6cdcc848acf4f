package io.crosspatch.simulator.organizations;

import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.iam.IamService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one simulated organization: its accounts (the management account from the start) and the CreateAccount
 * requests, which AWS completes on its own after {@link SimulatorConfig#accountCreationDuration()} of simulated
 * time. Every method holds the organization's lock, so concurrent CreateAccount calls see one consistent count of
 * creations in progress, accounts and e-mail addresses.
 *
 * <p>What happens to a request is decided when it arrives, in this order, and shown only when it completes:
 * <ul>
 *   <li>{@link SimulatorConfig#maxAccountCreationsInProgress()} creations already in progress: refused at once
 *       with {@code ConstraintViolationException} reason {@code ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED}, which the
 *       API reference defines as "the number of accounts that can be in progress at a time";</li>
 *   <li>more than {@value #MAX_TAGS} tags: refused with {@code ConstraintViolationException}
 *       {@code MAX_TAG_LIMIT_EXCEEDED} ("the entire request fails and the account is not created");</li>
 *   <li>a failure injected for it ({@link FailureInjections}): FAILED with that reason;</li>
 *   <li>an e-mail address that passes the API's pattern but breaks the documented address rules (7-bit ASCII,
 *       no {@code "'()<>[]:;,\|%&} in the local part, which may not start with a dot, a domain of letters, digits,
 *       hyphens and dots not starting or ending with either): FAILED {@code INVALID_EMAIL};</li>
 *   <li>the e-mail address of an account of the organization: FAILED {@code EMAIL_ALREADY_EXISTS};</li>
 *   <li>the e-mail address of a creation still in progress: FAILED {@code CONCURRENT_ACCOUNT_MODIFICATION}
 *       ("you already submitted a request with the same information");</li>
 *   <li>no room left under {@link SimulatorConfig#accountQuota()} (counting the management account and the
 *       creations in progress that will succeed): FAILED {@code ACCOUNT_LIMIT_EXCEEDED}.</li>
 * </ul>
 * A successful creation adds an ACTIVE account with the requested tags and creates the requested role in it
 * through IAM, trusting the management account and assumable {@link SimulatorConfig#roleAssumableDelay()} after
 * the account exists, as AWS's OrganizationAccountAccessRole becomes usable only a while after SUCCEEDED.
 * {@link #closeAccount} closes one, within Organizations' closing quotas; a closed account stays listed, SUSPENDED.
 */
final class Organization {

    private static final int MAX_TAGS = 50;
    private static final Duration CLOSE_QUOTA_WINDOW = Duration.ofDays(30);
    private static final int MIN_CLOSE_QUOTA = 10;
    private static final int MAX_CLOSE_QUOTA = 1000;
    private static final String MANAGEMENT_EMAIL = "management@crosspatch.example";
    private static final Logger log = LoggerFactory.getLogger(Organization.class);
    private static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final Pattern DELIVERABLE_EMAIL =
            Pattern.compile("(?!\\.)[\\x21-\\x7E&&[^\"'()<>\\[\\]:;,\\\\|%&@]]+@(?![.-])[a-zA-Z0-9.-]+(?<![.-])");

    private final SimulatorConfig config;
    private final Clock clock;
    private final IamService iam;
    private final FailureInjections failures = new FailureInjections();
    private final Random random;
    private final String organizationId;
    private final Map<String, MemberAccount> accounts = new LinkedHashMap<>();
    private final Map<String, String> accountIdsByEmail = new HashMap<>();
    private final Map<String, AccountCreation> creations = new LinkedHashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();
    private final Map<String, Instant> closuresDue = new LinkedHashMap<>();
    private final Deque<Instant> closuresAccepted = new ArrayDeque<>();

    Organization(SimulatorConfig config, Clock clock, IamService iam) {
        this.config = config;
        this.clock = clock;
        this.iam = iam;
        this.random = new Random(config.seed());
        this.organizationId = "o-" + randomLowercase(10);
        String management = config.managementAccountId();
        add(new MemberAccount(
                management,
                arn(management),
                MANAGEMENT_EMAIL,
                "Crosspatch management",
                "INVITED",
                clock.instant(),
                Map.of(),
                MemberAccount.ACTIVE));
    }

    FailureInjections failures() {
        return failures;
    }

    synchronized AccountCreation createAccount(NewAccount request) {
        Instant now = clock.instant();
        completeDue(now);
        if (inProgress.size() >= config.maxAccountCreationsInProgress()) {
            throw OrganizationsErrors.constraintViolation(
                    "ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED",
                    "You attempted to exceed the number of accounts that can be in progress at a time.");
        }
        if (request.tags().size() > MAX_TAGS) {
            throw tooManyTags();
        }
        String id = "car-" + HexFormat.of().toHexDigits(random.nextLong())
                + HexFormat.of().toHexDigits(random.nextLong());
        AccountCreation creation = AccountCreation.requested(
                id, request, now, now.plus(config.accountCreationDuration()), plannedFailure(request));
        creations.put(id, creation);
        inProgress.add(id);
        log.debug(
                "account creation {} requested for {}, planned failure {}",
                id,
                request.email(),
                creation.plannedFailure());
        return creation;
    }

    synchronized Optional<AccountCreation> creation(String id) {
        completeDue(clock.instant());
        return Optional.ofNullable(creations.get(id));
    }

    /** All creation requests, oldest first. */
    synchronized List<AccountCreation> creations() {
        completeDue(clock.instant());
        return List.copyOf(creations.values());
    }

    synchronized Optional<MemberAccount> account(String id) {
        completeDue(clock.instant());
        return Optional.ofNullable(accounts.get(id));
    }

    /** All accounts, the management account first, then in the order they joined. */
    synchronized List<MemberAccount> accounts() {
        completeDue(clock.instant());
        return List.copyOf(accounts.values());
    }

    synchronized void tag(String accountId, Map<String, String> tags) {
        MemberAccount tagged = existing(accountId).withTags(tags);
        if (tagged.tags().size() > MAX_TAGS) {
            throw tooManyTags();
        }
        accounts.put(accountId, tagged);
    }

    synchronized void untag(String accountId, Collection<String> keys) {
        accounts.put(accountId, existing(accountId).withoutTags(Set.copyOf(keys)));
    }

    /**
     * CloseAccount: the account goes PENDING_CLOSURE at once and SUSPENDED after
     * {@link SimulatorConfig#accountClosureDuration()}. Refused, in this order: an account the organization does not
     * have ({@code AccountNotFoundException}); the management account, which "can't be closed with this API"
     * (AWS names no error for it; the simulator answers {@code ConstraintViolationException}
     * {@code ACCOUNT_CANNOT_LEAVE_ORGANIZATION}, its nearest documented reason); a SUSPENDED account
     * ({@code AccountAlreadyClosedException}); one already PENDING_CLOSURE ({@code ConflictException}); more than
     * {@link SimulatorConfig#maxAccountClosuresInProgress()} closures at once
     * ({@code CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED}); and more closures within a rolling 30 days than the quota:
     * 10 % of the member accounts, at least 10 and at most 1000 ({@code CLOSE_ACCOUNT_QUOTA_EXCEEDED}).
     */
    synchronized void closeAccount(String accountId) {
        Instant now = clock.instant();
        completeDue(now);
        MemberAccount account = accounts.get(accountId);
        if (account == null) {
            throw OrganizationsErrors.accountNotFound();
        }
        if (accountId.equals(config.managementAccountId())) {
            throw OrganizationsErrors.constraintViolation(
                    "ACCOUNT_CANNOT_LEAVE_ORGANIZATION", "You can't close the management account with this API.");
        }
        if (account.status().equals(MemberAccount.SUSPENDED)) {
            throw OrganizationsErrors.accountAlreadyClosed();
        }
        if (account.status().equals(MemberAccount.PENDING_CLOSURE)) {
            throw OrganizationsErrors.conflict("The account is already being closed.");
        }
        if (closuresDue.size() >= config.maxAccountClosuresInProgress()) {
            throw OrganizationsErrors.constraintViolation(
                    "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED",
                    "You attempted to exceed the number of accounts that you can close at a time.");
        }
        Instant windowStart = now.minus(CLOSE_QUOTA_WINDOW);
        while (!closuresAccepted.isEmpty() && !closuresAccepted.peekFirst().isAfter(windowStart)) {
            closuresAccepted.pollFirst();
        }
        if (closuresAccepted.size() >= closeQuota()) {
            throw OrganizationsErrors.constraintViolation(
                    "CLOSE_ACCOUNT_QUOTA_EXCEEDED", "You have exceeded close account quota for the past 30 days.");
        }
        closuresAccepted.addLast(now);
        closuresDue.put(accountId, now.plus(config.accountClosureDuration()));
        accounts.put(accountId, account.withStatus(MemberAccount.PENDING_CLOSURE));
        log.debug("account {} closing", accountId);
    }

    /** 10 % of the member accounts (all but the management account), between 10 and 1000. */
    private int closeQuota() {
        int members = accounts.size() - 1;
        return Math.min(MAX_CLOSE_QUOTA, Math.max(MIN_CLOSE_QUOTA, members / 10));
    }

    /** Completes every creation and closure due by {@code now}; runs on every clock tick and before every read. */
    synchronized void completeDue(Instant now) {
        for (Iterator<Map.Entry<String, Instant>> due = closuresDue.entrySet().iterator(); due.hasNext(); ) {
            Map.Entry<String, Instant> closure = due.next();
            if (!closure.getValue().isAfter(now)) {
                due.remove();
                accounts.computeIfPresent(
                        closure.getKey(), (id, account) -> account.withStatus(MemberAccount.SUSPENDED));
            }
        }
        for (Iterator<String> ids = inProgress.iterator(); ids.hasNext(); ) {
            AccountCreation creation =
                    Objects.requireNonNull(creations.get(ids.next()), "a creation in progress is known");
            if (!creation.dueAt().isAfter(now)) {
                ids.remove();
                creations.put(creation.id(), creation.willSucceed() ? succeed(creation) : creation.failed());
            }
        }
    }

    private @Nullable String plannedFailure(NewAccount request) {
        Optional<String> injected = failures.take(request.email());
        if (injected.isPresent()) {
            return injected.get();
        }
        if (!DELIVERABLE_EMAIL.matcher(request.email()).matches()) {
            return "INVALID_EMAIL";
        }
        if (accountIdsByEmail.containsKey(emailKey(request.email()))) {
            return "EMAIL_ALREADY_EXISTS";
        }
        List<AccountCreation> succeeding = inProgress.stream()
                .map(creations::get)
                .filter(AccountCreation::willSucceed)
                .toList();
        if (succeeding.stream()
                .anyMatch(other -> emailKey(other.request().email()).equals(emailKey(request.email())))) {
            return "CONCURRENT_ACCOUNT_MODIFICATION";
        }
        if (accounts.size() + succeeding.size() >= config.accountQuota()) {
            return "ACCOUNT_LIMIT_EXCEEDED";
        }
        return null;
    }

    private AccountCreation succeed(AccountCreation creation) {
        NewAccount request = creation.request();
        String id = newAccountId();
        add(new MemberAccount(
                id,
                arn(id),
                request.email(),
                request.name(),
                "CREATED",
                creation.dueAt(),
                request.tags(),
                MemberAccount.ACTIVE));
        iam.createRoleInternally(
                id,
                request.roleName(),
                trustPolicy(),
                creation.dueAt().plus(config.roleAssumableDelay()),
                ADMINISTRATOR_ACCESS);
        log.debug("account creation {} succeeded: account {}", creation.id(), id);
        return creation.succeeded(id);
    }

    private void add(MemberAccount account) {
        accounts.put(account.id(), account);
        accountIdsByEmail.put(emailKey(account.email()), account.id());
    }

    private MemberAccount existing(String accountId) {
        completeDue(clock.instant());
        MemberAccount account = accounts.get(accountId);
        if (account == null) {
            throw OrganizationsErrors.targetNotFound();
        }
        return account;
    }

    /** A 12-digit id no account of the organization has, drawn from the seeded generator. */
    private String newAccountId() {
        String id;
        do {
            id = Long.toString(random.nextLong(100_000_000_000L, 1_000_000_000_000L));
        } while (accounts.containsKey(id));
        return id;
    }

    private String arn(String accountId) {
        return "arn:aws:organizations::" + config.managementAccountId() + ":account/" + organizationId + "/"
                + accountId;
    }

    private String trustPolicy() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + config.managementAccountId() + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private String randomLowercase(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static RuntimeException tooManyTags() {
        return OrganizationsErrors.constraintViolation(
                "MAX_TAG_LIMIT_EXCEEDED", "You have exceeded the number of tags allowed on this resource.");
    }
}
