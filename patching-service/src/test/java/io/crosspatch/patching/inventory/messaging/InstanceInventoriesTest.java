package io.crosspatch.patching.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.inventory.domain.Application;
import io.crosspatch.patching.inventory.domain.ApplicationList;
import io.crosspatch.patching.inventory.domain.InstanceInformation;
import io.crosspatch.patching.inventory.domain.InventoryAssembler;
import io.crosspatch.patching.inventory.domain.InventoryReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The worst case a host can produce still fits Kafka's default 1 MB message. */
class InstanceInventoriesTest {

    private static final int KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

    @Test
    void shouldStayUnderKafkasDefaultMaxMessageForTheLargestHostWithTheLongestTexts() throws Exception {
        Instant now = Instant.parse("2026-12-01T02:00:00Z");
        List<Application> worst = IntStream.range(0, 10_000)
                .mapToObj(i -> new Application(
                        String.format(Locale.ROOT, "%05d", i) + "n".repeat(300), "v".repeat(300), "p".repeat(300)))
                .toList();
        InventoryReport report = InventoryAssembler.assemble(
                new InventoryReport.Node(
                        "acme",
                        new CloudAccountKey(CloudProvider.AZURE, "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"),
                        "b5f0c1a2-1111-2222-3333-444455556666",
                        "mi-0123456789abcdef0",
                        "123456789012"),
                new InstanceInformation(now, "web-1", "Linux", "Ubuntu", "22.04", "10.0.0.17", "3.3.987.0"),
                Optional.of(new ApplicationList(now, worst)));

        int bytes = InstanceInventories.toAvro(report).toByteBuffer().remaining();

        assertThat(report.applicationCount()).isEqualTo(10_000);
        assertThat(bytes).isLessThan(KAFKA_DEFAULT_MAX_MESSAGE_BYTES - 10_000);
    }
}
