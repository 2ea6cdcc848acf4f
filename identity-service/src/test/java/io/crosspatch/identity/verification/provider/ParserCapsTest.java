package io.crosspatch.identity.verification.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.support.HostilePkcs7;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.servicekit.testing.WorstCase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What the verifier's parsers are given is bounded before they run: PKCS#7 size, nesting, certificates carried and
 * chain length; JWT segments, header and claims sizes. Each excess is a verdict ({@code MALFORMED_IDENTITY}, or
 * {@code UNTRUSTED_SIGNER} for a chain), never a stack overflow or a parse of whatever was sent.
 */
class ParserCapsTest {

    private static final Set<JWSAlgorithm> RS256 = Set.of(JWSAlgorithm.RS256);
    private static final JwtRules JWT = new JwtRules(Duration.ofSeconds(60), Duration.ofHours(1));
    private static final String NONCE = "N".repeat(32);
    private static final DateTimeFormatter AZURE_TIME =
            DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void shouldRefuseAPkcs7CarryingMoreCertificatesThanAnyCloudSends() {
        assertThat(SignedData.parse(HostilePkcs7.withCertificates("{}", SignedData.MAX_CERTIFICATES))
                        .json())
                .isEmpty();

        assertMalformed(() -> SignedData.parse(HostilePkcs7.withCertificates("{}", SignedData.MAX_CERTIFICATES + 1)));
    }

    @Test
    void shouldRefuseAPkcs7NestedThousandsDeepWithoutOverflowingTheStack() {
        assertMalformed(() -> SignedData.parse(HostilePkcs7.nested(6_000)));
        assertMalformed(() -> SignedData.parse(HostilePkcs7.nested(SignedData.MAX_NESTING + 1)));
    }

    @Test
    void shouldRefuseAPkcs7LongerThanTheIngressLetsThrough() {
        assertMalformed(() -> SignedData.parse("A".repeat(SignedData.MAX_BASE64_CHARS + 4)));
    }

    @Test
    void shouldRefuseAnAzureSignerChainLongerThanAzuresOwn() {
        HostilePkcs7.Chain azureLike = HostilePkcs7.chain(1);
        HostilePkcs7.Chain tooLong = HostilePkcs7.chain(AzureDocumentVerifier.MAX_INTERMEDIATES + 1);

        assertThat(azureVerifier(azureLike)
                        .verify(azureDocument(azureLike), Instant.now())
                        .instanceId())
                .isEqualTo("vm-1");
        assertThatThrownBy(() -> azureVerifier(tooLong).verify(azureDocument(tooLong), Instant.now()))
                .isInstanceOfSatisfying(
                        IdentityRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.UNTRUSTED_SIGNER));
    }

    @Test
    void shouldRefuseATokenHeaderLargerThanACloudsBeforeDecodingIt() {
        String header =
                segment("{\"alg\":\"RS256\",\"kid\":\"k1\",\"pad\":\"" + "x".repeat(JwtRules.MAX_HEADER_CHARS) + "\"}");

        assertMalformed(() -> JWT.parse(header + "." + segment("{\"sub\":\"1\"}") + ".c2ln", RS256));
    }

    @Test
    void shouldRefuseTokenClaimsLargerThanACloudsBeforeDecodingThem() {
        String claims = segment("{\"sub\":\"" + "x".repeat(JwtRules.MAX_CLAIMS_CHARS) + "\"}");

        assertMalformed(() -> JWT.parse(segment("{\"alg\":\"RS256\"}") + "." + claims + ".c2ln", RS256));
    }

    @Test
    void shouldRefuseATokenOfAnyOtherNumberOfSegments() {
        String header = segment("{\"alg\":\"RS256\"}");
        String claims = segment("{\"sub\":\"1\"}");

        assertThat(JWT.parse(header + "." + claims + ".c2ln", RS256).getHeader().getAlgorithm())
                .isEqualTo(JWSAlgorithm.RS256);
        assertMalformed(() -> JWT.parse(header + "." + claims + ".c2ln.c2ln.c2ln", RS256));
        assertMalformed(() -> JWT.parse(header + "." + claims, RS256));
    }

    @Test
    void shouldCheckTheSignedRegionInLinearTimeBeforeTheSignatureIsChecked() {
        assertThat(AwsDocumentVerifier.region("us-gov-west-1")).isTrue();
        assertThat(AwsDocumentVerifier.region("eu-west-12")).isTrue();
        assertThat(AwsDocumentVerifier.region("eu-west-123")).isFalse();
        assertThat(AwsDocumentVerifier.region("eu-west")).isFalse();
        assertThat(AwsDocumentVerifier.region("EU-west-1")).isFalse();

        WorstCase.assertCheapAndLinear(
                n -> "eu" + "-west".repeat(n / 5) + "-x",
                64 * 1024,
                AwsDocumentVerifier::region,
                Duration.ofMillis(50));
    }

    private static AzureDocumentVerifier azureVerifier(HostilePkcs7.Chain chain) {
        return new AzureDocumentVerifier(
                List.of(chain.root()), List.of("metadata.azure.com"), Duration.ofMinutes(10), Duration.ofSeconds(60));
    }

    private static IdentityMaterial azureDocument(HostilePkcs7.Chain chain) {
        Instant now = Instant.now();
        String json = "{\"nonce\":\"" + NONCE + "\",\"subscriptionId\":\"0f4e5c7a-1b2c-4d5e-8f90-123456789abc\","
                + "\"vmId\":\"vm-1\",\"timeStamp\":{\"createdOn\":\"" + AZURE_TIME.format(now)
                + " -0000\",\"expiresOn\":\""
                + AZURE_TIME.format(now.plusSeconds(3600)) + " -0000\"}}";
        return new IdentityMaterial.AzureDocument(chain.sign(json, 0), NONCE);
    }

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMalformed(ThrowingCallable parse) {
        assertThatThrownBy(parse)
                .isInstanceOfSatisfying(
                        IdentityRejectedException.class,
                        rejected -> assertThat(rejected.reason())
                                .as(rejected.getMessage())
                                .isEqualTo(RejectionReason.MALFORMED_IDENTITY));
    }
}
