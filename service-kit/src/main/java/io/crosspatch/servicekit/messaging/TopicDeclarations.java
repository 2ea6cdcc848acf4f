package io.crosspatch.servicekit.messaging;

import io.crosspatch.schemas.topics.TopicDefinition;
import io.crosspatch.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics of the catalogue and their dead-letter topics as {@link NewTopic}s. Every service declares all
 * of them, so whichever starts first creates them and the partition counts match the catalogue; dead-letter
 * topics get as many partitions as their source so a record keeps its partition.
 */
final class TopicDeclarations {

    private TopicDeclarations() {}

    static List<NewTopic> all(short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicDefinition<?> topic : Topics.all()) {
            topics.add(TopicBuilder.name(topic.name())
                    .partitions(topic.partitions())
                    .replicas(replicationFactor)
                    .build());
            topics.add(TopicBuilder.name(topic.deadLetterTopic())
                    .partitions(topic.partitions())
                    .replicas(replicationFactor)
                    .build());
        }
        return topics;
    }
}
