package io.crosspatch.simulator.identity.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.identity.CloudIdentity;
import io.crosspatch.simulator.identity.IdentityHttp;
import io.crosspatch.simulator.identity.Ids;
import io.crosspatch.simulator.identity.InvalidRequestException;
import io.crosspatch.simulator.identity.Minting;
import io.crosspatch.simulator.identity.Pki;
import io.crosspatch.simulator.identity.Provider;
import io.crosspatch.simulator.identity.SimulatedVm;
import io.crosspatch.simulator.identity.VmRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * EC2: instances {@code i-…} in an account and region, and the instance metadata service as IMDSv2 with tokens
 * required. The identity document is signed (rsa2048 endpoint: PKCS#7, SHA-256, content attached, no certificates
 * inside) by a certificate per region, which the verifier must already hold; AWS publishes one per region.
 */
public final class AwsCloud implements CloudIdentity {

    /** Regions whose certificates are listed before anyone asks; any other well-formed region works on demand. */
    static final List<String> DEFAULT_REGIONS = List.of(
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
            "eu-west-1",
            "eu-west-2",
            "eu-central-1",
            "eu-north-1",
            "ap-northeast-1",
            "ap-southeast-1",
            "ap-southeast-2",
            "ca-central-1");

    private static final X500Name CERTIFICATE_NAME = new X500Name(
            "CN=Simulated EC2 instance identity, O=Amazon Web Services LLC (Crosspatch simulator), L=Seattle, ST=Washington, C=US");
    private static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
    private static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    private static final int MAX_TOKEN_TTL_SECONDS = 21_600;
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
    private static final String TAGS = "/latest/meta-data/tags/instance";
    private static final ObjectWriter DOCUMENT_WRITER =
            Http.JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final SimClock clock;
    private final String certificateUriTemplate;
    private final Instant validFrom;
    private final Instant validUntil;
    private final Map<String, Pki.Signer> trusted = new ConcurrentHashMap<>();
    private final Map<String, Pki.Signer> foreign = new ConcurrentHashMap<>();
    private final ImdsTokens tokens = new ImdsTokens();

    public AwsCloud(
            SimClock clock, String simulatorUrl, Instant certificatesValidFrom, Instant certificatesValidUntil) {
        this.clock = clock;
        this.certificateUriTemplate = simulatorUrl + SimulatorPaths.awsCertificate("{region}");
        this.validFrom = certificatesValidFrom;
        this.validUntil = certificatesValidUntil;
    }

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    @Override
    public SimulatedVm create(VmRequest request, String vmId, Instant now) {
        request.requireAccountId(ACCOUNT_ID, "an AWS account id (12 digits)");
        String region = request.location(REGION, "eu-west-1", "region must be an AWS region such as eu-west-1");
        String zone = request.body().path("availabilityZone").asText(region + "a");
        if (!zone.matches(Pattern.quote(region) + "[a-z]")) {
            throw new InvalidRequestException(
                    "INVALID_LOCATION", "availabilityZone must be in " + region + ", such as " + region + "a");
        }
        String instanceType = request.body().path("instanceType").asText("t3.micro");
        if (!INSTANCE_TYPE.matcher(instanceType).matches()) {
            throw new InvalidRequestException("INVALID_INSTANCE_TYPE", "instanceType must look like t3.micro");
        }
        Map<String, String> facts = Map.of(
                "availabilityZone",
                zone,
                "instanceType",
                instanceType,
                "architecture",
                instanceType.matches("[a-z]+[0-9]+g[a-z]*\\..*") ? "arm64" : "x86_64",
                "imageId",
                "ami-" + Ids.hex(17),
                "privateIp",
                "10.0." + Integer.parseInt(Ids.digits(2)) + "." + (4 + Integer.parseInt(Ids.digits(2))));
        return new SimulatedVm(
                vmId,
                Provider.AWS,
                request.accountId(),
                "i-" + Ids.hex(17),
                request.instanceName(),
                region,
                request.osFamily(),
                request.osVersion(),
                now,
                request.labels(),
                facts);
    }

    @Override
    public void describe(SimulatedVm vm, String metadataBaseUrl, ObjectNode view) {
        view.put("region", region(vm)).put("availabilityZone", vm.fact("availabilityZone"));
    }

    @Override
    public void metadata(SimulatedVm vm, String path, HttpExchange exchange) throws IOException {
        Instant now = clock.instant();
        if (path.equals("/latest/api/token")) {
            token(vm, exchange, now);
        } else if (!exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 405, "Method Not Allowed");
        } else if (!tokens.valid(IdentityHttp.header(exchange, TOKEN_HEADER), vm.vmId(), now)) {
            answer(exchange, 401, "Unauthorized");
        } else {
            String value = switch (path) {
                case "/latest/dynamic/instance-identity/document" -> document(vm, Minting.genuine(now));
                case "/latest/dynamic/instance-identity/rsa2048" ->
                    rsa2048(document(vm, Minting.genuine(now)), now, false, region(vm));
                case "/latest/meta-data/instance-id" -> vm.instanceId();
                case "/latest/meta-data/instance-type" -> vm.fact("instanceType");
                case "/latest/meta-data/ami-id" -> vm.fact("imageId");
                case "/latest/meta-data/local-ipv4" -> vm.fact("privateIp");
                case "/latest/meta-data/placement/region" -> region(vm);
                case "/latest/meta-data/placement/availability-zone" -> vm.fact("availabilityZone");
                case TAGS -> String.join("\n", vm.labels().keySet());
                default -> path.startsWith(TAGS + "/") ? vm.labels().get(path.substring(TAGS.length() + 1)) : null;
            };
            if (value == null) {
                answer(exchange, 404, "Not Found");
            } else {
                answer(exchange, 200, value);
            }
        }
    }

    private void token(SimulatedVm vm, HttpExchange exchange, Instant now) throws IOException {
        String ttl = IdentityHttp.header(exchange, TTL_HEADER);
        if (!exchange.getRequestMethod().equals("PUT")) {
            answer(exchange, 405, "Method Not Allowed");
        } else if (IdentityHttp.forwarded(exchange)) {
            answer(exchange, 403, "Forbidden");
        } else if (ttl == null
                || !ttl.matches("[0-9]{1,5}")
                || Integer.parseInt(ttl) < 1
                || Integer.parseInt(ttl) > MAX_TOKEN_TTL_SECONDS) {
            answer(exchange, 400, "Bad Request");
        } else {
            exchange.getResponseHeaders().set(TTL_HEADER, ttl);
            answer(exchange, 200, tokens.issue(vm.vmId(), Duration.ofSeconds(Integer.parseInt(ttl)), now));
        }
    }

    /** The identity document as IMDS prints it: pretty-printed JSON with AWS's spacing, fields in AWS's order. */
    private static String document(SimulatedVm vm, Minting minting) {
        ObjectNode document = Http.JSON.createObjectNode();
        document.put("accountId", vm.accountId())
                .put("architecture", vm.fact("architecture"))
                .put("availabilityZone", vm.fact("availabilityZone"))
                .putNull("billingProducts")
                .putNull("devpayProductCodes")
                .putNull("marketplaceProductCodes");
        document.put("imageId", vm.fact("imageId"))
                .put("instanceId", vm.instanceId())
                .put("instanceType", vm.fact("instanceType"))
                .putNull("kernelId");
        document.put(
                        "pendingTime",
                        vm.createdAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("privateIp", vm.fact("privateIp"))
                .putNull("ramdiskId");
        document.put("region", region(vm)).put("version", "2017-09-30");
        try {
            return DOCUMENT_WRITER.writeValueAsString(minting.applyOverrides(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rsa2048 endpoint's answer: base64 of the SignedData in lines of 64, without PEM BEGIN/END lines. */
    private String rsa2048(String document, Instant signingTime, boolean foreignSigner, String certificateRegion) {
        Pki.Signer signer = certificate(foreignSigner ? foreign : trusted, certificateRegion);
        return Pki.base64Lines(
                        Pki.signAttached(document.getBytes(StandardCharsets.UTF_8), signer, List.of(), signingTime))
                .strip();
    }

    private Pki.Signer certificate(Map<String, Pki.Signer> certificates, String region) {
        return certificates.computeIfAbsent(
                region, name -> Pki.selfSigned(CERTIFICATE_NAME, false, validFrom, validUntil));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        Http.text(exchange, status, "text/plain", body);
    }

    @Override
    public void trust(String path, HttpExchange exchange) throws IOException {
        String region = path.startsWith("/certificates/") && path.endsWith(".pem")
                ? path.substring("/certificates/".length(), path.length() - ".pem".length())
                : null;
        if (!exchange.getRequestMethod().equals("GET")) {
            Http.error(exchange, 405, "METHOD_NOT_ALLOWED", "trust anchors are read with GET");
        } else if (path.equals("/certificates")) {
            Http.json(
                    exchange,
                    200,
                    Http.JSON.createObjectNode().set("regions", anchors().get("regions")));
        } else if (region != null && REGION.matcher(region).matches()) {
            Http.text(
                    exchange,
                    200,
                    "application/x-pem-file",
                    Pki.pem(certificate(trusted, region).certificate()));
        } else {
            Http.error(
                    exchange,
                    404,
                    "NOT_FOUND",
                    "AWS publishes GET /_sim/trust/aws/certificates/{region}.pem for a region such as eu-west-1");
        }
    }

    @Override
    public ObjectNode anchors() {
        ObjectNode anchors = Http.JSON.createObjectNode().put("certificateUriTemplate", certificateUriTemplate);
        TreeSet<String> regions = new TreeSet<>(DEFAULT_REGIONS);
        regions.addAll(trusted.keySet());
        regions.forEach(anchors.putArray("regions")::add);
        return anchors;
    }

    /** Body: {@code certificateRegion} (whose certificate signs; default the VM's region). Answers the document and its rsa2048 PKCS#7. */
    @Override
    public ObjectNode forge(SimulatedVm vm, Minting minting, JsonNode body) {
        String certificateRegion = body.path("certificateRegion").asText(region(vm));
        if (!REGION.matcher(certificateRegion).matches()) {
            throw new InvalidRequestException(
                    "INVALID_LOCATION", "certificateRegion must be an AWS region such as eu-west-1");
        }
        String document = document(vm, minting);
        return Http.JSON
                .createObjectNode()
                .put("document", document)
                .put("pkcs7", rsa2048(document, minting.issuedAt(), minting.foreignSigner(), certificateRegion));
    }

    /** An EC2 instance always has a region: {@link #create} gives every VM of this cloud one. */
    private static String region(SimulatedVm vm) {
        return Objects.requireNonNull(vm.location(), () -> "EC2 instance " + vm.vmId() + " has no region");
    }
}
