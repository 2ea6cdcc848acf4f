package io.crosspatch.account.vending.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The e-mail address and account name a system account is created with, from operator templates with the
 * placeholders {@code {tenant}}, {@code {provider}}, {@code {account}} and {@code {hash}} (a digest of the cloud
 * account key). Both must be unique per cloud account — the e-mail is Organizations' own guard against a second
 * account, the name is what a crash recovery looks for — so whenever cleaning a value to AWS's character rules or
 * shortening it to AWS's limits could make two cloud accounts collide, the digest is appended.
 *
 * <p>AWS's rules: e-mail 6–64 characters, {@code [^\s@]+@[^\s@]+\.[^\s@]+}, and a deliverable local part;
 * account name 1–50 printable ASCII characters. Dashes are trimmed by a loop, not {@code -+$}, which tries every
 * start of a long run of dashes that does not end the text.
 */
public final class AccountNaming {

    public static final int MAX_EMAIL = 64;
    public static final int MIN_EMAIL = 6;
    public static final int MAX_NAME = 50;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern NOT_LOCAL_PART = Pattern.compile("[^a-z0-9-]+");
    private static final Pattern NOT_PRINTABLE = Pattern.compile("[^\\u0020-\\u007E]+");
    private static final int HASH_LENGTH = 10;

    private final String emailLocalTemplate;
    private final String emailDomain;
    private final String nameTemplate;

    public AccountNaming(String emailTemplate, String nameTemplate) {
        int at = emailTemplate == null ? -1 : emailTemplate.lastIndexOf('@');
        if (at <= 0
                || emailTemplate.indexOf('@') != at
                || emailTemplate.substring(at).contains("{")) {
            throw new IllegalArgumentException("e-mail template needs one '@' and a fixed domain: " + emailTemplate);
        }
        if (!uniquePerAccount(emailTemplate) || !uniquePerAccount(nameTemplate)) {
            throw new IllegalArgumentException("e-mail and name templates must contain {account} or {hash}");
        }
        this.emailLocalTemplate = emailTemplate.substring(0, at);
        this.emailDomain = emailTemplate.substring(at);
        this.nameTemplate = nameTemplate;
        String sample = email(new CloudAccountKey(CloudProvider.GCP, "sample"), "tenant");
        if (sample.length() > MAX_EMAIL || !EMAIL.matcher(sample).matches()) {
            throw new IllegalArgumentException("e-mail template makes addresses AWS refuses: " + sample);
        }
    }

    /**
     * The e-mail address of the cloud account's system account number {@code generation}: 0 for its first one (the
     * address {@link #email(CloudAccountKey, String)} gives), one more for each account it had before (released by
     * offboarding, or reset from FAILED). Organizations never lets two accounts share an address, not even a closed
     * one, so each generation gets its own, made unique by the digest of the key and the generation.
     */
    public String email(CloudAccountKey key, String tenantId, int generation) {
        return email(generationKey(key, generation), tenantId);
    }

    /** The account name of the generation, unique for the same reason as {@link #email(CloudAccountKey, String, int)}. */
    public String accountName(CloudAccountKey key, String tenantId, int generation) {
        return accountName(generationKey(key, generation), tenantId);
    }

    /** Generation 0 is the key itself; a later one names a cloud account id no provider issues ({@code #} in it). */
    private static CloudAccountKey generationKey(CloudAccountKey key, int generation) {
        return generation == 0 ? key : new CloudAccountKey(key.provider(), key.cloudAccountId() + "#" + generation);
    }

    public String email(CloudAccountKey key, String tenantId) {
        int room = MAX_EMAIL - emailDomain.length();
        String local = render(emailLocalTemplate, key, tenantId, room, AccountNaming::localPart);
        String email = local + emailDomain;
        return email.length() >= MIN_EMAIL ? email : local + "-" + hash(key) + emailDomain;
    }

    public String accountName(CloudAccountKey key, String tenantId) {
        return render(nameTemplate, key, tenantId, MAX_NAME, AccountNaming::printable)
                .strip();
    }

    private static String render(
            String template,
            CloudAccountKey key,
            String tenantId,
            int max,
            java.util.function.UnaryOperator<String> clean) {
        String hash = hash(key);
        String tenant = clean.apply(tenantId == null ? "" : tenantId);
        String provider = clean.apply(key.provider().name().toLowerCase(Locale.ROOT));
        String account = clean.apply(key.cloudAccountId());
        boolean lossy = !account.equals(key.cloudAccountId()) && !template.contains("{hash}");
        if (lossy) {
            account = account + "-" + hash;
        }
        String text = fill(template, tenant, provider, account, hash);
        if (text.length() <= max) {
            return text;
        }
        String withHash = template.contains("{hash}") ? "" : "-" + hash;
        int fixed = fill(template, tenant, provider, "", hash).length() + withHash.length();
        if (fixed >= max && tenant.length() > 8) {
            tenant = tenant.substring(0, 8);
            fixed = fill(template, tenant, provider, "", hash).length() + withHash.length();
        }
        int keep = Math.max(0, Math.min(account.length(), max - fixed));
        String shortened = fill(template, tenant, provider, account.substring(0, keep) + withHash, hash);
        return shortened.length() <= max ? shortened : shortened.substring(0, max);
    }

    private static String fill(String template, String tenant, String provider, String account, String hash) {
        return template.replace("{tenant}", tenant)
                .replace("{provider}", provider)
                .replace("{account}", account)
                .replace("{hash}", hash);
    }

    private static boolean uniquePerAccount(String template) {
        return template != null && (template.contains("{account}") || template.contains("{hash}"));
    }

    private static String localPart(String value) {
        String cleaned = NOT_LOCAL_PART.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("-");
        int start = 0;
        int end = cleaned.length();
        while (start < end && cleaned.charAt(start) == '-') {
            start++;
        }
        while (end > start && cleaned.charAt(end - 1) == '-') {
            end--;
        }
        return cleaned.substring(start, end);
    }

    private static String printable(String value) {
        return NOT_PRINTABLE.matcher(value).replaceAll("?");
    }

    static String hash(CloudAccountKey key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
