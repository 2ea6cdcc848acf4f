package io.crosspatch.simulator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.auth.SigV4Verifier;
import io.crosspatch.simulator.control.CallLog;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.control.TrafficControl;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The AWS wire protocols at {@code POST /}: authenticate the SigV4 signature, tell JSON 1.1 ({@code X-Amz-Target})
 * from Query ({@code Action=} form), count the call, let traffic control throttle or fail it, run the operation
 * and answer in the protocol's success or error shape.
 */
public final class AwsProtocolRoute implements Route {

    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

    private final AwsOperations operations;
    private final SigV4Verifier verifier;
    private final CallLog calls;
    private final TrafficControl traffic;
    private final SimClock clock;

    public AwsProtocolRoute(
            AwsOperations operations, SigV4Verifier verifier, CallLog calls, TrafficControl traffic, SimClock clock) {
        this.operations = operations;
        this.verifier = verifier;
        this.calls = calls;
        this.traffic = traffic;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        byte[] body = Http.body(exchange);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        boolean json = target != null;
        String requestId = UUID.randomUUID().toString();
        String service = null;
        try {
            SigV4Verifier.Verified signature = verifier.verify(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    name -> exchange.getRequestHeaders().getFirst(name),
                    body,
                    clock.instant());
            Caller caller = new Caller(
                    signature.credentials().accountId(),
                    signature.credentials().accessKeyId(),
                    signature.credentials().arn());
            if (json) {
                int dot = target.lastIndexOf('.');
                service = operations
                        .serviceForTargetPrefix(dot < 0 ? target : target.substring(0, dot))
                        .orElseThrow(
                                () -> new AwsException("UnknownOperationException", 400, "unknown target " + target));
                String operation = target.substring(dot + 1);
                calls.record(caller.accountId(), service, operation);
                JsonOperation handler = operations
                        .json(service, operation)
                        .orElseThrow(() ->
                                new AwsException("UnknownOperationException", 400, operation + " is not simulated"));
                traffic.admit(caller.accountId(), service, operation);
                JsonNode request = body.length == 0 ? Http.JSON.createObjectNode() : Http.JSON.readTree(body);
                JsonNode response =
                        handler.handle(new AwsCall(service, operation, caller, signature.region(), request, Map.of()));
                respondJson(exchange, requestId, response);
            } else {
                service = signature.service();
                Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
                String action = form.get("Action");
                if (action == null) {
                    throw new AwsException("MissingAction", 400, "Missing Action");
                }
                calls.record(caller.accountId(), service, action);
                QueryOperation handler = operations
                        .query(service, action)
                        .orElseThrow(() -> new AwsException("InvalidAction", 400, action + " is not simulated"));
                traffic.admit(caller.accountId(), service, action);
                String result = handler.handle(
                        new AwsCall(service, action, caller, signature.region(), Http.JSON.createObjectNode(), form));
                respondQuery(exchange, service, action, requestId, result);
            }
        } catch (AwsException e) {
            if (json) {
                respondJsonError(exchange, requestId, e);
            } else {
                respondQueryError(exchange, service, requestId, e);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            AwsException malformed = new AwsException("SerializationException", 400, "malformed JSON body");
            respondJsonError(exchange, requestId, malformed);
        }
    }

    private static void respondJson(HttpExchange exchange, String requestId, JsonNode response) throws Exception {
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        Http.send(exchange, 200, JSON_CONTENT_TYPE, Http.JSON.writeValueAsBytes(response));
    }

    private static void respondJsonError(HttpExchange exchange, String requestId, AwsException error) throws Exception {
        ObjectNode body =
                Http.JSON.createObjectNode().put("__type", error.code()).put("message", error.getMessage());
        error.extraFields().forEach(body::put);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.code());
        Http.send(exchange, error.status(), JSON_CONTENT_TYPE, Http.JSON.writeValueAsBytes(body));
    }

    private void respondQuery(HttpExchange exchange, String service, String action, String requestId, String result)
            throws Exception {
        String xml = "<" + action + "Response xmlns=\"" + operations.xmlNamespace(service) + "\">"
                + "<" + action + "Result>" + result + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>"
                + "</" + action + "Response>";
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        Http.text(exchange, 200, "text/xml", xml);
    }

    private void respondQueryError(
            HttpExchange exchange, @Nullable String service, String requestId, AwsException error) throws Exception {
        String namespace =
                service == null ? "https://sts.amazonaws.com/doc/2011-06-15/" : operations.xmlNamespace(service);
        String xml = "<ErrorResponse xmlns=\"" + namespace + "\"><Error>"
                + "<Type>" + (error.senderFault() ? "Sender" : "Receiver") + "</Type>"
                + "<Code>" + Xml.escape(error.code()) + "</Code>"
                + "<Message>" + Xml.escape(String.valueOf(error.getMessage())) + "</Message>"
                + "</Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        Http.text(exchange, error.status(), "text/xml", xml);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }
}
