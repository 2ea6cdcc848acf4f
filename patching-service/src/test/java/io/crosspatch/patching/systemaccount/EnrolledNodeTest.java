package io.crosspatch.patching.systemaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.ResultBytes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An enrolled node is a value, including the last state published about it. */
class EnrolledNodeTest {

    @Test
    void isEqualToANodeWithTheSameLastPublishedBytes() {
        EnrolledNode node = anyNode(ResultBytes.of(new byte[] {1, 2, 3}));
        EnrolledNode same = anyNode(ResultBytes.of(new byte[] {1, 2, 3}));

        assertThat(node).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(node).isNotEqualTo(anyNode(ResultBytes.of(new byte[] {1, 2, 4})));
    }

    @Test
    void cannotBeChangedThroughTheArrayItWasBuiltFromOrTheOneItGaveOut() {
        byte[] source = {1, 2, 3};
        ResultBytes bytes = ResultBytes.of(source);

        source[0] = 9;
        bytes.toByteArray()[1] = 9;

        assertThat(bytes.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void isKeyedByItsCloudAccount() {
        assertThat(anyNode(ResultBytes.of(new byte[0])).cloudAccountKey())
                .isEqualTo(new CloudAccountKey(CloudProvider.AWS, "111122223333"));
    }

    private static EnrolledNode anyNode(ResultBytes lastResult) {
        return new EnrolledNode(
                "mi-0123456789abcdef0",
                "enrollment-1",
                "tenant-1",
                CloudProvider.AWS,
                "111122223333",
                "Acme",
                "i-0abc",
                "web-1",
                "UBUNTU",
                "early",
                Optional.of("Scan|…"),
                Optional.of("f1"),
                Optional.of(lastResult));
    }
}
