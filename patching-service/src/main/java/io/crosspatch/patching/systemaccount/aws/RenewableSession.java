package io.crosspatch.patching.systemaccount.aws;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * An assumed-role session that starts over when AWS says it expired. The SDK refreshes a session by its own clock
 * and the expiry AWS gave; when AWS's view differs (clock skew, a revoked session, or the simulator's clock moved a
 * month ahead) every call fails with {@code ExpiredTokenException} until that refresh time. Seeing that error once
 * is enough to assume the role again for the next call; the failed call itself is retried by its sweep.
 */
final class RenewableSession implements AwsCredentialsProvider, ExecutionInterceptor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RenewableSession.class);

    private final String accountId;
    private final Supplier<StsAssumeRoleCredentialsProvider> assume;
    private final AtomicReference<StsAssumeRoleCredentialsProvider> current;

    RenewableSession(String accountId, Supplier<StsAssumeRoleCredentialsProvider> assume) {
        this.accountId = accountId;
        this.assume = assume;
        this.current = new AtomicReference<>(assume.get());
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return Objects.requireNonNull(current.get()).resolveCredentials();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof AwsServiceException failure
                && failure.awsErrorDetails() != null
                && "ExpiredTokenException".equals(failure.awsErrorDetails().errorCode())) {
            log.info(
                    "the session in system account {} expired early by AWS's clock; assuming the role again",
                    accountId);
            current.getAndSet(assume.get()).close();
        }
    }

    @Override
    public void close() {
        Objects.requireNonNull(current.get()).close();
    }
}
