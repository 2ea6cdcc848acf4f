package io.crosspatch.patching.compliance.application;

import io.crosspatch.patching.compliance.domain.PatchReport;
import io.crosspatch.patching.compliance.domain.ReportedPatch;
import io.crosspatch.patching.systemaccount.domain.ResultBytes;
import java.util.List;

/**
 * The wire form of a published state, as stored with each node (a port; the {@code patch.results} Avro encoding
 * behind it): what was published is kept, so a later sweep reuses its patch details while the node's last
 * operation is unchanged instead of reading them from SSM again.
 */
public interface PatchResultCodec {

    ResultBytes encode(PatchReport report);

    /** The patches of a state stored by {@link #encode}. */
    List<ReportedPatch> patchesOf(ResultBytes stored);
}
