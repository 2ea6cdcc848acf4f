package io.crosspatch.account.vending.web;

import org.jspecify.annotations.Nullable;

/** The JSON error body of every operator endpoint: a stable machine-readable code and a human message. */
public record ApiError(String error, @Nullable String message) {
}
