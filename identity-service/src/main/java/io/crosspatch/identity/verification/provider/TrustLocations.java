package io.crosspatch.identity.verification.provider;

import java.net.MalformedURLException;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/**
 * Where a trust anchor is read from: {@code classpath:…}, a URL ({@code file:}, {@code https:}), or — what an
 * operator mounting certificates into a container naturally writes — a plain file path, which Spring's own resource
 * loader would look up on the classpath instead.
 */
final class TrustLocations {

    private static final Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    private TrustLocations() {}

    static Resource resource(String location) {
        String trimmed = location.strip();
        if (trimmed.startsWith("classpath:")) {
            return new ClassPathResource(trimmed.substring("classpath:".length()));
        }
        if (URL_SCHEME.matcher(trimmed).matches()) {
            try {
                return new UrlResource(trimmed);
            } catch (MalformedURLException e) {
                throw new IllegalStateException("not a valid trust anchor location: " + trimmed, e);
            }
        }
        return new FileSystemResource(trimmed);
    }
}
