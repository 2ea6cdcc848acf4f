package io.crosspatch.account.vending.web;

/** The JSON error body of every operator endpoint: a stable machine-readable code and a human message. */
public record ApiError(String error, String message) {
}
