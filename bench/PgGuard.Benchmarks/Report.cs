using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PgGuard.Benchmarks;

/// <summary>Formats one benchmark as Markdown: medians over the measured iterations, min–max beside the times.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(Workload workload, AnalyzerSet set, BenchmarkResult result)
    {
        var runs = result.Iterations;
        var md = new StringBuilder();
        var compiler = Measurement.Median(runs.Select(r => r.Compiler.Wall));
        var total = Measurement.Median(runs.Select(r => r.Analysis.AnalyzerTotal));
        var last = runs[^1].Analysis;

        md.AppendLine(Invariant, $"## PgGuard analyzer cost: {workload.Name}");
        md.AppendLine();
        md.AppendLine(Invariant, $"- Code: {workload.SourceLines:N0} lines of C# in {workload.Trees.Length:N0} files; {workload.AdditionalFiles.Length:N0} additional files ({workload.AdditionalLines:N0} lines).");
        if (workload.Planted.Length > 0)
        {
            md.AppendLine(Invariant, $"- Planted: {workload.Planted}.");
        }

        md.AppendLine(Invariant, $"- Analyzers: {set.Description}: {string.Join(", ", set.Analyzers.Select(AnalyzerSet.NameOf))}.");
        md.AppendLine(Invariant, $"- Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Roslyn {typeof(Compilation).Assembly.GetName().Version}; load average at the end {LoadAverage()}.");
        var mode = result.Concurrent
            ? "Concurrent: parallel compilation and concurrent analysis, as the compiler does."
            : "Sequential: compilation and analysis on one thread each (--sequential).";
        md.AppendLine(Invariant, $"- {runs.Count} measured iterations after a warm-up; medians, with min–max. {mode}");
        md.AppendLine();
        md.AppendLine(Invariant, $"**PgGuard analyzer time: {Ms(total)} = {Percent(total, compiler)} of the compiler's time ({Seconds(compiler)}); target at most 1 %.**");
        md.AppendLine();
        if (result.Concurrent)
        {
            // The telemetry sums callback time over threads (and counts time a callback's thread waits for a core), while
            // a parallel compile's wall time is shorter than its CPU time: the CPU time is the like-for-like denominator.
            var compilerCpu = Measurement.Median(runs.Select(r => r.Compiler.Cpu));
            md.AppendLine(Invariant, $"Against the compiler's CPU time ({Seconds(compilerCpu)}, summed over threads like the telemetry): {Percent(total, compilerCpu)}.");
            md.AppendLine();
        }

        md.AppendLine("| Step | Wall time | CPU time (all threads) | Allocated | GC pauses⁴ |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        md.AppendLine(Invariant, $"| Parse, once (not in the ratio) | {Seconds(workload.ParseTime)} | | | |");
        Row(md, "Compiler: GetDiagnostics (binding, flow analysis)", runs.Select(r => r.CompilerDiagnostics).ToList());
        Row(md, "Compiler: Emit to memory", runs.Select(r => r.Emit).ToList());
        Row(md, "**Compiler total** (the ratio's denominator)", runs.Select(r => r.Compiler).ToList());
        Row(md, "Analysis pass with these analyzers¹", runs.Select(r => r.Analysis.Cost).ToList());
        Row(md, "Analysis pass with one empty operation analyzer (the floor)²", runs.Select(r => r.Floor.Cost).ToList());
        Row(md, "Analysis pass beyond the floor", runs.Select(r => r.Analysis.Cost - r.Floor.Cost).ToList());

        md.AppendLine();
        md.AppendLine("¹ CompilationWithAnalyzers.GetAnalysisResultAsync on a fresh compilation: the binding the analyzers ask for (operation trees), the driver, and the callbacks. A build pays this on top of compiling, shared by all analyzers of the project.");
        md.AppendLine("² The .NET SDK's own analyzers already pay it in most projects.");
        md.AppendLine("⁴ Time the runtime was suspended for garbage collection during the step (GC.GetTotalPauseDuration). A pause stops every thread; a callback that is running meanwhile has it added to its telemetry, once per thread.");
        md.AppendLine();

        md.AppendLine("### Per analyzer");
        md.AppendLine();
        md.AppendLine("Time is the telemetry of the analyzer's own callbacks (logAnalyzerExecutionTime), summed over threads.");
        md.AppendLine();
        md.AppendLine("| Analyzer | Rule family | Time | min–max | % of compiler | Pass allocated, alone³ | Diagnostics |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var analyzer in set.Analyzers)
        {
            var name = AnalyzerSet.NameOf(analyzer);
            var times = runs.Select(r => r.Analysis.AnalyzerTimes[name]).ToList();
            var alone = result.Alone.TryGetValue(name, out var pass) ? Megabytes(pass.Cost.Allocated) : "—";
            md.AppendLine(Invariant, $"| {name} | {AnalyzerSet.FamilyOf(analyzer)} | {Ms(Measurement.Median(times))} | {Ms(times.Min())}–{Ms(times.Max())} | {Percent(Measurement.Median(times), compiler)} | {alone} | {last.AnalyzerDiagnosticCounts[name]:N0} |");
        }

        md.AppendLine(Invariant, $"| **Total** | | **{Ms(total)}** | | **{Percent(total, compiler)}** | {Megabytes(Measurement.Median(runs.Select(r => r.Analysis.Cost.Allocated)))} (all together) | {last.Diagnostics.Length:N0} |");
        md.AppendLine();
        md.AppendLine(Invariant, $"³ Bytes allocated by an analysis pass with only that analyzer (not run with --no-alone); the floor pass allocates {Megabytes(Measurement.Median(runs.Select(r => r.Floor.Cost.Allocated)))}.");
        md.AppendLine();

        md.AppendLine("### Per rule family");
        md.AppendLine();
        md.AppendLine("An analyzer parses each text once and applies every rule of its family, so time is measured per analyzer and summed per family.");
        md.AppendLine();
        md.AppendLine("| Rule family | Analyzers | Time | % of compiler | Diagnostics |");
        md.AppendLine("|---|---|---:|---:|---:|");
        foreach (var family in set.Analyzers.GroupBy(AnalyzerSet.FamilyOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var names = family.Select(AnalyzerSet.NameOf).ToList();
            var time = Measurement.Median(runs.Select(r => names.Aggregate(TimeSpan.Zero, (sum, n) => sum + r.Analysis.AnalyzerTimes[n])));
            md.AppendLine(Invariant, $"| {family.Key} | {string.Join(", ", names)} | {Ms(time)} | {Percent(time, compiler)} | {names.Sum(n => last.AnalyzerDiagnosticCounts[n]):N0} |");
        }

        md.AppendLine();
        md.AppendLine("### Diagnostics per ID (last iteration)");
        md.AppendLine();
        md.AppendLine("| ID | Family | Count |");
        md.AppendLine("|---|---|---:|");
        foreach (var group in last.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            md.AppendLine(Invariant, $"| {group.Key} | {AnalyzerSet.FamilyOf(group.Key)} | {group.Count():N0} |");
        }

        md.AppendLine();
        var exceptions = runs.SelectMany(r => r.Analysis.Exceptions).ToList();
        md.AppendLine(Invariant, $"Compiler errors in the measured code: {runs[^1].CompilerErrors.Length:N0}. Analyzer exceptions: {exceptions.Count:N0}.");
        foreach (var text in exceptions.Distinct().Take(5))
        {
            md.AppendLine(Invariant, $"- {text}");
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string label, IReadOnlyList<Cost> costs)
    {
        var median = Measurement.Median(costs);
        var range = costs.Count > 1 ? $" ({Seconds(costs.Min(c => c.Wall))}–{Seconds(costs.Max(c => c.Wall))})" : string.Empty;
        md.AppendLine(Invariant, $"| {label} | {Seconds(median.Wall)}{range} | {Seconds(median.Cpu)} | {Megabytes(median.Allocated)} | {Seconds(median.GcPause)} |");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F2", Invariant) + " s";

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", Invariant) + " ms";

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("N1", Invariant) + " MB";

    private static string Percent(TimeSpan part, TimeSpan whole) =>
        whole > TimeSpan.Zero ? (100 * part.TotalMilliseconds / whole.TotalMilliseconds).ToString("F2", Invariant) + " %" : "—";
}
