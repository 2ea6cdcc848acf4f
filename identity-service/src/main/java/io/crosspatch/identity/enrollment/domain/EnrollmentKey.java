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
    public static EnrollmentKey of(Submission submission, String instanceClaims) {
        EnrollmentRequest request = submission.request();
        String id =
                digest(request.provider().wireName(), submission.secretHash().value(), instanceClaims);
        return new EnrollmentKey("enr-" + id.substring(0, 32), digest(fingerprintParts(request)));
    }

    private static String[] fingerprintParts(EnrollmentRequest request) {
        StringBuilder labels = new StringBuilder();
        new TreeMap<>(request.labels())
                .forEach((key, value) ->
                        labels.append(key).append('=').append(value).append(SEPARATOR));
        String[] identity = identityParts(request.identity());
        return new String[] {
            request.provider().wireName(),
            identity[0],
            identity[1],
            identity[2],
            identity[3],
            identity[4],
            request.host().hostname(),
            request.host().osFamily(),
            request.host().osVersion(),
            labels.toString()
        };
    }

    /**
     * Token, attested document, nonce, PKCS#7 and plain document, null where the identity has none: the parts in the
     * order fingerprints have always been taken, so that enrollments recorded before keep theirs.
     */
    private static String[] identityParts(IdentityMaterial identity) {
        if (identity instanceof IdentityMaterial.GcpToken gcp) {
            return new String[] {gcp.token(), null, null, null, null};
        }
        if (identity instanceof IdentityMaterial.VmwareToken vmware) {
            return new String[] {vmware.token(), null, null, null, null};
        }
        if (identity instanceof IdentityMaterial.AzureDocument azure) {
            return new String[] {null, azure.attestedDocument(), azure.nonce(), null, null};
        }
        IdentityMaterial.AwsDocument aws = (IdentityMaterial.AwsDocument) identity;
        return new String[] {null, null, null, aws.pkcs7(), aws.document()};
    }

    private static String digest(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part == null ? "\u0000" : part).append(SEPARATOR);
        }
        return HexFormat.of().formatHex(SecretHash.sha256(text.toString()));
    }
}
