package io.crosspatch.servicekit;

import io.crosspatch.events.PatchResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/** A minimal service built on the kit, as the four real services are. */
@SpringBootApplication
public class KitTestApplication {

    @Bean
    RecordingPatchResultListener recordingPatchResultListener() {
        return new RecordingPatchResultListener();
    }

    /** Remembers what it received, so tests can see the consumer moved past poison records. */
    public static class RecordingPatchResultListener {

        private final List<PatchResult> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "patch.results", groupId = "service-kit-test")
        void onPatchResult(PatchResult result) {
            received.add(result);
        }

        public List<PatchResult> received() {
            return received;
        }
    }
}
