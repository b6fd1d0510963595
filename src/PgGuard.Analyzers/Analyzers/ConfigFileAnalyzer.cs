using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Config;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Rules;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0001–PG0004, PG0006–PG0011, PG0013 in configuration files (appsettings*.json, app.config / web.config and
    /// transforms, fed to the compiler as AdditionalFiles): connection strings under <c>ConnectionStrings</c> /
    /// <c>&lt;connectionStrings&gt;</c> and other values shaped like Npgsql connection strings, in projects that use
    /// Npgsql. The same rules as in C# run over each value, and diagnostics point at the exact characters in the file.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigFileAnalyzer : DiagnosticAnalyzer
    {
        // Every descriptor the shared rules can produce for a config file (PG0005 is C#-only).
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            Descriptors.ConnectionStringRules.Remove(Descriptors.HardcodedHost);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // No syntax tree is analysed; additional files are never generated code.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // A config file's connection strings are ours only in a project that uses Npgsql (DESIGN.md).
                if (!NpgsqlSymbols.ReferencesNpgsql(start.Compilation))
                {
                    return;
                }

                var isTestProject = NpgsqlSymbols.IsTestProject(start.Compilation, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                start.RegisterAdditionalFileAction(file => AnalyzeFile(file, isTestProject));
            });
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context, bool isTestProject)
        {
            var file = context.AdditionalFile;
            if (!ConfigEnvironment.IsConfigFile(file.Path) || file.GetText(context.CancellationToken) is not { } sourceText)
            {
                return;
            }

            var candidates = ConfigConnectionStringCandidates.Find(file.Path, sourceText.ToString(), context.CancellationToken);
            if (candidates.IsEmpty)
            {
                return;
            }

            // Invalid pgguard.* values are reported (PG9001) by the C# analyzer, once per compilation.
            var options = PgGuardOptions.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(file));
            foreach (var candidate in candidates)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                AnalyzeCandidate(context, candidate, sourceText, options, isTestProject);
            }
        }

        private static void AnalyzeCandidate(
            AdditionalFileAnalysisContext context, ConfigCandidate candidate, SourceText file, PgGuardOptions options, bool isTestProject)
        {
            // Another provider's name settles it; an empty value holds nothing to report.
            if (candidate.Provider == ConfigProvider.Other || candidate.Text.Length == 0)
            {
                return;
            }

            var model = ConnectionStringParser.Parse(candidate.Text, context.CancellationToken);
            var isNpgsql = candidate.Provider == ConfigProvider.Npgsql;
            var isUri = PostgresUri.Scheme(candidate.Text.Text) is not null;

            // EF Core's "Name=X" points at another configuration key, where that value is analysed.
            if (IsNamedReference(model))
            {
                return;
            }

            // Without a provider name, a value (even under ConnectionStrings) counts only by the shape DESIGN.md describes.
            if (!isNpgsql && !isUri && !ConnectionStringRecognition.HasNpgsqlShape(model))
            {
                return;
            }

            var ruleContext = new ConnectionStringContext(
                model, TextOrigin.ConfigFile, options, isTestProject, candidate.IsDevelopmentFile, isComplete: true);

            // A URI handed to Npgsql is an error (PG0011); one without a provider may be converted by the application, so
            // only its credentials matter.
            var findings = isUri && !isNpgsql ? ConnectionStringRules.AnalyzeUriByShape(ruleContext) : ConnectionStringRules.Analyze(ruleContext);
            foreach (var finding in findings)
            {
                context.ReportDiagnostic(CreateDiagnostic(finding, candidate, file));
            }
        }

        private static bool IsNamedReference(ParsedConnectionString model) =>
            model.Settings.Length == 1 && string.Equals(model.Settings[0].Key, "Name", StringComparison.OrdinalIgnoreCase);

        /// <summary>A diagnostic at the file characters the finding's text came from, with the fix's edit as for C#.</summary>
        private static Diagnostic CreateDiagnostic(Finding finding, ConfigCandidate candidate, SourceText file)
        {
            var location = Locate(candidate, finding.TextSpan, file);
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (finding.Edit.Kind != EditKind.None)
            {
                // Positions in the file itself; a config-file fix re-encodes NewText for JSON or XML.
                var edit = Locate(candidate, finding.Edit.Span, file).SourceSpan;
                properties = properties
                    .Add(FindingDiagnostics.EditKindProperty, finding.Edit.Kind.ToString())
                    .Add(FindingDiagnostics.NewTextProperty, finding.Edit.NewText)
                    .Add(FindingDiagnostics.EditStartProperty, edit.Start.ToString(CultureInfo.InvariantCulture))
                    .Add(FindingDiagnostics.EditLengthProperty, edit.Length.ToString(CultureInfo.InvariantCulture));
            }

            return Diagnostic.Create(finding.Descriptor, location, properties, finding.Arguments);
        }

        private static Location Locate(ConfigCandidate candidate, TextSpan span, SourceText file)
        {
            // Every character of a config value comes from the file itself; Map only fails for an empty value.
            var mapped = candidate.Text.Length == 0 ? candidate.ValueSpan : candidate.Text.Map(span.Start, span.Length).Span;
            return Location.Create(candidate.FilePath, mapped, file.Lines.GetLinePositionSpan(mapped));
        }
    }
}
