package io.crosspatch.patching;

import io.crosspatch.servicekit.cassandra.NettyAllocator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** patching-service: reconciles SSM Patch Manager in each system account, issues activations, watches registrations and collects patch compliance. */
@SpringBootApplication
@EnableScheduling
public class PatchingServiceApplication {

    public static void main(String[] args) {
        NettyAllocator.pinPooledAllocator();
        SpringApplication.run(PatchingServiceApplication.class, args);
    }
}
