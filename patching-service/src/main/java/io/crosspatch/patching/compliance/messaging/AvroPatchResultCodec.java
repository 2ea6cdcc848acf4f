package io.crosspatch.patching.compliance.messaging;

import io.crosspatch.events.PatchResult;
import io.crosspatch.patching.compliance.application.PatchResultCodec;
import io.crosspatch.patching.compliance.domain.PatchReport;
import io.crosspatch.patching.compliance.domain.ReportedPatch;
import io.crosspatch.patching.systemaccount.domain.ResultBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Stores a published state as the {@code patch.results} record's own single-object encoding (what
 * {@code nodes_by_account.last_result} has always held), so the stored form is exactly what was published.
 */
@Component
class AvroPatchResultCodec implements PatchResultCodec {

    @Override
    public ResultBytes encode(PatchReport report) {
        try {
            ByteBuffer buffer = PatchResults.toAvro(report).toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return ResultBytes.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ReportedPatch> patchesOf(ResultBytes stored) {
        return PatchResults.patches(decode(stored));
    }

    private static PatchResult decode(ResultBytes stored) {
        try {
            return PatchResult.fromByteBuffer(ByteBuffer.wrap(stored.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
