package io.crosspatch.identity.enrollment.domain;

import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Makes a retry the same enrollment. The id is derived from the secret's hash, the provider and the instance the
 * (still unverified) identity names, so the same VM with the same secret always gets the same id, while two VMs
 * cloned with one baked-in secret do not collide. The fingerprint covers everything the request carried, so a
 * second request under the same id with different material is told apart (a conflict) from a plain retry.
 *
 * @param enrollmentId the id, {@code enr-} and 32 hex digits
 * @param fingerprint  SHA-256 over the whole request (secret excluded)
 */
public record EnrollmentKey(String enrollmentId, String fingerprint) {

    private static final char SEPARATOR = '\u001f';

    /**
     * @param instanceClaims what the identity says about the instance (e.g. project and instance id), read without
     *                       verification; only used to derive the id
     */
    public static EnrollmentKey of(EnrollmentRequest request, String instanceClaims) {
        String id = digest(request.provider().wireName(), request.secretHash().value(), instanceClaims);
        return new EnrollmentKey("enr-" + id.substring(0, 32), digest(fingerprintParts(request)));
    }

    private static String[] fingerprintParts(EnrollmentRequest request) {
        IdentityMaterial identity = request.identity();
        StringBuilder labels = new StringBuilder();
        new TreeMap<>(request.labels()).forEach((key, value) -> labels.append(key).append('=').append(value).append(SEPARATOR));
        return new String[] {request.provider().wireName(), identity.token(), identity.attestedDocument(),
                identity.nonce(), identity.pkcs7(), identity.document(), request.host().hostname(),
                request.host().osFamily(), request.host().osVersion(), labels.toString()};
    }

    private static String digest(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part == null ? "\u0000" : part).append(SEPARATOR);
        }
        return HexFormat.of().formatHex(SecretHash.sha256(text.toString()));
    }
}
