package io.crosspatch.patching.systemaccount.domain;

/** An activation as DescribeActivations reports it: whether it expired and how often it was used. */
public record ActivationStatus(String activationId, boolean expired, int registrations) {}
