using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0002 for the slim data source builder: <c>NpgsqlSlimDataSourceBuilder</c> without <c>EnableTransportSecurity()</c>
    /// connects in plaintext. The logic is in <see cref="SlimBuilderRule"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SlimBuilderAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SlimBuilderWithoutTls);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analysed and reported, like the connection-string rules: it connects just the same.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                // Only Npgsql declares the slim builder (7.0+): without it nothing is registered.
                var slimBuilder = NpgsqlTypes.Get(start.Compilation, "Npgsql.NpgsqlSlimDataSourceBuilder");
                if (slimBuilder is null)
                {
                    return;
                }

                start.RegisterOperationAction(new SlimBuilderRule(slimBuilder, start.Options.AnalyzerConfigOptionsProvider).AnalyzeCreation, OperationKind.ObjectCreation);
            });
        }
    }
}
