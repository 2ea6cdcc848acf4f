package io.crosspatch.schemas.serde;

/**
 * With auto-registration off (production), the writer's schema must have been registered by a deploy step;
 * this says it was not.
 */
public final class SchemaNotRegisteredException extends AvroSerdeException {

    public SchemaNotRegisteredException(String subject) {
        super("schema is not registered under subject " + subject + " and auto-registration is off");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
