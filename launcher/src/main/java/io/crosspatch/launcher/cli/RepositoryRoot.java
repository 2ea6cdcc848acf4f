package io.crosspatch.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns the {@code ROOT} argument of the launcher's and bench's commands into the repository's root, and refuses a
 * directory that is not one. The commands find the modules' jars under it; before these checks a mistyped option
 * silently became the root and the failure surfaced minutes later as a missing jar.
 */
public final class RepositoryRoot implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        try {
            return of(Path.of(value));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * {@code directory}, absolute and normalised, if it holds the build's {@code pom.xml} and the launcher module;
     * {@link IllegalArgumentException} otherwise.
     */
    public static Path of(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("launcher"))) {
            throw new IllegalArgumentException("'" + directory + "' is not the Crosspatch repository root "
                    + "(no pom.xml and launcher/ in " + root + ")");
        }
        return root;
    }
}
