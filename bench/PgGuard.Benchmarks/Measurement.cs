using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PgGuard.Benchmarks;

/// <summary>
/// Wall time, process CPU time (all threads), bytes allocated (all threads) and time the runtime was paused for garbage
/// collection over one measured step.
/// </summary>
internal readonly record struct Cost(TimeSpan Wall, TimeSpan Cpu, long Allocated, TimeSpan GcPause)
{
    public static Cost operator -(Cost a, Cost b) => new(a.Wall - b.Wall, a.Cpu - b.Cpu, a.Allocated - b.Allocated, a.GcPause - b.GcPause);

    public static Cost operator +(Cost a, Cost b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu, a.Allocated + b.Allocated, a.GcPause + b.GcPause);
}

/// <summary>An analysis pass: its cost, each analyzer's callback time (telemetry), what it reported.</summary>
internal sealed record AnalysisPass(
    Cost Cost,
    ImmutableDictionary<string, TimeSpan> AnalyzerTimes,
    ImmutableDictionary<string, int> AnalyzerDiagnosticCounts,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<string> Exceptions)
{
    public TimeSpan AnalyzerTotal => AnalyzerTimes.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}

/// <summary>One measured iteration: the compiler alone, the analyzers, and the floor, each over a fresh compilation.</summary>
internal sealed record Iteration(Cost CompilerDiagnostics, Cost Emit, ImmutableArray<Diagnostic> CompilerErrors, AnalysisPass Analysis, AnalysisPass Floor)
{
    public Cost Compiler => CompilerDiagnostics + Emit;
}

/// <summary>Everything measured on one workload.</summary>
internal sealed record BenchmarkResult(
    IReadOnlyList<Iteration> Iterations,
    IReadOnlyDictionary<string, AnalysisPass> Alone,
    bool Concurrent);

/// <summary>
/// Runs the compiler alone and the analyzers over fresh compilations of one workload, after a warm-up (JIT, caches).
/// </summary>
internal static class Measurement
{
    /// <summary>Enough code to JIT every path; warming up on the whole 1M-line code base would only cost time.</summary>
    private const int WarmUpTrees = 400;

    /// <param name="concurrent">
    /// True: compile and analyze in parallel, as the compiler does. False: both on one thread, so that both times stretch
    /// alike when other processes compete for the cores (telemetry sums callback time over threads, and on a machine
    /// with more runnable threads than cores that sum grows with the number of threads, while the compiler's wall time
    /// does not).
    /// </param>
    public static async Task<BenchmarkResult> RunAsync(Workload workload, AnalyzerSet set, int iterations, bool alone, bool concurrent, TextWriter log)
    {
        log.WriteLine($"warm-up ({workload.Name})");
        var warmUp = workload.Take(WarmUpTrees);
        MeasureCompiler(warmUp, concurrent);
        await MeasureAnalysisAsync(warmUp, set.Analyzers, concurrent).ConfigureAwait(false);
        await MeasureAnalysisAsync(warmUp, ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()), concurrent).ConfigureAwait(false);

        var results = new List<Iteration>();
        for (var i = 1; i <= iterations; i++)
        {
            var (diagnostics, emit, errors) = MeasureCompiler(workload, concurrent);
            var analysis = await MeasureAnalysisAsync(workload, set.Analyzers, concurrent).ConfigureAwait(false);

            // The floor: what the driver, and the binding it does for operation trees, cost any operation analyzer,
            // even one that does nothing.
            var floor = await MeasureAnalysisAsync(workload, ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()), concurrent).ConfigureAwait(false);
            results.Add(new Iteration(diagnostics, emit, errors, analysis, floor));
            log.WriteLine($"iteration {i}/{iterations}: compiler {(diagnostics + emit).Wall.TotalSeconds:F1} s, analysis pass {analysis.Cost.Wall.TotalSeconds:F1} s, analyzer callbacks {analysis.AnalyzerTotal.TotalMilliseconds:F0} ms");
            foreach (var error in errors.Take(5))
            {
                log.WriteLine("compiler error: " + error);
            }
        }

        // Allocations cannot be told apart inside one pass, so each analyzer may also run alone once.
        var passes = new Dictionary<string, AnalysisPass>(StringComparer.Ordinal);
        foreach (var analyzer in alone && set.Analyzers.Length > 1 ? set.Analyzers : ImmutableArray<DiagnosticAnalyzer>.Empty)
        {
            log.WriteLine($"alone: {AnalyzerSet.NameOf(analyzer)}");
            passes[AnalyzerSet.NameOf(analyzer)] = await MeasureAnalysisAsync(workload, ImmutableArray.Create(analyzer), concurrent).ConfigureAwait(false);
        }

        return new BenchmarkResult(results, passes, concurrent);
    }

    /// <summary>The compiler alone, as in a build without PgGuard: binding and flow analysis (GetDiagnostics), then emit.</summary>
    private static (Cost Diagnostics, Cost Emit, ImmutableArray<Diagnostic> Errors) MeasureCompiler(Workload workload, bool concurrent)
    {
        var compilation = workload.CreateCompilation(concurrent);
        var start = Start();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var afterDiagnostics = Read();
        using (var peStream = new MemoryStream())
        {
            compilation.Emit(peStream);
        }

        var afterEmit = Read();
        return (afterDiagnostics - start, afterEmit - afterDiagnostics, errors);
    }

    /// <summary>
    /// The analyzers over a fresh compilation, run as the compiler runs them (concurrently unless measuring on one
    /// thread, with execution-time telemetry). The pass binds whatever the analyzers ask for (operation trees, semantic models), as a build with
    /// analyzers does on top of compiling; telemetry times only the analyzers' own callbacks.
    /// </summary>
    private static async Task<AnalysisPass> MeasureAnalysisAsync(Workload workload, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(workload.AdditionalFiles),
            (exception, analyzer, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{AnalyzerSet.NameOf(analyzer)}: {exception.GetType().Name} at {exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
                }
            },
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = workload.CreateCompilation(concurrent).WithAnalyzers(analyzers, options);
        var before = Start();
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
        var after = Read();

        // GetAnalysisResultAsync records telemetry (GetAllDiagnosticsAsync does not, in Roslyn 4.11).
        var times = analyzers.ToImmutableDictionary(AnalyzerSet.NameOf, a => result.AnalyzerTelemetryInfo[a].ExecutionTime, StringComparer.Ordinal);
        var counts = analyzers.ToImmutableDictionary(AnalyzerSet.NameOf, a => result.GetAllDiagnostics(a).Length, StringComparer.Ordinal);
        lock (exceptions)
        {
            return new AnalysisPass(after - before, times, counts, result.GetAllDiagnostics(), exceptions.ToImmutableArray());
        }
    }

    /// <summary>Collects first, so the garbage of the previous step is not charged to the next one.</summary>
    private static Cost Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Read();
    }

    private static Cost Read() => new(
        TimeSpan.FromSeconds((double)Stopwatch.GetTimestamp() / Stopwatch.Frequency),
        Process.GetCurrentProcess().TotalProcessorTime,
        GC.GetTotalAllocatedBytes(precise: true),
        GC.GetTotalPauseDuration());

    public static long Median(IEnumerable<long> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks(Median(values.Select(v => v.Ticks)));

    public static Cost Median(IEnumerable<Cost> values)
    {
        var list = values.ToList();
        return new Cost(Median(list.Select(c => c.Wall)), Median(list.Select(c => c.Cpu)), Median(list.Select(c => c.Allocated)), Median(list.Select(c => c.GcPause)));
    }
}
