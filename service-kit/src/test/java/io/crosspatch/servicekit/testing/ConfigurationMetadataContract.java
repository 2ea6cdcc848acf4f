package io.crosspatch.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every service's configuration must show: each {@code crosspatch.*} property in the
 * {@code META-INF/spring-configuration-metadata.json} the configuration processor writes from the
 * {@code @ConfigurationProperties} records (the service's own and service-kit's) has a description — the
 * record component's Javadoc — and a row in {@code docs/configuration.md} with its environment variable; and every
 * property that file lists under one of the service's own prefixes still exists. A service's test extends this and
 * names its prefixes. Nothing starts: it reads the compiled metadata on the test class path.
 *
 * <p>A property a service binds with a type of service-kit's (the bearer-token settings, {@code BearerTokenProperties})
 * takes its description from that type's source metadata, {@code META-INF/spring/configuration-metadata/<type>.json},
 * which the configuration processor writes for every {@code @ConfigurationPropertiesSource} type. The processor of the
 * service would copy it into the service's own file, but javac 17 cannot read a resource under {@code META-INF} of a
 * jar on the class path, so the entry there names its source type only and the two are joined here.
 */
public abstract class ConfigurationMetadataContract {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String SOURCE_METADATA = "META-INF/spring/configuration-metadata/%s.json";
    private static final Pattern DOCUMENTED_PROPERTY = Pattern.compile("`(crosspatch\\.[a-z0-9.-]+)`");

    /** The prefixes only this service's records bind, e.g. {@code crosspatch.identity.}. */
    protected abstract Set<String> ownPrefixes();

    @Test
    void shouldFindThisServicesOwnPropertiesInTheMetadata() {
        for (String prefix : ownPrefixes()) {
            assertThat(properties().keySet())
                    .as("properties under %s in %s", prefix, METADATA)
                    .anyMatch(name -> name.startsWith(prefix));
        }
    }

    @Test
    void shouldDescribeEveryProperty() {
        Set<String> undescribed = new TreeSet<>();
        properties().forEach((name, description) -> {
            if (description.isBlank()) {
                undescribed.add(name);
            }
        });
        assertThat(undescribed)
                .as("properties without a Javadoc on their record component")
                .isEmpty();
    }

    @Test
    void shouldListEveryPropertyAndItsEnvironmentVariableInTheConfigurationDocument() {
        String docs = configurationDocument();
        Set<String> missing = new TreeSet<>();
        for (String name : properties().keySet()) {
            if (!docs.contains("`" + name + "`") || !docs.contains("`" + environmentVariable(name))) {
                missing.add(name + " (" + environmentVariable(name) + ")");
            }
        }
        assertThat(missing).as("properties missing from docs/configuration.md").isEmpty();
    }

    @Test
    void shouldDocumentNoPropertyOfThisServiceThatDoesNotExist() {
        Matcher documented = DOCUMENTED_PROPERTY.matcher(configurationDocument());
        Set<String> stale = new TreeSet<>();
        while (documented.find()) {
            String name = documented.group(1);
            if (ownPrefixes().stream().anyMatch(name::startsWith)
                    && !properties().containsKey(name)) {
                stale.add(name);
            }
        }
        assertThat(stale)
                .as("properties docs/configuration.md lists that no record binds")
                .isEmpty();
    }

    /** The scheme of every Crosspatch setting: upper case, {@code .} and {@code -} as {@code _}. */
    public static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Every {@code crosspatch.*} property of the metadata on the class path, with its description ("" if none). */
    public static Map<String, String> properties() {
        Map<String, String> properties = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL resource : resources()) {
            try (InputStream in = resource.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("crosspatch.")) {
                        String description = property.path("description").asText("");
                        if (description.isBlank()) {
                            description = sourceDescription(
                                    json, property.path("sourceType").asText(""), name);
                        }
                        properties.merge(name, description, (a, b) -> a.isBlank() ? b : a);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return properties;
    }

    /** The description {@code sourceType}'s own metadata gives the property {@code name} ends with; "" if none. */
    private static String sourceDescription(ObjectMapper json, String sourceType, String name) {
        if (sourceType.isEmpty()) {
            return "";
        }
        for (URL resource : resources(SOURCE_METADATA.formatted(sourceType))) {
            try (InputStream in = resource.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    if (name.endsWith("." + property.path("name").asText())) {
                        return property.path("description").asText("");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return "";
    }

    private static List<URL> resources() {
        return resources(METADATA);
    }

    private static List<URL> resources(String path) {
        try {
            return Collections.list(
                    ConfigurationMetadataContract.class.getClassLoader().getResources(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String configurationDocument() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/configuration.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory holding docs/configuration.md").isNotNull();
        try {
            return Files.readString(dir.resolve("docs/configuration.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
