package io.crosspatch.launcher;

import java.nio.file.Path;

/** The four services as the local platform runs them: where the build put each jar, and its HTTP port's offset. */
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

    Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
