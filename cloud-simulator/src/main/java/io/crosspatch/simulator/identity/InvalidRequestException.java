package io.crosspatch.simulator.identity;

/** A simulator-only request the simulator refuses; the routes answer it as {@code 400 {"error": code, "message"}}. */
public final class InvalidRequestException extends RuntimeException {

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
