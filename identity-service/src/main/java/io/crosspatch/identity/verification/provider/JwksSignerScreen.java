package io.crosspatch.identity.verification.provider;

import io.crosspatch.identity.enrollment.application.SignerScreen;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import java.util.Objects;

/**
 * The ingress's {@link SignerScreen} in a process that has the verifier's trust sources: asks the GCP and VMware
 * verifiers themselves, so the very {@link IssuerKeys} they verify with (one cache and one refresh budget per issuer,
 * not two) answer whether a token's key id is published. Whatever the verifier would reject for another reason
 * (a token that does not parse, a disallowed algorithm, an unregistered VMware issuer) is "don't know" here, so the
 * verifier still gives it its own reason code.
 */
final class JwksSignerScreen implements SignerScreen {

    private final GcpTokenVerifier gcp;
    private final VmwareTokenVerifier vmware;

    JwksSignerScreen(GcpTokenVerifier gcp, VmwareTokenVerifier vmware) {
        this.gcp = gcp;
        this.vmware = vmware;
    }

    @Override
    public Answer screen(EnrollmentRequest request) {
        String token = request.identity().token();
        try {
            boolean unpublished = switch (request.provider()) {
                case GCP -> gcp.namesUnpublishedKey(Objects.requireNonNull(token));
                case VMWARE -> vmware.namesUnpublishedKey(Objects.requireNonNull(token));
                case AWS, AZURE -> false;
            };
            return unpublished ? Answer.UNKNOWN_KEY_ID : Answer.DONT_KNOW;
        } catch (IdentityRejectedException e) {
            return Answer.DONT_KNOW;
        }
    }
}
