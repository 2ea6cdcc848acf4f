package io.crosspatch.identity.bootstrap.web;

import io.crosspatch.identity.bootstrap.domain.StartupScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves {@code GET /v1/bootstrap/linux.sh}, so a VM's user data can be one line
 * ({@code curl -fsS <crosspatch>/v1/bootstrap/linux.sh | sudo bash}) and a GCP {@code startup-script-url} can
 * point here. The server URL baked in is {@code crosspatch.identity.public-url} when set (behind a proxy or load
 * balancer), else the URL this request came to.
 */
@RestController
@ConditionalOnProperty(name = "crosspatch.identity.ingress.enabled", havingValue = "true", matchIfMissing = true)
public class BootstrapScriptController {

    private static final MediaType SHELL_SCRIPT = new MediaType("text", "x-shellscript", StandardCharsets.UTF_8);

    private final StartupScript script;
    private final Optional<String> publicUrl;
    private final Optional<String> gcpAudience;

    public BootstrapScriptController(@Value("${crosspatch.identity.public-url:}") String publicUrl,
            @Value("${crosspatch.identity.gcp.audience:}") String gcpAudience) {
        this.script = new StartupScript(load());
        this.publicUrl = Optional.of(publicUrl).filter(url -> !url.isBlank());
        this.gcpAudience = Optional.of(gcpAudience).filter(audience -> !audience.isBlank());
    }

    @GetMapping("/v1/bootstrap/linux.sh")
    public ResponseEntity<String> linuxScript() {
        String server = publicUrl.orElseGet(() -> ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return ResponseEntity.ok().contentType(SHELL_SCRIPT).body(script.render(Optional.of(server), gcpAudience));
    }

    private static String load() {
        try (var in = new ClassPathResource("bootstrap/linux.sh").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the startup script is missing from the jar", e);
        }
    }
}
