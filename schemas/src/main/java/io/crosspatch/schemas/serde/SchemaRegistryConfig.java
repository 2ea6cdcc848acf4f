package io.crosspatch.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The serde's settings, read from the Kafka serializer configuration map under Confluent's own property
 * names, so a configuration written for Confluent's serde works unchanged here.
 *
 * @param urls            base URLs of the registry's Confluent-compatible REST API, tried in order
 * @param autoRegister    register the writer's schema on first use (local and test) or only look it up (production)
 * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, if any
 * @param sslContext      TLS trust for an https registry, if a truststore is configured
 * @param requestTimeout  timeout of one registry request
 */
public record SchemaRegistryConfig(
        List<URI> urls,
        boolean autoRegister,
        Optional<String> basicAuthUserInfo,
        Optional<SSLContext> sslContext,
        Duration requestTimeout) {

    public static final String URL = "schema.registry.url";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    /** Reads the settings; fails with a message naming the property when one is missing or wrong. */
    public static SchemaRegistryConfig from(Map<String, ?> configs) {
        Object url = configs.get(URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException(URL + " must be set");
        }
        List<URI> urls = Arrays.stream(url.toString().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
                .toList();
        boolean autoRegister = Boolean.parseBoolean(setting(configs, AUTO_REGISTER, "false"));
        Optional<String> userInfo = Optional.empty();
        Object source = configs.get(BASIC_AUTH_SOURCE);
        if (source != null && "USER_INFO".equalsIgnoreCase(source.toString())) {
            Object info = configs.get(BASIC_AUTH_USER_INFO);
            if (info == null || !info.toString().contains(":")) {
                throw new IllegalArgumentException(
                        BASIC_AUTH_USER_INFO + " must be user:password when " + BASIC_AUTH_SOURCE + "=USER_INFO");
            }
            userInfo = Optional.of(info.toString());
        }
        Duration timeout = Duration.ofMillis(Long.parseLong(setting(configs, REQUEST_TIMEOUT_MS, "10000")));
        return new SchemaRegistryConfig(urls, autoRegister, userInfo, sslContext(configs), timeout);
    }

    private static String setting(Map<String, ?> configs, String name, String defaultValue) {
        Object value = configs.get(name);
        return value == null ? defaultValue : value.toString();
    }

    private static Optional<SSLContext> sslContext(Map<String, ?> configs) {
        Object location = configs.get(TRUSTSTORE_LOCATION);
        if (location == null || location.toString().isBlank()) {
            return Optional.empty();
        }
        Object password = configs.get(TRUSTSTORE_PASSWORD);
        String type = setting(configs, TRUSTSTORE_TYPE, "PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(location.toString()))) {
            KeyStore trustStore = KeyStore.getInstance(type);
            trustStore.load(in, password == null ? null : password.toString().toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot load " + TRUSTSTORE_LOCATION + " " + location + ": " + e.getMessage(), e);
        }
    }
}
