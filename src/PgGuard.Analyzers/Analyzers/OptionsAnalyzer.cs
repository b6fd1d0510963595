using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG9001: an invalid <c>pgguard.*</c> option. The one owner of the diagnostic, so an option read by several analyzers
    /// (C#, config files, SQL) in several folders is reported once per compilation, whichever files it applies to.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OptionsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Options are not code: generated files are read like any other.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationAction(Analyze);
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            var seen = new HashSet<(string Key, string Value)>();
            Report(context, PgGuardOptions.From(provider.GlobalOptions), seen);
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                Report(context, PgGuardOptions.From(provider.GetOptions(tree)), seen);
            }

            foreach (var file in context.Options.AdditionalFiles)
            {
                Report(context, PgGuardOptions.From(provider.GetOptions(file)), seen);
            }
        }

        private static void Report(CompilationAnalysisContext context, PgGuardOptions options, HashSet<(string Key, string Value)> seen)
        {
            foreach (var error in options.Errors)
            {
                if (seen.Add((error.Key, error.Value)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, error.Key, error.Value, error.Reason, error.DefaultValue));
                }
            }
        }
    }
}
