using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0100–PG0108 in <c>*.sql</c> additional files (migrations, init scripts): superuser attributes, privileged role
    /// membership, server files and programs, grants to PUBLIC, identity switches, hardcoded role passwords, SECURITY
    /// DEFINER without search_path, server configuration changes and untrusted extensions. The file is lexed once and
    /// every rule runs over its statements, DO and function bodies and dynamic SQL.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SqlFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SqlRules.Descriptors;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated SQL runs on the server like hand-written SQL.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterAdditionalFileAction(AnalyzeFile);
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            if (!file.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var text = file.GetText(context.CancellationToken);
            if (text == null || text.Length == 0)
            {
                return;
            }

            var options = PgGuardOptions.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(file));

            foreach (var finding in SqlRules.Analyze(SqlText.FromString(text.ToString()), options, context.CancellationToken))
            {
                var location = Location.Create(file.Path, finding.Span, text.Lines.GetLinePositionSpan(finding.Span));
                var properties = SqlFixProperties.For(finding.Fix?.Span, finding.Fix?.NewText);
                context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, location, properties, finding.MessageArgumentsAsObjects()));
            }
        }
    }
}
