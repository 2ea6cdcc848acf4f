/** Converters shared by bench's picocli commands ({@code BenchmarksCommand}, {@code DrillsCommand}, the sweep's own main). */
package io.crosspatch.bench.cli;
