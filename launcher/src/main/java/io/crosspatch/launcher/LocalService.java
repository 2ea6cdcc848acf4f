package io.crosspatch.launcher;

import java.nio.file.Path;

/** The four services as the local platform runs them: where the build put each jar, and its HTTP port. */
enum LocalService {
    IDENTITY("identity-service", 8080),
    ACCOUNT("account-service", 8082),
    PATCHING("patching-service", 8083),
    REPORTING("reporting-service", 8084);

    private final String module;
    private final int port;

    LocalService(String module, int port) {
        this.module = module;
        this.port = port;
    }

    String module() {
        return module;
    }

    int port() {
        return port;
    }

    Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
