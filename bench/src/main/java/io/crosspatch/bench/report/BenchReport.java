package io.crosspatch.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's report: the machine it ran on, then one {@link Section} per baseline, scenario or drill. Written as
 * {@code report.json} (for comparing runs) and {@code report.md} (for people) into the run's directory, after every
 * section so that a run cut short still leaves what it measured.
 */
public final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String title;
    private final Path directory;
    private final Instant started = Instant.now();
    private final Map<String, Object> machine;
    private final List<Section> sections = new ArrayList<>();

    public BenchReport(String title, Path directory) {
        this.title = title;
        this.directory = directory;
        this.machine = MachineDescription.describe();
    }

    public Path directory() {
        return directory;
    }

    public synchronized Section section(String sectionTitle) {
        Section section = new Section(sectionTitle);
        sections.add(section);
        return section;
    }

    public synchronized boolean passed() {
        return sections.stream().allMatch(Section::passed);
    }

    public synchronized List<Section> sections() {
        return List.copyOf(sections);
    }

    /** Writes both files (again); call after each section. */
    public synchronized void write() {
        try {
            Files.createDirectories(directory);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("title", title);
            json.put("started", started.toString());
            json.put("elapsedSeconds", Duration.between(started, Instant.now()).toSeconds());
            json.put("machine", machine);
            json.put("loadAverageAtWrite", MachineDescription.loadAverage());
            json.put("sections", sections.stream().map(Section::toJson).toList());
            json.put("passed", passed());
            Files.writeString(directory.resolve("report.json"), JSON.writeValueAsString(json), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report into " + directory, e);
        }
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Started ")
                .append(started)
                .append(", ")
                .append(Duration.between(started, Instant.now()).toSeconds())
                .append(" s so far.\n\n");
        md.append("| machine | |\n|---|---|\n");
        machine.forEach((key, value) ->
                md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append("| load average now | ")
                .append(MachineDescription.loadAverage())
                .append(" |\n\n");
        sections.forEach(section -> section.appendMarkdown(md));
        return md.toString();
    }
}
