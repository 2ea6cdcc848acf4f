// Decodes one Confluent-wire-format Avro record with Confluent's own JavaScript client and prints it as JSON.
// Usage: node decode.mjs <registry-base-url> <topic> <hex-payload>
import { SchemaRegistryClient, AvroDeserializer, SerdeType } from '@confluentinc/schemaregistry';

const [registryUrl, topic, hex] = process.argv.slice(2);
const client = new SchemaRegistryClient({ baseURLs: [registryUrl] });
const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
const value = await deserializer.deserialize(topic, Buffer.from(hex, 'hex'));
process.stdout.write(JSON.stringify(value, (key, v) => (typeof v === 'bigint' ? v.toString() : v)));
