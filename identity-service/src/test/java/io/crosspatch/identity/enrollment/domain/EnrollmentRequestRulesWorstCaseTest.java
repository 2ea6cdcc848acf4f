package io.crosspatch.identity.enrollment.domain;

import static io.crosspatch.servicekit.testing.WorstCase.assertCheapAndLinear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.servicekit.testing.WorstCase;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each ingress check fed its worst case at the body limit (64 K characters): near-misses that make a backtracking
 * pattern try every split, at the field's own cap where it has one (the length is refused first, so the cap is where
 * a check works hardest). Each must answer within 50 ms and cost linearly in the input's length.
 */
class EnrollmentRequestRulesWorstCaseTest {

    private static final int BODY_LIMIT = 64 * 1024;
    private static final Duration BOUND = Duration.ofMillis(50);
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
    private static final String SECRET = "A".repeat(42) + "Q";
    private static final HostFacts HOST = new HostFacts("web-1.example.internal", "ubuntu", "22.04");
    private static final String NONCE = "A".repeat(32);

    @Test
    void shouldCheckAnAwsPkcs7OfNewlinesEndingInOneBadCharacterInLinearTime() {
        assertCheapAndLinear(
                n -> "\n".repeat(n - 1) + "!",
                EnrollmentRequestRules.MAX_PKCS7_CHARS,
                pkcs7 -> EnrollmentRequestRules.check(
                        "aws", new IdentityMaterial.AwsDocument(pkcs7, null), HOST, null, SECRET),
                BOUND);
    }

    @Test
    void shouldCheckAnAzureDocumentOfBase64AndNewlinesEndingInOneBadCharacterInLinearTime() {
        assertCheapAndLinear(
                n -> "A\r\n".repeat(n / 3 - 1) + "=\n=",
                EnrollmentRequestRules.MAX_PKCS7_CHARS,
                document -> EnrollmentRequestRules.check(
                        "azure", new IdentityMaterial.AzureDocument(document, NONCE), HOST, null, SECRET),
                BOUND);
    }

    @Test
    void shouldCheckATokenThatAlmostHasThreeSegmentsInLinearTime() {
        assertCheapAndLinear(
                n -> "a".repeat(n / 2 - 2) + "." + "a".repeat(n / 2 - 2) + ".!",
                EnrollmentRequestRules.MAX_TOKEN_CHARS,
                token -> EnrollmentRequestRules.check("gcp", new IdentityMaterial.GcpToken(token), HOST, null, SECRET),
                BOUND);
    }

    @Test
    void shouldCheckAHostnameOfManyAlmostValidLabelsInLinearTime() {
        assertCheapAndLinear(
                n -> "a-".repeat(n / 2) + "-",
                BODY_LIMIT,
                hostname -> EnrollmentRequestRules.check(
                        "gcp",
                        new IdentityMaterial.GcpToken(JWT),
                        new HostFacts(hostname, "ubuntu", null),
                        null,
                        SECRET),
                BOUND);
    }

    @Test
    void shouldCheckAnOsVersionThatAlmostMatchesInLinearTime() {
        assertCheapAndLinear(
                n -> "a".repeat(n) + "\n",
                BODY_LIMIT,
                version -> EnrollmentRequestRules.check(
                        "gcp",
                        new IdentityMaterial.GcpToken(JWT),
                        new HostFacts("web-1", "ubuntu", version),
                        null,
                        SECRET),
                BOUND);
    }

    @Test
    void shouldCheckALabelKeyThatAlmostMatchesInLinearTime() {
        assertCheapAndLinear(
                n -> "a.".repeat(n / 2) + " ",
                BODY_LIMIT,
                key -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), HOST, Map.of(key, "v"), SECRET),
                BOUND);
    }

    @Test
    void shouldCheckALabelValueAndASecretInLinearTime() {
        assertCheapAndLinear(
                n -> "v".repeat(n) + "\u0000",
                BODY_LIMIT,
                value -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), HOST, Map.of("k", value), SECRET),
                BOUND);
        assertCheapAndLinear(
                n -> "A".repeat(n) + "+",
                BODY_LIMIT,
                secret -> EnrollmentRequestRules.check("gcp", new IdentityMaterial.GcpToken(JWT), HOST, null, secret),
                BOUND);
    }

    @Test
    void shouldCheckANonceInLinearTime() {
        assertCheapAndLinear(
                n -> "A".repeat(n) + "!",
                BODY_LIMIT,
                nonce -> EnrollmentRequestRules.check(
                        "azure", new IdentityMaterial.AzureDocument("AAAA", nonce), HOST, null, SECRET),
                BOUND);
    }

    @Test
    void theOldBase64PatternFailsTheBoundAtAQuarterOfTheBodyLimit() {
        Pattern old = Pattern.compile("[A-Za-z0-9+/\\r\\n]+={0,2}[\\r\\n]*");
        Consumer<String> oldCheck = text -> old.matcher(text).matches();

        assertThat(WorstCase.cost(oldCheck, "\n".repeat(BODY_LIMIT / 4) + "!")).isGreaterThan(BOUND);
    }

    @Test
    void shouldStillAcceptWhatTheOldPatternsAccepted() {
        assertThat(EnrollmentRequestRules.check(
                                "aws", new IdentityMaterial.AwsDocument("TUlJQ0==\r\n", null), HOST, null, SECRET)
                        .request()
                        .provider())
                .isEqualTo(CloudProvider.AWS);
        assertThat(EnrollmentRequestRules.check(
                                "gcp",
                                new IdentityMaterial.GcpToken("a.b."),
                                new HostFacts("a.b-c.d9.", "Red Hat", "8.1+x"),
                                Map.of("a/b_c.d-e", "v"),
                                SECRET)
                        .request()
                        .provider())
                .isEqualTo(CloudProvider.GCP);
    }

    @Test
    void shouldRefuseWhatTheOldPatternsRefused() {
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "aws", new IdentityMaterial.AwsDocument("===", null), HOST, null, SECRET),
                "INVALID_IDENTITY");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "aws", new IdentityMaterial.AwsDocument("AA===", null), HOST, null, SECRET),
                "INVALID_IDENTITY");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "aws", new IdentityMaterial.AwsDocument("AA=\nA", null), HOST, null, SECRET),
                "INVALID_IDENTITY");
        assertCode(
                () -> EnrollmentRequestRules.check("gcp", new IdentityMaterial.GcpToken("a..c"), HOST, null, SECRET),
                "INVALID_IDENTITY");
        assertCode(
                () -> EnrollmentRequestRules.check("gcp", new IdentityMaterial.GcpToken("a.b.c.d"), HOST, null, SECRET),
                "INVALID_IDENTITY");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), new HostFacts("-a", "ubuntu", null), null, SECRET),
                "INVALID_HOSTNAME");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), new HostFacts("a-", "ubuntu", null), null, SECRET),
                "INVALID_HOSTNAME");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), new HostFacts("a..b", "ubuntu", null), null, SECRET),
                "INVALID_HOSTNAME");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp",
                        new IdentityMaterial.GcpToken(JWT),
                        new HostFacts("a".repeat(64), "ubuntu", null),
                        null,
                        SECRET),
                "INVALID_HOSTNAME");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), new HostFacts("a", ".ubuntu", null), null, SECRET),
                "INVALID_OS");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp",
                        new IdentityMaterial.GcpToken(JWT),
                        new HostFacts("a", "u".repeat(33), null),
                        null,
                        SECRET),
                "INVALID_OS");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), HOST, Map.of("-k", "v"), SECRET),
                "INVALID_LABELS");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), HOST, Map.of("k".repeat(64), "v"), SECRET),
                "INVALID_LABELS");
    }

    @Test
    void shouldRefuseATokenWhoseHeaderIsLargerThanAnyCloudSends() {
        String header = "eyJ" + "a".repeat(EnrollmentRequestRules.MAX_TOKEN_HEADER_CHARS);

        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(header + ".eyJzdWIiOiIxIn0.c2ln"), HOST, null, SECRET),
                "INVALID_IDENTITY");
    }

    @Test
    void shouldRefuseATokenWhoseClaimsAreLargerThanAnyCloudSends() {
        String claims = "eyJ" + "a".repeat(EnrollmentRequestRules.MAX_TOKEN_CLAIMS_CHARS);

        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp",
                        new IdentityMaterial.GcpToken("eyJhbGciOiJSUzI1NiJ9." + claims + ".c2ln"),
                        HOST,
                        null,
                        SECRET),
                "INVALID_IDENTITY");
    }

    private static void assertCode(Runnable check, String code) {
        assertThatThrownBy(check::run)
                .isInstanceOf(InvalidEnrollmentException.class)
                .satisfies(
                        e -> assertThat(((InvalidEnrollmentException) e).code()).isEqualTo(code));
    }
}
