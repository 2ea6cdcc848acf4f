package io.crosspatch.identity.bootstrap.web;

import io.crosspatch.identity.bootstrap.domain.PublicUrl;
import io.crosspatch.identity.bootstrap.domain.StartupScript;
import io.crosspatch.identity.role.IngressRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@code GET /v1/bootstrap/linux.sh}, so a VM's user data can be one line
 * ({@code curl -fsS <crosspatch>/v1/bootstrap/linux.sh | sudo bash}) and a GCP {@code startup-script-url} can
 * point here. The server URL baked in is {@code crosspatch.identity.public-url} and nothing else: taking it from
 * the request ({@code Host}, {@code X-Forwarded-Host}) would let whoever sends the request choose the server a VM
 * enrolls with as root. The ingress does not start without it, or with a plain-http one that is not loopback.
 */
@RestController
@EnableConfigurationProperties(BootstrapProperties.class)
@IngressRole
class BootstrapScriptController {

    private static final MediaType SHELL_SCRIPT = new MediaType("text", "x-shellscript", StandardCharsets.UTF_8);

    private final StartupScript script;
    private final PublicUrl publicUrl;
    private final Optional<String> gcpAudience;

    public BootstrapScriptController(BootstrapProperties properties) {
        this.script = new StartupScript(load());
        this.publicUrl = publicUrl(properties.publicUrl());
        this.gcpAudience = Optional.of(properties.gcp().audience()).filter(audience -> !audience.isBlank());
    }

    @GetMapping("/v1/bootstrap/linux.sh")
    public ResponseEntity<String> linuxScript() {
        return ResponseEntity.ok().contentType(SHELL_SCRIPT).body(script.render(publicUrl, gcpAudience));
    }

    private static PublicUrl publicUrl(String configured) {
        try {
            return new PublicUrl(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "crosspatch.identity.public-url (CROSSPATCH_IDENTITY_PUBLIC_URL) is invalid: " + e.getMessage());
        }
    }

    private static String load() {
        try (var in = new ClassPathResource("bootstrap/linux.sh").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the startup script is missing from the jar", e);
        }
    }
}
