package io.crosspatch.bench.drill;

import io.crosspatch.bench.report.Section;
import io.crosspatch.launcher.Platform;
import io.crosspatch.schemas.serde.SchemaRegistryClient;
import io.crosspatch.schemas.serde.SchemaRegistryConfig;
import io.crosspatch.schemas.topics.TopicDefinition;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.testbed.Testbed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The poison-record drill's fault: before the storm, three records no consumer can deserialize go onto every topic of
 * the contract (every topic of {@link Topics#all()}) with a raw
 * producer — a wrong magic byte (JSON where Avro should be), an unknown schema id, and an
 * Avro body cut short under the topic's real schema id. After the run, each must be in {@code <topic>.DLT} with its
 * original bytes and the {@code kafka_dlt-*} headers; that the fleet enrolled after them completed (the audit) is
 * what shows the consumers moved on.
 */
final class PoisonRecords implements Fault {

    static final String ORIGINAL_TOPIC_HEADER = "kafka_dlt-original-topic";
    static final String ERROR_CLASS_HEADER = "crosspatch-error-class";

    /** One poison record: its key names it, so it can be found in the dead-letter topic. */
    record Poison(String topic, String key, byte[] value) {}

    /**
     * The consumer groups reading each topic of {@link Topics#all()} (see the services' READMEs): each dead-letters its
     * own copy of a poison, so a missing copy names a group that did not move on.
     */
    static final Map<String, Integer> CONSUMING_GROUPS = Map.ofEntries(
            Map.entry("enrollment.requested", 1),
            Map.entry("enrollment.requested.retry", 1),
            Map.entry("identity.verified", 2),
            Map.entry("account.ready", 2),
            Map.entry("instance.activated", 2),
            Map.entry("patch.results", 1),
            Map.entry("enrollment.failed", 2),
            Map.entry("instance.retirement.requested", 1),
            Map.entry("instance.retired", 2),
            Map.entry("account.offboarded", 1),
            Map.entry("account.released", 1),
            Map.entry("account.configured", 1),
            Map.entry("instance.inventory", 1));

    private final Duration deadLetterTimeout;
    private final List<Poison> produced = new ArrayList<>();

    PoisonRecords(Duration deadLetterTimeout) {
        this.deadLetterTimeout = deadLetterTimeout;
    }

    @Override
    public boolean deadLettersExpected() {
        return true;
    }

    /** The three poisons of one topic; {@code schemaId} is the topic's real value schema id. */
    static List<Poison> poisonsFor(String topic, int schemaId) {
        byte[] json = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        // a varint whose continuation bit promises a byte that never comes: the first field cannot be read
        byte[] truncatedBody = {(byte) 0x80};
        return List.of(
                new Poison(topic, "poison-wrong-magic-" + topic, json),
                new Poison(topic, "poison-unknown-schema-" + topic, wire(Integer.MAX_VALUE - 7, new byte[] {2, 'x'})),
                new Poison(topic, "poison-truncated-" + topic, wire(schemaId, truncatedBody)));
    }

    private static byte[] wire(int schemaId, byte[] body) {
        return ByteBuffer.allocate(5 + body.length)
                .put((byte) 0)
                .putInt(schemaId)
                .put(body)
                .array();
    }

    @Override
    public void beforeStorm(Platform platform, Section section) {
        Testbed infrastructure = platform.infrastructure();
        SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistryConfig.from(
                Map.of(SchemaRegistryConfig.URL, infrastructure.schemaRegistry().url())));
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (TopicDefinition<?> topic : Topics.all()) {
                // the same schema the services register on first use: the truncated body needs a real id
                int schemaId = registry.register(topic.valueSubject(), topic.valueSchema());
                for (Poison poison : poisonsFor(topic.name(), schemaId)) {
                    producer.send(new ProducerRecord<>(poison.topic(), poison.key(), poison.value()))
                            .get();
                    produced.add(poison);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce the poison records", e);
        }
        section.note(produced.size() + " poison records produced before the storm: wrong magic byte, unknown schema id "
                + "and truncated Avro on each of " + Topics.all().size() + " topics");
    }

    @Override
    public void after(Platform platform, Section section) throws InterruptedException {
        String bootstrap = platform.infrastructure().kafka().bootstrapServers();
        for (TopicDefinition<?> topic : Topics.all()) {
            List<Poison> poisons = produced.stream()
                    .filter(p -> p.topic().equals(topic.name()))
                    .toList();
            long deadline = System.nanoTime() + deadLetterTimeout.toNanos();
            DeadLetters letters = DeadLetters.read(bootstrap, topic, poisons);
            int groups = CONSUMING_GROUPS.getOrDefault(topic.name(), 1);
            while (!letters.allDeadLettered(groups) && System.nanoTime() < deadline) {
                Thread.sleep(2_000);
                letters = DeadLetters.read(bootstrap, topic, poisons);
            }
            section.check(
                    "poison records on " + topic.name() + " dead-lettered to " + topic.deadLetterTopic(),
                    letters.allDeadLettered(groups),
                    letters.describe(groups));
        }
    }

    /** What one dead-letter topic holds of one topic's poisons. */
    record DeadLetters(
            List<String> missing, Map<String, Integer> copiesByKey, TreeSet<String> errorClasses, int withoutHeaders) {

        static DeadLetters read(String bootstrap, TopicDefinition<?> topic, List<Poison> poisons) {
            List<ConsumerRecord<byte[], byte[]>> records =
                    TopicReader.readAll(bootstrap, topic.deadLetterTopic(), Duration.ofMinutes(1));
            Map<String, Integer> copies = new TreeMap<>();
            TreeSet<String> errors = new TreeSet<>();
            int withoutHeaders = 0;
            for (Poison poison : poisons) {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    if (poison.key().equals(key) && Arrays.equals(poison.value(), record.value())) {
                        copies.merge(poison.key(), 1, Integer::sum);
                        String original = header(record, ORIGINAL_TOPIC_HEADER);
                        String error = header(record, ERROR_CLASS_HEADER);
                        if (!topic.name().equals(original) || error == null) {
                            withoutHeaders++;
                        } else {
                            errors.add(error.substring(error.lastIndexOf('.') + 1));
                        }
                    }
                }
            }
            List<String> missing = poisons.stream()
                    .map(Poison::key)
                    .filter(key -> !copies.containsKey(key))
                    .toList();
            return new DeadLetters(missing, copies, errors, withoutHeaders);
        }

        boolean allDeadLettered(int groups) {
            return missing.isEmpty()
                    && withoutHeaders == 0
                    && !copiesByKey.isEmpty()
                    && copiesByKey.values().stream().allMatch(copies -> copies == groups);
        }

        /** One copy per consumer group of the topic: a group that did not dead-letter its copy is stuck on it. */
        String describe(int groups) {
            return copiesByKey.size() + " of " + (copiesByKey.size() + missing.size())
                    + " poisons found (copies per key "
                    + copiesByKey.values() + ", expected " + groups + ": one per consuming group), root causes "
                    + errorClasses
                    + (withoutHeaders == 0 ? "" : ", " + withoutHeaders + " without the dead-letter headers")
                    + (missing.isEmpty() ? "" : ", missing " + missing);
        }
    }

    private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
