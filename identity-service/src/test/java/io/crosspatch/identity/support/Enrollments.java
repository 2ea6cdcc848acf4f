package io.crosspatch.identity.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Enrollment request bodies as the startup script sends them, one factory per provider, as mutable maps so a test
 * can break exactly one thing. Each has a fresh secret and instance.
 */
public final class Enrollments {

    private Enrollments() {}

    public static Map<String, Object> anyGcpEnrollment() {
        return body("gcp", Map.of("token", Identities.gcpToken("acme-prod", Identities.digits(19))));
    }

    public static Map<String, Object> anyVmwareEnrollment() {
        return body(
                "vmware",
                Map.of(
                        "token",
                        Identities.vmwareToken("vc-01", UUID.randomUUID().toString())));
    }

    public static Map<String, Object> anyAwsEnrollment() {
        return body(
                "aws",
                Map.of(
                        "pkcs7",
                        Identities.awsPkcs7(
                                "123456789012",
                                "i-"
                                        + UUID.randomUUID()
                                                .toString()
                                                .replace("-", "")
                                                .substring(0, 17))));
    }

    /** @param nonce a challenge from {@code POST /v1/challenges} (or any 32 alphanumerics: the ingress checks shape only) */
    public static Map<String, Object> anyAzureEnrollment(String nonce) {
        return body(
                "azure",
                Map.of(
                        "attestedDocument",
                        Identities.azureDocument(
                                "0f4e5c7a-1b2c-4d5e-8f90-123456789abc",
                                UUID.randomUUID().toString(),
                                nonce),
                        "nonce",
                        nonce));
    }

    public static Map<String, Object> anyAzureEnrollment() {
        return anyAzureEnrollment(UUID.randomUUID().toString().replace("-", ""));
    }

    /** One of the four providers' enrollments, by index. */
    public static Map<String, Object> anyEnrollment(int i) {
        return switch (Math.floorMod(i, 4)) {
            case 0 -> anyGcpEnrollment();
            case 1 -> anyAzureEnrollment();
            case 2 -> anyAwsEnrollment();
            default -> anyVmwareEnrollment();
        };
    }

    private static Map<String, Object> body(String provider, Map<String, Object> identity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", provider);
        body.put("identity", new HashMap<>(identity));
        Map<String, Object> os = new HashMap<>(Map.of("family", "ubuntu", "version", "22.04"));
        body.put(
                "host",
                new HashMap<>(
                        Map.of("hostname", "web-" + UUID.randomUUID().toString().substring(0, 8), "os", os)));
        body.put("labels", new HashMap<>(Map.of("crosspatch-patching", "true", "crosspatch-patchgroup", "early")));
        body.put("enrollmentSecret", Identities.secret());
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> host(Map<String, Object> body) {
        return (Map<String, Object>) body.get("host");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> identity(Map<String, Object> body) {
        return (Map<String, Object>) body.get("identity");
    }

    public static String secretOf(Map<String, Object> body) {
        return (String) body.get("enrollmentSecret");
    }
}
