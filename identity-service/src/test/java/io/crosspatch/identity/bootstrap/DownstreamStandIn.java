package io.crosspatch.identity.bootstrap;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.IssuedActivation;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.schemas.topics.CloudAccountKey;
import io.crosspatch.schemas.topics.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;

/**
 * What account-service and patching-service do for an enrollment, reduced to the one thing the startup script
 * needs: for each {@code identity.verified}, a real SSM hybrid activation in the simulator, published on
 * {@code instance.activated} with its code encrypted exactly as patching-service encrypts it. The script's test
 * thereby exercises the ingress, the verifier and the status view for real without the other services.
 */
class DownstreamStandIn {

    static final String KEY_ID = "script-test";
    /** A 256-bit test key (protects nothing outside this test). */
    static final String KEY = "c2NyaXB0LXRlc3Qta2V5LTAxMjM0NTY3ODlhYmNkZWY=";

    private final Supplier<SsmClient> ssm;
    private final KafkaTemplate<String, Object> kafka;

    DownstreamStandIn(Supplier<SsmClient> ssm, KafkaTemplate<String, Object> kafka) {
        this.ssm = ssm;
        this.kafka = kafka;
    }

    @KafkaListener(topics = "#{T(io.crosspatch.schemas.topics.Topics).IDENTITY_VERIFIED.name()}",
            groupId = "linux-script-test-downstream")
    void onIdentityVerified(IdentityVerified event) throws Exception {
        VerifiedIdentity identity = event.getIdentity();
        CreateActivationResponse activation = ssm.get().createActivation(r -> r.iamRole("service-role/AmazonSSMRoleForInstancesQuickSetup")
                .registrationLimit(1).defaultInstanceName(identity.getHostname())
                .expirationDate(Instant.now().plus(1, ChronoUnit.DAYS)));
        InstanceActivated activated = InstanceActivated.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setEnrollmentId(event.getEnrollmentId()).setTenantId(identity.getTenantId())
                .setProvider(identity.getProvider()).setCloudAccountId(identity.getCloudAccountId())
                .setInstanceId(identity.getInstanceId()).setSystemAccountId("111111111111")
                .setStage(ActivationStage.ACTIVATION_ISSUED)
                .setActivation(IssuedActivation.newBuilder().setActivationId(activation.activationId())
                        .setRegion(identity.getAwsRegion()).setExpiresAt(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS))
                        .setEncryptedActivationCode(encrypt(activation.activationCode())).setEncryptionKeyId(KEY_ID).build())
                .build();
        kafka.send(Topics.INSTANCE_ACTIVATED.name(), new CloudAccountKey(identity.getProvider(), identity.getCloudAccountId()).toString(),
                activated).get();
    }

    private static String encrypt(String code) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(KEY_ID).build(),
                new Payload(code));
        jwe.encrypt(new DirectEncrypter(Base64.getDecoder().decode(KEY)));
        return jwe.serialize();
    }
}
