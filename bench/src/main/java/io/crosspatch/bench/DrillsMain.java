package io.crosspatch.bench;

import io.crosspatch.bench.drill.DrillSizes;
import io.crosspatch.bench.drill.Drills;
import io.crosspatch.bench.report.BenchReport;
import io.crosspatch.bench.report.Section;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The drills command: runs the fault drills, each on a fresh platform, writes {@code bench/reports/drills-<UTC>/}
 * ({@code report.md}, {@code report.json}), and exits non-zero with a loud last line when any check failed.
 *
 * <pre>
 * DrillsMain [--help] [repository root] [--vms 400] [--accounts 12] [--fault-after-seconds 8] [--only kill,kafka,cassandra,faults,poison]
 * </pre>
 *
 * {@link DrillsCommand} reads the options.
 */
public final class DrillsMain {

    private static final Logger log = LoggerFactory.getLogger(DrillsMain.class);

    private DrillsMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new DrillsCommand(DrillsMain::run)).execute(args));
    }

    /** Runs the chosen drills; 0 when every check passed, 1 otherwise. */
    private static int run(DrillsCommand.Arguments arguments) {
        Path root = arguments.root();
        DrillSizes sizes = arguments.sizes();
        Set<String> only = arguments.only();
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        BenchReport report = new BenchReport(
                "Crosspatch fault drills",
                root.resolve("bench").resolve("reports").resolve("drills-" + stamp));
        List<Drills.StormDrillHandle> drills = Drills.select(only);
        for (Drills.StormDrillHandle drill : drills) {
            Section section = report.section("Drill: " + drill.name());
            log.info("drill {} starting", drill.name());
            try {
                drill.run(root, sizes, section);
            } catch (Exception | Error e) {
                log.error("drill {} broke off", drill.name(), e);
                section.check("the drill ran to its end", false, e.toString());
            }
            log.info("drill {}: {}", drill.name(), section.passed() ? "PASSED" : "FAILED");
            report.write();
        }
        report.write();
        List<String> failed = report.sections().stream()
                .filter(s -> !s.passed())
                .map(Section::title)
                .toList();
        String verdict = failed.isEmpty()
                ? "ALL " + drills.size() + " DRILLS PASSED"
                : "DRILLS FAILED (" + failed.size() + " of " + drills.size() + "): " + failed
                        + " — a loss or a duplicate, see the report";
        if (failed.isEmpty()) {
            log.info("==== {} ==== report: {}", verdict, report.directory().resolve("report.md"));
        } else {
            log.error("==== {} ==== report: {}", verdict, report.directory().resolve("report.md"));
        }
        return failed.isEmpty() ? 0 : 1;
    }
}
