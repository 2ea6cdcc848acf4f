package io.crosspatch.launcher.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * What one service really reads, from its sources: the {@code ${NAME:default}} placeholders and the property keys
 * of its {@code application*.yml} (and what they import) and of service-kit's {@code crosspatch-defaults.yml}, and
 * the components of its {@code @ConfigurationProperties} records, and the fields of a shared properties type a
 * {@code @Bean @ConfigurationProperties(PREFIX)} method binds under a prefix constant of the same file. An
 * environment variable is declared when it is one of those placeholders, or when it is one of those properties
 * spelled in Crosspatch's one naming scheme for
 * environment variables (upper case, {@code .} and {@code -} → {@code _}, list indexes as {@code _0}; Spring's
 * relaxed binding would also take dashes dropped, the scheme does not); a record component declared in the same file
 * is followed into its own components, and any other map, list or type accepts itself (a list as comma-separated
 * values) and any key below it. A few names are read by something other than Spring's binder and are listed with
 * the reason ({@link #isReadOutsideSpring}).
 */
final class DeclaredSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PROPERTIES_RECORD = Pattern.compile(
            "@ConfigurationProperties\\((?:prefix\\s*=\\s*)?\"([^\"]+)\"\\)\\s*(?:public\\s+)?record\\s+\\w+\\s*\\((.*?)\\)\\s*\\{",
            Pattern.DOTALL);
    private static final Set<String> SCALARS = Set.of(
            "String",
            "int",
            "long",
            "double",
            "boolean",
            "Integer",
            "Long",
            "Double",
            "Boolean",
            "Short",
            "Duration",
            "URI",
            "URL");
    private static final Pattern NESTED_RECORD =
            Pattern.compile("\\brecord\\s+(\\w+)\\s*\\((.*?)\\)\\s*\\{", Pattern.DOTALL);
    private static final Pattern LIST_OF = Pattern.compile("List<(\\w+)>");
    /** {@code @Bean @ConfigurationProperties(PREFIX) SomeProperties name()}: a shared properties type bound here. */
    private static final Pattern PROPERTIES_BEAN =
            Pattern.compile("@ConfigurationProperties\\((\\w+)\\)\\s*(?:public\\s+)?(\\w+)\\s+\\w+\\s*\\(");

    private static final Pattern STRING_CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"\\s*;");
    private static final Pattern BEAN_FIELD =
            Pattern.compile("private\\s+(?:@Nullable\\s+)?([\\w<>]+)\\s+(\\w+)\\s*(?:=[^;]*)?;");

    private final String module;
    private final Set<String> placeholders = new TreeSet<>();
    /** property (with {@code [*]} / trailing {@code .*}) → its environment-variable pattern. */
    private final Map<String, Pattern> properties = new LinkedHashMap<>();

    /** class name → its instance fields as {@code "Type name"}, for properties types that are JavaBeans. */
    private final Map<String, List<String>> beanFields = new LinkedHashMap<>();

    private final Set<String> profiles = new TreeSet<>();
    private final boolean usesAwsDefaultCredentials;

    private DeclaredSettings(String module, boolean usesAwsDefaultCredentials) {
        this.module = module;
        this.usesAwsDefaultCredentials = usesAwsDefaultCredentials;
    }

    static DeclaredSettings of(Path repositoryRoot, String module) {
        Path resources = repositoryRoot.resolve(module).resolve("src/main/resources");
        Path sources = repositoryRoot.resolve(module).resolve("src/main/java");
        Path serviceKit = repositoryRoot.resolve("service-kit/src/main");
        DeclaredSettings settings =
                new DeclaredSettings(module, anyFileContains(sources, "DefaultCredentialsProvider"));
        settings.readYaml(serviceKit.resolve("resources/crosspatch-defaults.yml"));
        for (Path yaml : list(resources, "application", ".yml")) {
            settings.readYaml(yaml);
            String name = yaml.getFileName().toString();
            if (name.startsWith("application-")) {
                settings.profiles.add(name.substring("application-".length(), name.length() - ".yml".length()));
            }
        }
        settings.readConfigurationProperties(serviceKit.resolve("java"));
        settings.readConfigurationProperties(sources);
        return settings;
    }

    /** The variables of {@code environment} that this service does not read. */
    Set<String> undeclared(Set<String> environment) {
        Set<String> undeclared = new TreeSet<>();
        for (String variable : environment) {
            if (!placeholders.contains(variable)
                    && !isReadOutsideSpring(variable)
                    && properties.values().stream()
                            .noneMatch(pattern -> pattern.matcher(variable).matches())) {
                undeclared.add(variable);
            }
        }
        return undeclared;
    }

    /** The Spring profiles this service has an {@code application-<profile>.yml} for. */
    Set<String> profiles() {
        return profiles;
    }

    String module() {
        return module;
    }

    /**
     * Names read by something other than Spring's binder of this service's properties: Spring Boot's own
     * {@code spring.profiles.active} (its profiles are checked separately), and the AWS SDK's default credential
     * chain where the service builds its clients with it.
     */
    private boolean isReadOutsideSpring(String variable) {
        if (variable.equals("SPRING_PROFILES_ACTIVE")) {
            return true;
        }
        return usesAwsDefaultCredentials
                && Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
                        .contains(variable);
    }

    private void readYaml(Path file) {
        String text = read(file);
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        for (Object document : new Yaml().loadAll(text)) {
            if (document instanceof Map<?, ?> map) {
                flatten("", map);
                Object imports = path(map, "spring", "config", "import");
                if (imports instanceof String location && location.startsWith("classpath:")) {
                    readYaml(file.resolveSibling(location.substring("classpath:".length())));
                }
            }
        }
    }

    private void flatten(String prefix, Map<?, ?> map) {
        map.forEach((key, value) -> {
            String property = prefix.isEmpty() ? key.toString() : prefix + "." + key;
            if (property.contains("[")) {
                return;
            }
            if (value instanceof Map<?, ?> children) {
                flatten(property, children);
            } else {
                declare(property);
            }
        });
    }

    private void readConfigurationProperties(Path sources) {
        for (Path java : list(sources, "", ".java")) {
            String source = read(java);
            Map<String, List<String>> nested = new LinkedHashMap<>();
            Matcher anyRecord = NESTED_RECORD.matcher(source);
            while (anyRecord.find()) {
                nested.put(anyRecord.group(1), components(anyRecord.group(2)));
            }
            Matcher record = PROPERTIES_RECORD.matcher(source);
            while (record.find()) {
                declareComponents(record.group(1), components(record.group(2)), nested);
            }
            List<String> fields = new ArrayList<>();
            Matcher field = BEAN_FIELD.matcher(source);
            while (field.find()) {
                fields.add(field.group(1) + " " + field.group(2));
            }
            String className = java.getFileName().toString().replace(".java", "");
            beanFields.put(className, fields);
            Map<String, String> constants = new LinkedHashMap<>();
            Matcher constant = STRING_CONSTANT.matcher(source);
            while (constant.find()) {
                constants.put(constant.group(1), constant.group(2));
            }
            Matcher bean = PROPERTIES_BEAN.matcher(source);
            while (bean.find()) {
                String prefix = constants.get(bean.group(1));
                List<String> beanType = beanFields.get(bean.group(2));
                if (prefix != null && beanType != null) {
                    declareComponents(prefix, beanType, nested);
                }
            }
        }
    }

    /**
     * Declares each component under {@code prefix}: scalars exactly, records declared in the same file by descending
     * into them (a {@code List} of such records with a list index), and anything else (maps, lists, foreign types)
     * with any key below it.
     */
    private void declareComponents(String prefix, List<String> components, Map<String, List<String>> nested) {
        for (String component : components) {
            String[] parts = component.trim().split("\\s+");
            String type = String.join(" ", List.of(parts).subList(0, parts.length - 1));
            String property = prefix + "." + kebab(parts[parts.length - 1]);
            Matcher list = LIST_OF.matcher(type);
            if (SCALARS.contains(type)) {
                declare(property);
            } else if (nested.containsKey(type)) {
                declareComponents(property, nested.get(type), nested);
            } else if (list.matches() && nested.containsKey(list.group(1))) {
                declareComponents(property + "[*]", nested.get(list.group(1)), nested);
            } else {
                declare(property + ".*");
            }
        }
    }

    private void declare(String property) {
        properties.put(property, environmentPattern(property));
    }

    /** The environment variable of a property in Crosspatch's naming scheme, as a pattern over the variable's name. */
    static Pattern environmentPattern(String property) {
        boolean open = property.endsWith(".*");
        String path = open ? property.substring(0, property.length() - 2) : property;
        StringBuilder regex = new StringBuilder();
        for (String segment : path.split("\\.")) {
            if (!regex.isEmpty()) {
                regex.append('_');
            }
            boolean indexed = segment.endsWith("[*]");
            String name = indexed ? segment.substring(0, segment.length() - 3) : segment;
            regex.append(Pattern.quote(name.replace("-", "_").toUpperCase()));
            if (indexed) {
                regex.append("_\\d+");
            }
        }
        if (open) {
            regex.append("(_[A-Z0-9]+)*");
        }
        return Pattern.compile(regex.toString());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** Record components, split at the commas outside generic brackets. */
    private static List<String> components(String parameters) {
        List<String> components = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : parameters.toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                components.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            components.add(current.toString());
        }
        return components.stream()
                .map(component ->
                        component.replaceAll("@\\w+(\\([^)]*\\))?", "").trim())
                .toList();
    }

    private static Object path(Map<?, ?> map, String... keys) {
        Object value = map;
        for (String key : keys) {
            value = value instanceof Map<?, ?> inner ? inner.get(key) : null;
        }
        return value;
    }

    private static boolean anyFileContains(Path dir, String text) {
        return list(dir, "", ".java").stream().anyMatch(file -> read(file).contains(text));
    }

    private static List<Path> list(Path dir, String prefix, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(prefix) && name.endsWith(suffix);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
