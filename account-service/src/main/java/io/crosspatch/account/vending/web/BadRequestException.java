package io.crosspatch.account.vending.web;

/** Input the operator API refuses, with the stable code it answers with. */
class BadRequestException extends RuntimeException {

    private final String code;

    BadRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
