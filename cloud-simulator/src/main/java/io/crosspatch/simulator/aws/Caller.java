package io.crosspatch.simulator.aws;

/**
 * Who signed a request: the account the access key acts in decides which resources the call sees.
 *
 * @param accountId    the 12-digit account the credentials act in
 * @param accessKeyId  the access key that signed the request
 * @param arn          the principal, e.g. {@code arn:aws:iam::111111111111:root} or an assumed-role session
 */
public record Caller(String accountId, String accessKeyId, String arn) {}
