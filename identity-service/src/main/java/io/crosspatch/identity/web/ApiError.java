package io.crosspatch.identity.web;

import org.jspecify.annotations.Nullable;

/**
 * Every error the service answers: a stable machine-readable code and a message for a person.
 *
 * @param error   the code, e.g. {@code INVALID_HOSTNAME}
 * @param message what went wrong; never echoes the offending input
 */
public record ApiError(String error, @Nullable String message) {
}
