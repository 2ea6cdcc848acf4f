package io.crosspatch.launcher;

import java.nio.file.Path;

/**
 * The four services as the local platform runs them: where the build put each runnable jar, its HTTP port's offset,
 * and its management port (actuator), which is the HTTP port plus 1000 as in every deployment.
 */
public enum LocalService {
    IDENTITY("identity-service", 0),
    ACCOUNT("account-service", 2),
    PATCHING("patching-service", 3),
    REPORTING("reporting-service", 4);

    private final String module;
    private final int portOffset;

    LocalService(String module, int portOffset) {
        this.module = module;
        this.portOffset = portOffset;
    }

    public String module() {
        return module;
    }

    /** The service's port when the platform's services start at {@code firstPort} (8080 by default). */
    int port(int firstPort) {
        return firstPort + portOffset;
    }

    /** The service's management port (health, probes, Prometheus), never the public one. */
    int managementPort(int firstPort) {
        return port(firstPort) + 1000;
    }

    /**
     * The Spring Boot executable jar, {@code <module>/target/<module>-exec.jar}: the build attaches it with the {@code
     * exec} classifier, beside the plain jar of the service's classes that the component benchmarks depend on.
     */
    Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }
}
