package io.crosspatch.servicekit.web.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one error body every Crosspatch HTTP API answers, {@code {"error","message"}}: a stable machine-readable code a
 * client can branch on and a message for a person. Controllers, the exception advice, servlet filters and the
 * security entry points all answer with it, so a client reads one shape whichever layer refused it.
 *
 * @param error   the code, e.g. {@code INVALID_HOSTNAME}
 * @param message what went wrong; never echoes the offending input
 */
public record ApiError(String error, String message) {

    /** The message of every 5xx: what failed inside is in the log, never in the answer. */
    public static final String INTERNAL_MESSAGE = "the request could not be completed";

    /** This body with {@code status}. */
    public ResponseEntity<ApiError> withStatus(HttpStatusCode status) {
        return ResponseEntity.status(status).body(this);
    }

    /** The stable code of a status, for errors that carry none of their own. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "INVALID_REQUEST";
        };
    }

    /**
     * The body for a bare status (Spring MVC's own refusals, the container's error page): its code, and its reason
     * phrase as the message — or {@link #INTERNAL_MESSAGE} for a 5xx.
     */
    public static ApiError ofStatus(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        String message =
                status >= 500 ? INTERNAL_MESSAGE : resolved == null ? "invalid request" : resolved.getReasonPhrase();
        return new ApiError(codeOf(status), message);
    }

    /**
     * Writes this body from a servlet filter or a security handler, where no message converter runs. Codes and
     * messages there are constants; quotes and backslashes are escaped all the same, so the body stays JSON.
     */
    public void write(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + escape(error) + "\",\"message\":\"" + escape(message) + "\"}");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
