using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0001–PG0011, PG0013 in C#: connection strings that flow into Npgsql sinks, NpgsqlConnectionStringBuilder objects
    /// built in code, and strings shaped like Npgsql connection strings in projects that use Npgsql. Parses each
    /// string once and runs every rule over the model (see <see cref="Rules.ConnectionStringRules"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CSharpConnectionStringAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.ConnectionStringRules;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analysed and reported on purpose: a scaffolded DbContext's connection string is a real finding.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                // Nothing is registered in a compilation that references neither Npgsql nor its EF Core provider.
                var symbols = NpgsqlSymbols.For(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                var isTestProject = NpgsqlSymbols.IsTestProject(start.Compilation, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                var state = new CSharpConnectionStringState(symbols, isTestProject, start.Options.AnalyzerConfigOptionsProvider);
                start.RegisterOperationAction(state.AnalyzeString, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);
                start.RegisterOperationAction(state.AnalyzeObjectCreation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(state.AnalyzeAssignment, OperationKind.SimpleAssignment);
            });
        }
    }
}
