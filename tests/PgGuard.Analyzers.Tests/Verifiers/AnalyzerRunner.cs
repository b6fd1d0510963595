using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs analyzers over arbitrary (possibly invalid) code and returns their diagnostics, failing on any analyzer
    /// exception: for hostile-input and secret-canary tests, where the testing library's exact matching does not fit.
    /// </summary>
    public static class AnalyzerRunner
    {
        public static ImmutableArray<Diagnostic> Run(
            IEnumerable<DiagnosticAnalyzer> analyzers,
            IEnumerable<(string Path, string Text)> sources,
            IEnumerable<(string Path, string Text)>? additionalFiles = null,
            bool withNpgsql = true,
            CancellationToken cancellationToken = default)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), parseOptions, s.Path)).ToArray();
            var references = withNpgsql ? TestReferences.Framework.AddRange(TestReferences.Libraries) : TestReferences.Framework;
            var compilation = CSharpCompilation.Create("Hostile", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var exceptions = new List<Exception>();
            var texts = (additionalFiles ?? Array.Empty<(string, string)>())
                .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Item1, f.Item2))
                .ToImmutableArray();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(texts),
                (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
            var crash = diagnostics.FirstOrDefault(d => d.Id == "AD0001");
            if (exceptions.Count != 0 || crash is not null)
            {
                throw new InvalidOperationException("Analyzer threw: " + (exceptions.FirstOrDefault()?.ToString() ?? crash!.GetMessage()));
            }

            return diagnostics;
        }

        public sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
