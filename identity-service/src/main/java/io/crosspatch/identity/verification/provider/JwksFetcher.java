package io.crosspatch.identity.verification.provider;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a JWKS over HTTP(S), bounded: a connect timeout, a deadline on the whole exchange (headers and body, so a
 * server trickling bytes cannot hold a verification thread), a size limit (the body is dropped as soon as it passes
 * it) and no redirects. Anything but a {@code 200} with a parseable key set within those bounds is a
 * {@link JwksUnavailableException}.
 */
final class JwksFetcher {

    /** The JWKS endpoint could not be read or did not answer a key set. */
    static final class JwksUnavailableException extends Exception {
        JwksUnavailableException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final JwksProperties limits;

    JwksFetcher(JwksProperties limits) {
        this.limits = limits;
        this.http = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    JWKSet fetch(URI uri) throws JwksUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(limits.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(
                request,
                info -> info.statusCode() == 200
                        ? new LimitedBody(limits.maxBytes())
                        : HttpResponse.BodySubscribers.replacing(null));
        try {
            HttpResponse<byte[]> response = exchange.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new JwksUnavailableException(uri + " answered " + response.statusCode(), null);
            }
            return JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new JwksUnavailableException(uri + " did not answer within " + limits.readTimeout(), e);
        } catch (ExecutionException e) {
            throw new JwksUnavailableException("cannot read " + uri + ": " + e.getCause(), e.getCause());
        } catch (ParseException e) {
            throw new JwksUnavailableException(uri + " did not answer a JWKS: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new JwksUnavailableException("interrupted while reading " + uri, e);
        }
    }

    /** Collects a body of at most {@code maxBytes}; a longer one fails the exchange and is not read further. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int maxBytes;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        // Set by onSubscribe, which the HTTP client calls before any other method of a subscriber.
        @SuppressWarnings("NullAway.Init")
        private Flow.Subscription subscription;

        LimitedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the JWKS is larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
