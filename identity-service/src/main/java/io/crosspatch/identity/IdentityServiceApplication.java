package io.crosspatch.identity;

import io.crosspatch.servicekit.cassandra.NettyAllocator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** identity-service: the enrollment ingress VMs call, the verifier of their signed cloud identities, tenant onboarding and the enrollment status view. */
@SpringBootApplication
public class IdentityServiceApplication {

    public static void main(String[] args) {
        NettyAllocator.pinPooledAllocator();
        SpringApplication.run(IdentityServiceApplication.class, args);
    }
}
