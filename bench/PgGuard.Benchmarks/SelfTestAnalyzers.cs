using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PgGuard.Benchmarks;

// Stand-ins that exercise the harness (--self-test) before PgGuard's analyzers exist: the same kinds of callbacks
// (every string literal, every additional file) with trivial work, so the figures show the harness's floor. Their
// counts check the generator: PG0099 ~ planted Npgsql connection strings, PG0199 = planted insecure SQL.
internal static class SelfTestRules
{
    public static readonly DiagnosticDescriptor ConnectionString = new(
        "PG0099", "Self-test: connection string", "Self-test: a literal that looks like a connection string", "SelfTest", DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InsecureSql = new(
        "PG0199", "Self-test: insecure SQL", "Self-test: SQL that contains '{0}'", "SelfTest", DiagnosticSeverity.Info, isEnabledByDefault: true);

    private static readonly string[] InsecureSqlMarkers = { "TO PUBLIC", "SUPERUSER", "PASSWORD '", "TO PROGRAM", "dblink", "ALTER SYSTEM" };

    public static string? FindInsecureSql(string text)
    {
        foreach (var marker in InsecureSqlMarkers)
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return marker;
            }
        }

        return null;
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SelfTestLiteralAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(SelfTestRules.ConnectionString, SelfTestRules.InsecureSql);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(
            operationContext =>
            {
                if (operationContext.Operation is not ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal)
                {
                    return;
                }

                if (text.Contains("Host=", StringComparison.Ordinal))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(SelfTestRules.ConnectionString, literal.Syntax.GetLocation()));
                }
                else if (SelfTestRules.FindInsecureSql(text) is { } marker)
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(SelfTestRules.InsecureSql, literal.Syntax.GetLocation(), marker));
                }
            },
            OperationKind.Literal);
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SelfTestSqlFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SelfTestRules.InsecureSql);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (!fileContext.AdditionalFile.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)
                || fileContext.AdditionalFile.GetText(fileContext.CancellationToken) is not { } text)
            {
                return;
            }

            foreach (var line in text.Lines)
            {
                if (SelfTestRules.FindInsecureSql(line.ToString()) is { } marker)
                {
                    var location = Location.Create(fileContext.AdditionalFile.Path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
                    fileContext.ReportDiagnostic(Diagnostic.Create(SelfTestRules.InsecureSql, location, marker));
                }
            }
        });
    }
}

/// <summary>The floor: one empty operation action, so the driver builds operation trees and calls back for nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    // Never reported; without a descriptor the driver would skip the analyzer altogether.
    private static readonly DiagnosticDescriptor Never = new(
        "FLOOR01", "Never reported", "Never reported", "SelfTest", DiagnosticSeverity.Info, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.Literal);
    }
}

// --callback-floor: analyzers whose callbacks do nothing, registered for the operation kinds PgGuard's C# analyzers
// use. Their telemetry is what the driver charges an analyzer per callback before it does any work.
internal abstract class EmptyCallbackAnalyzer : DiagnosticAnalyzer
{
    private readonly OperationKind[] _kinds;

    protected EmptyCallbackAnalyzer(params OperationKind[] kinds) => _kinds = kinds;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SelfTestRules.ConnectionString);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(static _ => { }, _kinds);
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyStringCallbacks() : EmptyCallbackAnalyzer(OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyInvocationCallback() : EmptyCallbackAnalyzer(OperationKind.Invocation);

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyCreationCallback() : EmptyCallbackAnalyzer(OperationKind.ObjectCreation);

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyAssignmentCallback() : EmptyCallbackAnalyzer(OperationKind.SimpleAssignment);
