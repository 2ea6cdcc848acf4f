package io.crosspatch.launcher.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository carries its own map: every Markdown link between its files must lead to a file (and heading) that
 * exists inside it, and nothing may send a reader to a design document a clone does not have. A broken link is found
 * here, in the build, rather than by the next reader.
 */
class RepositoryLinksTest {

    /** The launcher's tests run in {@code launcher/}. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Set<String> NOT_SOURCES =
            Set.of(".git", "target", "node_modules", ".crosspatch", "reports", ".idea");
    /** {@code [text](target)} and {@code ![alt](target)}, the target up to a space or the closing parenthesis. */
    private static final Pattern INLINE_LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    /** {@code [label]: target} at the start of a line. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s+(\\S+)");

    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void everyMarkdownLinkLeadsToAFileAndHeadingInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path markdown : files(".md")) {
            for (String target : links(read(markdown))) {
                problem(markdown, target)
                        .ifPresent(problem -> broken.add(ROOT.relativize(markdown) + ": (" + target + ") " + problem));
            }
        }

        assertThat(broken)
                .as("links that lead nowhere or out of the repository")
                .isEmpty();
    }

    @Test
    void noFilePointsReadersToADesignDocumentOutsideTheRepository() {
        // spelled in pieces, so that this file does not find itself
        List<String> outside = List.of("DESIGN" + ".md", "DESIGN" + " §", "../" + "shared/");
        List<String> found = new ArrayList<>();
        for (String extension :
                List.of(".md", ".java", ".sh", ".xml", ".yml", ".yaml", ".properties", ".js", ".html")) {
            for (Path file : files(extension)) {
                String text = read(file);
                outside.stream()
                        .filter(text::contains)
                        .forEach(reference -> found.add(ROOT.relativize(file) + ": " + reference));
            }
        }

        assertThat(found)
                .as("references to documents outside the repository; point them into docs/")
                .isEmpty();
    }

    @Test
    void theCheckFindsABrokenLinkALinkOutOfTheRepositoryAndAMissingHeading() {
        Path readme = ROOT.resolve("README.md");

        assertThat(problem(readme, "docs/architecture.md")).isEmpty();
        assertThat(problem(readme, "docs/architecture.md#the-cloud-account-key"))
                .isEmpty();
        assertThat(problem(readme, "docs/no-such-file.md"))
                .hasValueSatisfying(p -> assertThat(p).contains("no such"));
        assertThat(problem(readme, "../../elsewhere/anything.md"))
                .hasValueSatisfying(p -> assertThat(p).contains("outside"));
        assertThat(problem(readme, "docs/architecture.md#no-such-heading"))
                .hasValueSatisfying(p -> assertThat(p).contains("no heading"));
        assertThat(links("see [a](x.md) and `[b](y.md)` and\n```\n[c](z.md)\n```\n[d]: w.md\n"))
                .containsExactly("x.md", "w.md");
    }

    /** Why {@code target}, linked from {@code markdown}, leads nowhere; empty when it leads to something that exists. */
    static Optional<String> problem(Path markdown, String target) {
        if (target.matches("(?i)^(https?|mailto):.*")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty()
                ? markdown
                : markdown.getParent().resolve(path.replace("%20", " ")).normalize();
        if (!resolved.startsWith(ROOT)) {
            return Optional.of("leads outside the repository");
        }
        if (!Files.exists(resolved)) {
            return Optional.of("no such file or directory");
        }
        if (anchor != null
                && resolved.toString().endsWith(".md")
                && !anchors(read(resolved)).contains(anchor)) {
            return Optional.of("no heading #" + anchor + " in " + ROOT.relativize(resolved));
        }
        return Optional.empty();
    }

    /** The link targets of a Markdown text, outside code blocks and code spans. */
    static List<String> links(String markdown) {
        String prose = CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher matcher = pattern.matcher(prose);
            while (matcher.find()) {
                targets.add(matcher.group(1));
            }
        }
        return targets;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (heading.find()) {
            String text = heading.group(1).replaceAll("`", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
            anchors.add(text.toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    private static List<Path> files(String extension) {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(path -> path.toString().endsWith(extension) && Files.isRegularFile(path))
                    .filter(path -> {
                        for (Path part : ROOT.relativize(path)) {
                            if (NOT_SOURCES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
