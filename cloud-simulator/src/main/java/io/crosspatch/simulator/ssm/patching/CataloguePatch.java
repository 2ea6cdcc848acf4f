package io.crosspatch.simulator.ssm.patching;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One patch a vendor has published for an operating system, with the attributes patch baselines filter on.
 *
 * @param id              KB number for Windows, advisory id for Linux (USN-…, DSA-…, RHSA-…, ALAS-…)
 * @param classification  Windows: CriticalUpdates, SecurityUpdates, Updates…; RHEL family: Security, Bugfix…;
 *                        Ubuntu/Debian: the package section's kind (Security or Updates)
 * @param severity        MSRC severity for Windows (Critical, Important, Moderate, Low); vendor severity for Linux
 * @param priority        Ubuntu/Debian package priority (Required, Important, Standard, Optional), else null
 * @param section         Ubuntu/Debian package section (e.g. libs, net, admin), else null
 * @param rebootRequired  whether installing it needs a reboot to take effect
 */
public record CataloguePatch(
        String id,
        String title,
        String product,
        String classification,
        String severity,
        @Nullable String priority,
        @Nullable String section,
        Instant releaseDate,
        List<String> cveIds,
        boolean rebootRequired) {

    /** Security-relevant patches count as "security non-compliant" when missing, as SSM's counts do. */
    public boolean isSecurity() {
        return classification.equals("Security")
                || classification.equals("SecurityUpdates")
                || classification.equals("CriticalUpdates");
    }

    public boolean isCritical() {
        return severity.equals("Critical");
    }
}
