package io.crosspatch.patching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** patching-service: reconciles SSM Patch Manager in each system account, issues activations, watches registrations and collects patch compliance. */
@SpringBootApplication
public class PatchingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PatchingServiceApplication.class, args);
    }
}
