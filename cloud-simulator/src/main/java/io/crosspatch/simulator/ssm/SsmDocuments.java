package io.crosspatch.simulator.ssm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS-owned SSM documents Crosspatch uses, with the parameters each declares and, where the document restricts
 * them, their allowed values. Associations are checked against this catalogue (InvalidDocument, InvalidParameters).
 */
final class SsmDocuments {

    private static final Set<String> ENABLED_DISABLED = Set.of("Enabled", "Disabled");
    private static final Map<String, Map<String, Set<String>>> DOCUMENTS = Map.of(
            "AWS-GatherSoftwareInventory",
                    Map.ofEntries(
                            Map.entry("applications", ENABLED_DISABLED),
                            Map.entry("awsComponents", ENABLED_DISABLED),
                            Map.entry("billingInfo", ENABLED_DISABLED),
                            Map.entry("customInventory", ENABLED_DISABLED),
                            Map.entry("files", Set.of()),
                            Map.entry("instanceDetailedInformation", ENABLED_DISABLED),
                            Map.entry("networkConfig", ENABLED_DISABLED),
                            Map.entry("services", ENABLED_DISABLED),
                            Map.entry("windowsRegistry", Set.of()),
                            Map.entry("windowsRoles", ENABLED_DISABLED),
                            Map.entry("windowsUpdates", ENABLED_DISABLED)),
            "AWS-RunPatchBaseline",
                    Map.of(
                            "Operation",
                            Set.of("Scan", "Install"),
                            "RebootOption",
                            Set.of("RebootIfNeeded", "NoReboot"),
                            "SnapshotId",
                            Set.of(),
                            "InstallOverrideList",
                            Set.of(),
                            "BaselineOverride",
                            Set.of(),
                            "AssociationId",
                            Set.of()),
            "AWS-UpdateSSMAgent", Map.of("version", Set.of(), "allowDowngrade", Set.of("true", "false")),
            "AWS-RunShellScript",
                    Map.of("commands", Set.of(), "workingDirectory", Set.of(), "executionTimeout", Set.of()),
            "AWS-RunPowerShellScript",
                    Map.of("commands", Set.of(), "workingDirectory", Set.of(), "executionTimeout", Set.of()));

    private SsmDocuments() {}

    /** The document's name when it is known, for a name or a document ARN ({@code arn:…:document/NAME}). */
    static Optional<String> find(String nameOrArn) {
        String name = nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
        return DOCUMENTS.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /** The first problem with the parameters given for a document, if any; {@code document} is a name {@link #find} gave. */
    static Optional<String> problem(String document, Map<String, List<String>> parameters) {
        Map<String, Set<String>> declared =
                Objects.requireNonNull(DOCUMENTS.get(document), () -> "not a known document: " + document);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            Set<String> allowed = declared.get(parameter.getKey());
            if (allowed == null) {
                return Optional.of("Parameter " + parameter.getKey() + " isn't defined in document " + document + ".");
            }
            Optional<String> wrong = parameter.getValue().stream()
                    .filter(value -> !allowed.isEmpty() && !allowed.contains(value))
                    .findFirst();
            if (wrong.isPresent()) {
                return Optional.of("Value " + wrong.get() + " isn't allowed for parameter " + parameter.getKey()
                        + " of document " + document + "; allowed: " + allowed + ".");
            }
        }
        return Optional.empty();
    }
}
