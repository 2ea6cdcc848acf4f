package io.crosspatch.reporting.compliance.application;

/** No instance with this id in the tenant. Says nothing about other tenants. */
public class InstanceNotFoundException extends RuntimeException {

    public InstanceNotFoundException(String instanceId) {
        super("no instance " + instanceId + " in this tenant");
    }
}
