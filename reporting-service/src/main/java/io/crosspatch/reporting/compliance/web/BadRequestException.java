package io.crosspatch.reporting.compliance.web;

/** A request parameter the API cannot accept; answered 400 with its code. */
class BadRequestException extends RuntimeException {

    private final String code;

    public BadRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
