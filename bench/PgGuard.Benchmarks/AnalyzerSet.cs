using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PgGuard.Benchmarks;

/// <summary>The analyzers under measurement and the rule family of each diagnostic ID.</summary>
internal sealed class AnalyzerSet
{
    private AnalyzerSet(string description, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        Description = description;
        Analyzers = analyzers;
    }

    public string Description { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>
    /// Every concrete analyzer of the PgGuard.Analyzers assembly, found by reflection so the benchmark needs no change
    /// when an analyzer is added.
    /// </summary>
    public static AnalyzerSet PgGuard()
    {
        var assembly = typeof(global::PgGuard.Analyzers.Diagnostics.DiagnosticIds).Assembly;
        var analyzers = assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        return new AnalyzerSet($"PgGuard.Analyzers {version}", analyzers);
    }

    public static AnalyzerSet SelfTest() => new(
        "self-test analyzers (trivial stand-ins defined in the benchmark, not PgGuard's)",
        ImmutableArray.Create<DiagnosticAnalyzer>(new SelfTestLiteralAnalyzer(), new SelfTestSqlFileAnalyzer()));

    public static AnalyzerSet CallbackFloor() => new(
        "empty callbacks for the operation kinds PgGuard registers (what the driver charges per callback)",
        ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyStringCallbacks(), new EmptyInvocationCallback(), new EmptyCreationCallback(), new EmptyAssignmentCallback()));

    public static string FamilyOf(string id) =>
        id.StartsWith("PG00", StringComparison.Ordinal) ? "PG00xx connection strings"
        : id.StartsWith("PG01", StringComparison.Ordinal) ? "PG01xx SQL"
        : id.StartsWith("PG02", StringComparison.Ordinal) ? "PG02xx repository configuration"
        : id.StartsWith("PG9", StringComparison.Ordinal) ? "PG9xxx options"
        : "other (" + id + ")";

    /// <summary>
    /// The families an analyzer reports. Every analyzer may report PG9001 (a bad option), so PG9xxx counts only for an
    /// analyzer that reports nothing else. An analyzer runs all its rules in one pass, so its time belongs to its family
    /// as a whole; an analyzer spanning two families is shown under both names joined.
    /// </summary>
    public static string FamilyOf(DiagnosticAnalyzer analyzer)
    {
        var families = analyzer.SupportedDiagnostics.Select(d => FamilyOf(d.Id)).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
        var withoutOptions = families.Where(f => !f.StartsWith("PG9", StringComparison.Ordinal)).ToList();
        return string.Join(" + ", withoutOptions.Count > 0 ? withoutOptions : families);
    }

    public static string NameOf(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;
}
