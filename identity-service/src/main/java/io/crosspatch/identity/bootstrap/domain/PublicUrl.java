package io.crosspatch.identity.bootstrap.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The URL VMs reach Crosspatch at, as the served startup script names it. It comes from configuration only, never
 * from a request: a forged {@code Host} would otherwise make the script that a VM runs as root enroll with the
 * forger. It must be https, because the enrollment secret and the activation code travel to it and its answers
 * decide what the script installs; plain http is allowed only to loopback (a demo on one machine), where no
 * network lies in between. Its characters are those of a plain URL, because it lands inside a bash string.
 */
public record PublicUrl(String value) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9:/._~%+\\[\\]-]{1,512}");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    public PublicUrl {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("it is not set; name the https URL VMs reach this service at");
        }
        if (!PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("it holds characters a plain URL does not");
        }
        URI uri = parse(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("it must be an https URL with a host and no user, query or fragment");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "plain http is allowed only to loopback (127.0.0.0/8, localhost, [::1]); " + "use https");
        }
        value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("it is not a URL");
        }
    }

    private static boolean loopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost")
                || name.equals("[::1]")
                || LOOPBACK_V4.matcher(name).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
