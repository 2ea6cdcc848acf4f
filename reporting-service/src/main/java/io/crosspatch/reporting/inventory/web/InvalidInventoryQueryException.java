package io.crosspatch.reporting.inventory.web;

/** A request to the inventory API that does not have the right shape; answered 400 with its stable code. */
class InvalidInventoryQueryException extends RuntimeException {

    private final String code;

    InvalidInventoryQueryException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
