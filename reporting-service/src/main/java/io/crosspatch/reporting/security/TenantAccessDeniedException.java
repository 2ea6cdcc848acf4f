package io.crosspatch.reporting.security;

/**
 * The caller asked for a tenant it does not belong to. Answered 403 whether or not the tenant or the asked-for
 * instance exists, so the answer tells nothing about other tenants.
 */
public class TenantAccessDeniedException extends RuntimeException {

    public TenantAccessDeniedException() {
        super("this token does not grant access to that tenant");
    }
}
