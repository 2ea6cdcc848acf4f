package io.crosspatch.reporting.compliance.web;

import org.jspecify.annotations.Nullable;

/**
 * Every error the API answers: a stable machine-readable code and a human message.
 *
 * @param error   the code, e.g. {@code INSTANCE_NOT_FOUND}
 * @param message what went wrong, for a person
 */
public record ApiError(String error, @Nullable String message) {
}
