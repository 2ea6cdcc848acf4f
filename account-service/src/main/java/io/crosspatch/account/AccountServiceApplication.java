package io.crosspatch.account;

import io.crosspatch.servicekit.cassandra.NettyAllocator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** account-service: one AWS system account per customer cloud account, created once with AWS Organizations and made usable. */
@SpringBootApplication
public class AccountServiceApplication {

    public static void main(String[] args) {
        NettyAllocator.pinPooledAllocator();
        SpringApplication.run(AccountServiceApplication.class, args);
    }
}
