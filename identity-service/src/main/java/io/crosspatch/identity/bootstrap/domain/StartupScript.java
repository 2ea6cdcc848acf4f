package io.crosspatch.identity.bootstrap.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The startup script with this deployment's defaults filled in: the server to enroll with (always the configured
 * {@link PublicUrl}) and the GCP token audience. A VM that fetched the script from here needs no options. The
 * audience is filled in only when it is a plain string, because it lands inside a bash string: anything else
 * leaves the placeholder, and the script then asks for {@code --audience} instead of running injected text.
 */
public final class StartupScript {

    static final String SERVER_PLACEHOLDER = "@CROSSPATCH_URL@";
    static final String AUDIENCE_PLACEHOLDER = "@CROSSPATCH_GCP_AUDIENCE@";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9:/._~%+-]{1,512}");

    private final String template;

    public StartupScript(String template) {
        if (!template.contains(SERVER_PLACEHOLDER) || !template.contains(AUDIENCE_PLACEHOLDER)) {
            throw new IllegalArgumentException("the script template lacks its placeholders");
        }
        this.template = template;
    }

    public String render(PublicUrl server, Optional<String> gcpAudience) {
        String script = template.replace(SERVER_PLACEHOLDER, server.value());
        if (gcpAudience.filter(StartupScript::safe).isPresent()) {
            script = script.replace(AUDIENCE_PLACEHOLDER, gcpAudience.get());
        }
        return script;
    }

    private static boolean safe(String value) {
        return SAFE.matcher(value).matches();
    }
}
