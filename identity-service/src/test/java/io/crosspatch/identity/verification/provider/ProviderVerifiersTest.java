package io.crosspatch.identity.verification.provider;

import static io.crosspatch.identity.verification.support.SimulatedClouds.anyAwsAccount;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyAzureSubscription;
import static io.crosspatch.identity.verification.support.SimulatedClouds.anyGcpProject;
import static io.crosspatch.identity.verification.support.SimulatedClouds.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.verification.application.ProviderVerifier;
import io.crosspatch.identity.verification.application.TrustSourceUnavailableException;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.InstanceKey;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.identity.verification.domain.VerifiedClaims;
import io.crosspatch.identity.verification.support.SimulatedClouds;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The four provider verifiers, built by {@link TrustConfiguration} from properties that point at the simulator's
 * trust anchors, against genuine identities of simulated VMs and the hostile inputs of the issue. Each rejection
 * asserts its reason code; none of these needs Kafka or Cassandra.
 */
class ProviderVerifiersTest {

    private static final SimulatedClouds CLOUDS = SimulatedClouds.shared();
    private static Map<CloudProvider, ProviderVerifier> verifiers;

    @BeforeAll
    static void buildVerifiersFromTrustProperties() {
        Map<String, String> p = CLOUDS.trustProperties();
        TrustProperties trust = new TrustProperties(
                new TrustProperties.Gcp(p.get("crosspatch.identity.gcp.jwks-uri"), SimulatedClouds.AUDIENCE),
                new TrustProperties.Aws(
                        Map.of("eu-west-1", p.get("crosspatch.identity.aws.certificates.eu-west-1")),
                        p.get("crosspatch.identity.aws.default-certificate")),
                new TrustProperties.Azure(p.get("crosspatch.identity.azure.trust-anchors"), null, null),
                new TrustProperties.Vmware(List.of(issuer(p, 0), issuer(p, 1))),
                null);
        TrustConfiguration configuration = new TrustConfiguration(Clock.systemUTC());
        JwtRules rules = configuration.jwtRules(trust);
        JwksProperties jwks = JwksProperties.defaults();
        JwksFetcher fetcher = configuration.jwksFetcher(jwks);
        verifiers = List.of(
                        configuration.gcpTokenVerifier(trust, rules, fetcher, jwks),
                        configuration.azureDocumentVerifier(trust),
                        configuration.awsDocumentVerifier(trust),
                        configuration.vmwareTokenVerifier(trust, rules, fetcher, jwks))
                .stream()
                .collect(Collectors.toMap(ProviderVerifier::provider, v -> v));
    }

    private static TrustProperties.Vmware.Issuer issuer(Map<String, String> p, int n) {
        String prefix = "crosspatch.identity.vmware.issuers[" + n + "].";
        return new TrustProperties.Vmware.Issuer(
                p.get(prefix + "issuer"),
                p.get(prefix + "jwks-uri"),
                p.get(prefix + "audience"),
                null,
                List.of(p.get(prefix + "org-ids").split(",")));
    }

    private static VerifiedClaims verify(IdentityMaterial material) {
        return verifiers.get(material.provider()).verify(material, Instant.now());
    }

    private static void assertRejected(IdentityMaterial material, RejectionReason reason) {
        assertThatThrownBy(() -> verify(material))
                .isInstanceOfSatisfying(
                        IdentityRejectedException.class,
                        rejected -> assertThat(rejected.reason())
                                .as(rejected.getMessage())
                                .isEqualTo(reason));
    }

    @Nested
    class Gcp {

        private final JsonNode vm = CLOUDS.createVm(
                "gcp",
                anyGcpProject(),
                "web-1",
                Map.of("crosspatch-patching", "true"),
                Map.of("zone", "europe-west1-b"));

        private IdentityMaterial forged(ObjectNode options) {
            return new IdentityMaterial.GcpToken(
                    CLOUDS.forge(vm, options).get("token").asText());
        }

        @Test
        void provesProjectInstanceNameZoneAndCreationTimeOfAGenuineToken() {
            VerifiedClaims claims = verify(CLOUDS.gcpIdentity(vm));

            assertThat(claims.provider()).isEqualTo(CloudProvider.GCP);
            assertThat(claims.cloudAccountId()).isEqualTo(vm.get("accountId").asText());
            assertThat(claims.instanceId()).isEqualTo(vm.get("instanceId").asText());
            assertThat(claims.instanceName()).isEqualTo("web-1");
            assertThat(claims.location()).isEqualTo("europe-west1-b");
            assertThat(claims.instanceCreatedAt())
                    .isEqualTo(Instant.parse(vm.get("createdAt").asText()).truncatedTo(ChronoUnit.SECONDS));
        }

        @Test
        void shouldRejectTokenSignedByAForeignKeyWithTheTrustedKeyId() {
            assertRejected(forged(options().put("signer", "foreign")), RejectionReason.SIGNATURE_INVALID);
        }

        @Test
        void shouldRejectTamperedPayload() {
            String[] parts = CLOUDS.gcpIdentity(vm).token().split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                    .replace(vm.get("accountId").asText(), "victim-project");
            String tampered = parts[0] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

            assertRejected(new IdentityMaterial.GcpToken(tampered), RejectionReason.SIGNATURE_INVALID);
        }

        @Test
        void shouldRejectExpiredToken() {
            assertRejected(forged(options().put("issuedAtOffsetSeconds", -7200)), RejectionReason.TOKEN_EXPIRED);
        }

        @Test
        void shouldRejectTokenIssuedInTheFuture() {
            assertRejected(
                    forged(options().put("issuedAtOffsetSeconds", 600).put("lifetimeSeconds", 60)),
                    RejectionReason.TOKEN_NOT_YET_VALID);
        }

        @Test
        void shouldRejectTokenNotValidBeforeAFutureTime() {
            assertRejected(
                    forged(options()
                            .set(
                                    "claims",
                                    options()
                                            .put(
                                                    "nbf",
                                                    Instant.now()
                                                            .plusSeconds(900)
                                                            .getEpochSecond()))),
                    RejectionReason.TOKEN_NOT_YET_VALID);
        }

        @Test
        void shouldRejectTokenExpiringFarInTheFuture() {
            assertRejected(forged(options().put("lifetimeSeconds", 86_400)), RejectionReason.TOKEN_LIFETIME_TOO_LONG);
        }

        @Test
        void shouldRejectTokenWithForeignAudience() {
            assertRejected(
                    forged(options().put("audience", "https://someone-else.example")),
                    RejectionReason.AUDIENCE_MISMATCH);
        }

        @Test
        void shouldRejectTokenFromUnknownIssuer() {
            assertRejected(
                    forged(options().set("claims", options().put("iss", "https://accounts.evil.example"))),
                    RejectionReason.ISSUER_UNKNOWN);
        }

        @Test
        void shouldRejectTokenWithoutComputeEngineClaims() {
            assertRejected(forged(options().put("format", "standard")), RejectionReason.CLAIMS_MISSING);
        }

        @Test
        void shouldRejectTokenWithoutInstanceId() {
            JsonNode genuine = claimsOf(CLOUDS.gcpIdentity(vm).token());
            ObjectNode google = (ObjectNode) genuine.get("google").deepCopy();
            ((ObjectNode) google.get("compute_engine")).remove("instance_id");

            assertRejected(
                    forged(options().set("claims", options().set("google", google))), RejectionReason.CLAIMS_MISSING);
        }

        @Test
        void shouldRejectTokenWithUnknownKeyId() {
            assertRejected(forged(options().put("kid", "not-a-google-key")), RejectionReason.UNTRUSTED_SIGNER);
        }

        @Test
        void shouldRejectUnsignedTokenWithAlgNone() throws Exception {
            JWTClaimsSet claims =
                    SignedJWT.parse(CLOUDS.gcpIdentity(vm).token()).getJWTClaimsSet();

            assertRejected(
                    new IdentityMaterial.GcpToken(new PlainJWT(claims).serialize()),
                    RejectionReason.ALGORITHM_NOT_ALLOWED);
        }

        @Test
        void shouldRejectHs256TokenSignedWithThePublicKey() throws Exception {
            SignedJWT genuine = SignedJWT.parse(CLOUDS.gcpIdentity(vm).token());
            RSAKey published = RSAKey.parse(fetchJwks().get("keys").get(0).toString());
            SignedJWT confused = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(genuine.getHeader().getKeyID())
                            .build(),
                    genuine.getJWTClaimsSet());
            confused.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));

            assertRejected(new IdentityMaterial.GcpToken(confused.serialize()), RejectionReason.ALGORITHM_NOT_ALLOWED);
        }

        @Test
        void shouldRejectTokenCarryingItsOwnKeyInAJwkHeader() throws Exception {
            RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .keyID("attacker")
                            .jwk(attacker.toPublicJWK())
                            .build(),
                    SignedJWT.parse(CLOUDS.gcpIdentity(vm).token()).getJWTClaimsSet());
            token.sign(new RSASSASigner(attacker));

            assertRejected(new IdentityMaterial.GcpToken(token.serialize()), RejectionReason.UNTRUSTED_SIGNER);
        }

        @Test
        void shouldRejectTokenPointingToItsOwnKeysWithAJkuHeader() throws Exception {
            RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID("attacker")
                            .jwkURL(URI.create("https://attacker.example/jwks.json"))
                            .build(),
                    SignedJWT.parse(CLOUDS.gcpIdentity(vm).token()).getJWTClaimsSet());
            token.sign(new RSASSASigner(attacker));

            assertRejected(new IdentityMaterial.GcpToken(token.serialize()), RejectionReason.UNTRUSTED_SIGNER);
        }

        @Test
        void anUnreachableJwksIsATransientFailureNotARejection() {
            TrustProperties unreachable = new TrustProperties(
                    new TrustProperties.Gcp("http://127.0.0.1:1/jwks", SimulatedClouds.AUDIENCE),
                    null,
                    null,
                    null,
                    null);
            TrustConfiguration configuration = new TrustConfiguration(Clock.systemUTC());
            JwksProperties jwks = JwksProperties.defaults();
            ProviderVerifier verifier = configuration.gcpTokenVerifier(
                    unreachable, configuration.jwtRules(unreachable), configuration.jwksFetcher(jwks), jwks);

            assertThatThrownBy(() -> verifier.verify(CLOUDS.gcpIdentity(vm), Instant.now()))
                    .isInstanceOf(TrustSourceUnavailableException.class);
        }

        @Test
        void shouldRejectSomethingThatIsNotAToken() {
            assertRejected(new IdentityMaterial.GcpToken("not.a-token"), RejectionReason.MALFORMED_IDENTITY);
        }
    }

    @Nested
    class Azure {

        private final JsonNode vm = CLOUDS.createVm("azure", anyAzureSubscription(), "app-1");
        private final String nonce = Challenge.issue(Instant.now()).nonce();

        private IdentityMaterial forged(ObjectNode options) {
            return new IdentityMaterial.AzureDocument(
                    CLOUDS.forge(vm, options.put("nonce", nonce))
                            .get("signature")
                            .asText(),
                    nonce);
        }

        @Test
        void provesSubscriptionAndVmIdOfAGenuineDocumentAndReturnsItsNonce() {
            VerifiedClaims claims = verify(CLOUDS.azureIdentity(vm, nonce));

            assertThat(claims.provider()).isEqualTo(CloudProvider.AZURE);
            assertThat(claims.cloudAccountId()).isEqualTo(vm.get("accountId").asText());
            assertThat(claims.instanceId()).isEqualTo(vm.get("instanceId").asText());
            assertThat(claims.nonce()).isEqualTo(nonce);
        }

        @Test
        void shouldRejectSignerWithTheWrongName() {
            assertRejected(forged(options().put("san", "metadata.evil.example")), RejectionReason.UNTRUSTED_SIGNER);
        }

        @Test
        void shouldRejectSignerWhoseNameOnlyEndsLikeAzures() {
            assertRejected(forged(options().put("san", "evilmetadata.azure.com")), RejectionReason.UNTRUSTED_SIGNER);
        }

        @Test
        void acceptsASignerOnASubdomainOfTheSignerName() {
            assertThat(verify(forged(options().put("san", "westeurope.metadata.azure.com")))
                            .instanceId())
                    .isEqualTo(vm.get("instanceId").asText());
        }

        @Test
        void shouldRejectChainToAnUntrustedRoot() {
            assertRejected(forged(options().put("signer", "foreign")), RejectionReason.UNTRUSTED_SIGNER);
        }

        @Test
        void shouldRejectDocumentCreatedTooLongAgo() {
            assertRejected(forged(options().put("issuedAtOffsetSeconds", -3600)), RejectionReason.TOKEN_EXPIRED);
        }

        @Test
        void shouldRejectDocumentCreatedInTheFuture() {
            assertRejected(forged(options().put("issuedAtOffsetSeconds", 900)), RejectionReason.TOKEN_NOT_YET_VALID);
        }

        @Test
        void shouldRejectDocumentSigningAnotherNonceThanTheRequestCarries() {
            IdentityMaterial.AzureDocument genuine = CLOUDS.azureIdentity(vm, nonce);
            String other = Challenge.issue(Instant.now()).nonce();

            assertRejected(
                    new IdentityMaterial.AzureDocument(genuine.attestedDocument(), other),
                    RejectionReason.NONCE_INVALID);
        }

        @Test
        void shouldRejectDocumentWithoutVmId() {
            assertRejected(forged(options().set("claims", options().putNull("vmId"))), RejectionReason.CLAIMS_MISSING);
        }

        @Test
        void shouldRejectSomethingThatIsNotPkcs7() {
            assertRejected(
                    new IdentityMaterial.AzureDocument(Base64.getEncoder().encodeToString("hello".getBytes()), nonce),
                    RejectionReason.MALFORMED_IDENTITY);
        }
    }

    @Nested
    class Aws {

        private final JsonNode vm = CLOUDS.createVm(
                "aws", anyAwsAccount(), "db-1", Map.of("crosspatch-patching", "true"), Map.of("region", "eu-west-1"));

        @Test
        void provesAccountInstanceAndRegionOfAGenuineDocument() {
            VerifiedClaims claims = verify(CLOUDS.awsIdentity(vm));

            assertThat(claims.provider()).isEqualTo(CloudProvider.AWS);
            assertThat(claims.cloudAccountId()).isEqualTo(vm.get("accountId").asText());
            assertThat(claims.instanceId())
                    .isEqualTo(vm.get("instanceId").asText())
                    .startsWith("i-");
            assertThat(claims.location()).isEqualTo("eu-west-1");
        }

        @Test
        void keysTheInstanceOnAccountAndInstanceIdWhateverItsLaunchTime() {
            JsonNode restarted =
                    CLOUDS.forge(vm, options().set("claims", options().put("pendingTime", "2031-05-04T03:02:01Z")));

            VerifiedClaims first = verify(CLOUDS.awsIdentity(vm));
            VerifiedClaims afterStopStart = verify(
                    new IdentityMaterial.AwsDocument(restarted.get("pkcs7").asText(), null));

            assertThat(afterStopStart.instanceKey()).isEqualTo(first.instanceKey());
            assertThat(first.instanceKey().createdAt()).isEqualTo(InstanceKey.UNKNOWN_CREATION);
        }

        @Test
        void acceptsTheSignatureAloneWithoutThePlainDocument() {
            assertThat(verify(new IdentityMaterial.AwsDocument(
                                    CLOUDS.awsIdentity(vm).pkcs7(), null))
                            .cloudAccountId())
                    .isEqualTo(vm.get("accountId").asText());
        }

        @Test
        void shouldRejectDocumentSignedByAForeignCertificate() {
            JsonNode forged = CLOUDS.forge(vm, options().put("signer", "foreign"));

            assertRejected(
                    new IdentityMaterial.AwsDocument(
                            forged.get("pkcs7").asText(), forged.get("document").asText()),
                    RejectionReason.SIGNATURE_INVALID);
        }

        @Test
        void shouldRejectDocumentSignedWithAnotherRegionsCertificate() {
            JsonNode forged = CLOUDS.forge(vm, options().put("certificateRegion", "ap-southeast-2"));

            assertRejected(
                    new IdentityMaterial.AwsDocument(forged.get("pkcs7").asText(), null),
                    RejectionReason.SIGNATURE_INVALID);
        }

        @Test
        void usesTheDefaultCertificateForARegionWithoutItsOwn() {
            JsonNode virginia =
                    CLOUDS.createVm("aws", anyAwsAccount(), "db-2", Map.of(), Map.of("region", "us-east-1"));

            assertThat(verify(CLOUDS.awsIdentity(virginia)).location()).isEqualTo("us-east-1");
        }

        @Test
        void shouldRejectPlainDocumentThatDiffersFromTheSignedContent() {
            IdentityMaterial.AwsDocument genuine = CLOUDS.awsIdentity(vm);
            String altered = genuine.document().replace(vm.get("accountId").asText(), "999999999999");

            assertRejected(
                    new IdentityMaterial.AwsDocument(genuine.pkcs7(), altered), RejectionReason.DOCUMENT_MISMATCH);
        }

        @Test
        void shouldRejectSignedDocumentWithoutInstanceId() {
            JsonNode forged = CLOUDS.forge(vm, options().set("claims", options().putNull("instanceId")));

            assertRejected(
                    new IdentityMaterial.AwsDocument(forged.get("pkcs7").asText(), null),
                    RejectionReason.CLAIMS_MISSING);
        }
    }

    @Nested
    class Vmware {

        private final JsonNode vm = CLOUDS.createVm("vmware", SimulatedClouds.VMWARE_ORG, "erp-1");

        private IdentityMaterial forged(ObjectNode options) {
            return new IdentityMaterial.VmwareToken(
                    CLOUDS.forge(vm, options).get("token").asText());
        }

        @Test
        void provesOrgInstanceUuidNameAndTokenIdOfAGenuineToken() {
            VerifiedClaims claims = verify(CLOUDS.vmwareIdentity(vm));

            assertThat(claims.cloudAccountId()).isEqualTo(SimulatedClouds.VMWARE_ORG);
            assertThat(claims.instanceId()).isEqualTo(vm.get("instanceId").asText());
            assertThat(claims.instanceName()).isEqualTo("erp-1");
            assertThat(claims.tokenId()).isNotBlank();
            assertThat(claims.expiresAt()).isAfter(Instant.now());
        }

        @Test
        void acceptsAnEs256IssuersToken() {
            JsonNode es256 = CLOUDS.createVm("vmware", SimulatedClouds.VMWARE_ES256_ORG, "erp-2");

            assertThat(verify(CLOUDS.vmwareIdentity(es256)).cloudAccountId())
                    .isEqualTo(SimulatedClouds.VMWARE_ES256_ORG);
        }

        @Test
        void shouldRejectTokenSignedByAForeignKey() {
            assertRejected(forged(options().put("signer", "foreign")), RejectionReason.SIGNATURE_INVALID);
        }

        @Test
        void shouldRejectTokenOfAnUnregisteredIssuer() {
            JsonNode stranger = CLOUDS.createVm("vmware", "vc-not-registered", "erp-3");

            assertRejected(CLOUDS.vmwareIdentity(stranger), RejectionReason.ISSUER_UNKNOWN);
        }

        @Test
        void shouldRejectIssuerVouchingForAnotherOrg() {
            JsonNode es256 = CLOUDS.createVm("vmware", SimulatedClouds.VMWARE_ES256_ORG, "erp-4");
            IdentityMaterial claimingOtherOrg = new IdentityMaterial.VmwareToken(CLOUDS.forge(
                            es256, options().set("claims", options().put("vcenter_id", SimulatedClouds.VMWARE_ORG)))
                    .get("token")
                    .asText());

            assertRejected(claimingOtherOrg, RejectionReason.UNTRUSTED_SIGNER);
        }

        @Test
        void shouldRejectExpiredToken() {
            assertRejected(forged(options().put("issuedAtOffsetSeconds", -7200)), RejectionReason.TOKEN_EXPIRED);
        }

        @Test
        void shouldRejectTokenWithForeignAudience() {
            assertRejected(
                    forged(options().set("claims", options().put("aud", "someone-else"))),
                    RejectionReason.AUDIENCE_MISMATCH);
        }

        @Test
        void shouldRejectTokenWithoutJti() {
            assertRejected(forged(options().set("claims", options().putNull("jti"))), RejectionReason.CLAIMS_MISSING);
        }
    }

    private static JsonNode claimsOf(String token) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode fetchJwks() throws Exception {
        return new ObjectMapper()
                .readTree(URI.create(CLOUDS.url(SimulatorPaths.GCP_JWKS)).toURL());
    }
}
