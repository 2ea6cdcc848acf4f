package io.crosspatch.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SharedSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Small factories and HTTP helpers for the identity tests: simulated VMs made through {@code POST /_sim/vms}, the
 * endpoints called with java.net.http the way a startup script calls them with curl, and a JWT verifier set up
 * the way identity-service sets one up (pinned JWKS, allow-listed algorithm, exact audience, issuer).
 */
final class IdentityFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CloudSimulator foreign;

    private IdentityFixtures() {}

    static String simulator() {
        return SharedSimulator.endpoint().toString();
    }

    /** A second simulator: its keys and certificates are the "foreign anchors" of a real attacker's own cloud. */
    static synchronized CloudSimulator foreignSimulator() {
        if (foreign == null) {
            foreign = CloudSimulator.start(SimulatorConfig.defaults().rateLimitsEnabled(false));
            Runtime.getRuntime().addShutdownHook(new Thread(foreign::close));
        }
        return foreign;
    }

    static JsonNode anyGcpVm() {
        return createVm(simulator(), """
                {"provider":"gcp","accountId":"%s","instanceName":"web-1","zone":"europe-west1-b",
                 "osFamily":"ubuntu","osVersion":"22.04","labels":{"crosspatch-patching":"true"}}""".formatted(anyProjectId()));
    }

    static JsonNode anyAzureVm() {
        return createVm(simulator(), """
                {"provider":"azure","accountId":"%s","instanceName":"web-1","region":"westeurope","osFamily":"ubuntu",
                 "labels":{"crosspatch-patchgroup":"early"}}""".formatted(UUID.randomUUID()));
    }

    static JsonNode anyAwsVm() {
        return createVm(simulator(), """
                {"provider":"aws","accountId":"%s","instanceName":"web-1","region":"eu-west-1","osFamily":"amazonlinux2",
                 "osVersion":"2","labels":{"crosspatch-patching":"true"}}""".formatted(anyAwsAccountId()));
    }

    static JsonNode anyVmwareVm(String orgId) {
        return createVm(simulator(), """
                {"provider":"vmware","accountId":"%s","instanceName":"db-7","osFamily":"rhel","osVersion":"9.3"}""".formatted(orgId));
    }

    static String anyProjectId() {
        return "proj-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static String anyAwsAccountId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    static String anyOrgId() {
        return "vc-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static JsonNode createVm(String simulator, String body) {
        HttpResponse<String> response = send("POST", simulator + SimulatorPaths.VMS, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    static JsonNode forge(String provider, String body) {
        HttpResponse<String> response = send("POST", simulator() + SimulatorPaths.FORGE + "/" + provider, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static HttpResponse<String> get(String url, String... headers) {
        return send("GET", url, null, headers);
    }

    static HttpResponse<String> send(String method, String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a 200 answer. */
    static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    static JWKSet jwks(String url) throws Exception {
        return JWKSet.parse(ok(get(url)));
    }

    /**
     * Verifies a JWT as identity-service would: signature by a key of {@code jwks} with {@code algorithm} only, exact
     * issuer and audience, exp/nbf checked at the simulator's time (its clock may have been advanced by other tests).
     */
    static JWTClaimsSet verifyJwt(String token, JWKSet jwks, JWSAlgorithm algorithm, String issuer, String audience)
            throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(
                new DefaultJWTClaimsVerifier<>(
                        audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp")) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(SharedSimulator.get().clock().instant());
                    }
                });
        return processor.process(token, null);
    }
}
