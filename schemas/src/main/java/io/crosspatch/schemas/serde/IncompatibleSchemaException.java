package io.crosspatch.schemas.serde;

/** The registry refused to register a schema because it breaks the subject's compatibility rule. */
public final class IncompatibleSchemaException extends AvroSerdeException {

    public IncompatibleSchemaException(String subject, String registryMessage) {
        super("schema is not compatible with subject " + subject + ": " + registryMessage);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
