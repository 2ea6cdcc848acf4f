package io.crosspatch.reporting;

import io.crosspatch.servicekit.cassandra.NettyAllocator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** reporting-service: the Cassandra read model of patch compliance, the tenant-scoped reporting API and the dashboard. */
@SpringBootApplication
public class ReportingServiceApplication {

    public static void main(String[] args) {
        NettyAllocator.pinPooledAllocator();
        SpringApplication.run(ReportingServiceApplication.class, args);
    }
}
