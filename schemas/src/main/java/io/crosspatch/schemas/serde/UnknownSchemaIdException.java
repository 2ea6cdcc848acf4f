package io.crosspatch.schemas.serde;

/** The registry answered that no schema has the id the payload names. */
public final class UnknownSchemaIdException extends PoisonPayloadException {

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId) {
        super("schema id " + schemaId + " is not known to the schema registry");
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
