using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Config;
using PgGuard.CodeFixes;

namespace PgGuard.Analyzers.Tests.Quality
{
    /// <summary>What one batch did: failures (empty when all held), and counts that show the run reached its targets.</summary>
    public sealed class HostileRunResult
    {
        public List<string> Failures { get; } = new List<string>();

        public int Diagnostics { get; set; }

        public int FixesApplied { get; set; }

        /// <summary>The diagnostic IDs whose fixes were applied, to show which fixes the inputs reach.</summary>
        public SortedSet<string> FixedIds { get; } = new SortedSet<string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Runs every PgGuard analyzer over a <see cref="HostileBatch"/> in one compilation, and every registered code fix over
    /// every diagnostic it can fix, in C# and in additional files. A batch fails when an analyzer or fix throws, the run outlives its bound, a
    /// diagnostic points outside its file, or a fix adds a syntax error. Shared by the tests and <c>tools/fuzz</c>.
    /// </summary>
    public static class HostileRunner
    {
        /// <summary>Every analyzer of the PgGuard.Analyzers assembly, found by reflection so new ones are covered.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Discover<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(typeof(ConfigFileAnalyzer).Assembly);

        /// <summary>Every code fix of the PgGuard.CodeFixes assembly.</summary>
        public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = Discover<CodeFixProvider, ExportCodeFixProviderAttribute>(typeof(ConnectionStringCodeFixProvider).Assembly);

        /// <summary>
        /// Runs <paramref name="analyzers"/> and <paramref name="codeFixes"/> (by default all of PgGuard's) over the batch,
        /// applying at most <paramref name="maxFixes"/> fixes; the whole run must end within <paramref name="bound"/>.
        /// </summary>
        public static HostileRunResult Run(
            HostileBatch batch,
            ImmutableArray<MetadataReference> references,
            TimeSpan bound,
            int maxFixes = 200,
            ImmutableArray<DiagnosticAnalyzer> analyzers = default,
            ImmutableArray<CodeFixProvider> codeFixes = default)
        {
            var setup = new Setup(references, analyzers.IsDefault ? Analyzers : analyzers, codeFixes.IsDefault ? CodeFixes : codeFixes);
            var result = new HostileRunResult();
            using var cancellation = new CancellationTokenSource(bound);
            var work = Task.Run(() => RunCore(batch, setup, maxFixes, result, cancellation.Token));
            string failure;
            try
            {
                // The token stops a run that observes it; the wait catches one that does not (its thread is abandoned).
                if (work.Wait(bound + TimeSpan.FromSeconds(30)))
                {
                    return result;
                }

                failure = "did not finish within " + bound.TotalSeconds + " s, ignoring cancellation";
            }
            catch (AggregateException e) when (e.InnerException is OperationCanceledException)
            {
                failure = "did not finish within " + bound.TotalSeconds + " s";
            }
            catch (AggregateException e)
            {
                failure = "the run itself threw: " + e.InnerException;
            }

            // A run that did not end normally reports only that; its partial counts are dropped.
            var failed = new HostileRunResult();
            failed.Failures.Add(batch.Name + ": " + failure);
            return failed;
        }

        private static void RunCore(HostileBatch batch, Setup setup, int maxFixes, HostileRunResult result, CancellationToken cancellationToken)
        {
            var project = CreateProject(batch, setup.References);
            var (diagnostics, exceptions) = Analyze(project, batch, setup.Analyzers, cancellationToken);
            if (exceptions.Count != 0)
            {
                result.Failures.Add(batch.Name + ": analyzer threw: " + exceptions[0] + Isolate(batch, setup, cancellationToken));
                return;
            }

            result.Diagnostics = diagnostics.Length;
            foreach (var diagnostic in diagnostics)
            {
                if (CheckDiagnostic(diagnostic, batch) is { } problem)
                {
                    result.Failures.Add(batch.Name + ": " + problem);
                }
            }

            ApplyFixes(project, diagnostics, setup.CodeFixes, maxFixes, result, batch.Name, cancellationToken);
        }

        private static Project CreateProject(HostileBatch batch, ImmutableArray<MetadataReference> references)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Hostile",
                "Hostile",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
                metadataReferences: references));
            foreach (var (path, text) in batch.Sources)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), path, SourceText.From(text), filePath: path);
            }

            // The same files the analyzers read, as documents the additional-file fixes can change.
            foreach (var (path, text) in batch.AdditionalFiles)
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), path, SourceText.From(text), filePath: path);
            }

            return solution.GetProject(projectId)!;
        }

        private static (ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions) Analyze(Project project, HostileBatch batch, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
        {
            var compilation = project.GetCompilationAsync(cancellationToken).GetAwaiter().GetResult()!;
            var files = batch.AdditionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files),
                (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
            var list = exceptions.ToList();
            list.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
            return (diagnostics, list);
        }

        /// <summary>The message formats, and the location lies inside the file the diagnostic names.</summary>
        private static string? CheckDiagnostic(Diagnostic diagnostic, HostileBatch batch)
        {
            try
            {
                _ = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            }
            catch (FormatException e)
            {
                return diagnostic.Id + " message does not format: " + e.Message;
            }

            var location = diagnostic.Location;
            if (location.SourceTree is { } tree)
            {
                return location.SourceSpan.End <= tree.Length ? null : diagnostic.Id + " points past the end of " + tree.FilePath;
            }

            if (location.Kind == LocationKind.ExternalFile)
            {
                var path = location.GetLineSpan().Path;
                var file = batch.AdditionalFiles.FirstOrDefault(f => f.Path == path);
                return file.Text is null ? diagnostic.Id + " names an unknown file " + path
                    : location.SourceSpan.End <= file.Text.Length ? null : diagnostic.Id + " points past the end of " + path;
            }

            return null;
        }

        /// <summary>
        /// Applies every fix offered for a diagnostic (up to <paramref name="maxFixes"/>), by the providers registered for its
        /// kind of document (C# or, by extension, additional file). A fixed C# document must have no syntax error the input
        /// did not have (counted per error ID); a fixed config file must still read without error if the input did.
        /// </summary>
        private static void ApplyFixes(Project project, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<CodeFixProvider> codeFixes, int maxFixes, HostileRunResult result, string batchName, CancellationToken cancellationToken)
        {
            var fixers = codeFixes.SelectMany(f => f.FixableDiagnosticIds.Select(id => (Id: id, Fixer: f))).ToLookup(p => p.Id, p => p.Fixer);
            var errorsBefore = new Dictionary<DocumentId, Dictionary<string, int>>();
            var fileErrorsBefore = new Dictionary<DocumentId, int?>();
            foreach (var diagnostic in diagnostics)
            {
                var document = diagnostic.Location.SourceTree is { } tree ? project.GetDocument(tree)
                    : diagnostic.Location.Kind == LocationKind.ExternalFile ? project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == diagnostic.Location.GetLineSpan().Path)
                    : (TextDocument?)null;
                if (result.FixesApplied >= maxFixes || document is null)
                {
                    continue;
                }

                foreach (var fixer in fixers[diagnostic.Id].Where(f => Fixes(f, document)))
                {
                    var actions = new List<CodeAction>();
                    try
                    {
                        var context = document is Document code
                            ? new CodeFixContext(code, diagnostic, (action, _) => actions.Add(action), cancellationToken)
                            : new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                        fixer.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
                        foreach (var action in actions)
                        {
                            foreach (var operation in action.GetOperationsAsync(cancellationToken).GetAwaiter().GetResult().OfType<ApplyChangesOperation>())
                            {
                                var problem = document is Document before
                                    ? CheckFixedCode(before, operation.ChangedSolution.GetDocument(document.Id)!, errorsBefore, diagnostic, cancellationToken)
                                    : CheckFixedFile(document, operation.ChangedSolution.GetAdditionalDocument(document.Id)!, fileErrorsBefore, cancellationToken);
                                if (problem is not null)
                                {
                                    result.Failures.Add(batchName + ": fix '" + action.Title + "' for " + diagnostic.Id + " in " + document.FilePath + " " + problem);
                                }

                                result.FixesApplied++;
                                result.FixedIds.Add(diagnostic.Id);
                            }
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        result.Failures.Add(batchName + ": fix " + fixer.GetType().Name + " threw on " + diagnostic.Id + " in " + document.FilePath + ": " + e);
                    }
                }
            }
        }

        /// <summary>Whether the provider is registered for this kind of document (C# by default; additional files by extension).</summary>
        private static bool Fixes(CodeFixProvider fixer, TextDocument document)
        {
            var export = fixer.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>();
            var kind = document is Document ? nameof(TextDocumentKind.Document) : nameof(TextDocumentKind.AdditionalDocument);
            var kinds = export?.DocumentKinds ?? new[] { nameof(TextDocumentKind.Document) };
            return kinds.Contains(kind) &&
                   (export?.DocumentExtensions is not { Length: > 0 } extensions ||
                    extensions.Any(e => document.FilePath?.EndsWith(e, StringComparison.OrdinalIgnoreCase) == true));
        }

        private static string? CheckFixedCode(Document before, Document after, Dictionary<DocumentId, Dictionary<string, int>> errorsBefore, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!errorsBefore.TryGetValue(before.Id, out var errors))
            {
                errors = errorsBefore[before.Id] = Errors(before.GetSyntaxTreeAsync(cancellationToken).GetAwaiter().GetResult()!);
            }

            var fixedTree = after.GetSyntaxTreeAsync(cancellationToken).GetAwaiter().GetResult()!;
            var added = Errors(fixedTree).Where(e => e.Value > (errors.TryGetValue(e.Key, out var n) ? n : 0)).Select(e => e.Key).ToList();
            return added.Count == 0 ? null
                : "adds " + string.Join(", ", added) + " near: " + Excerpt(fixedTree.GetText(cancellationToken).ToString(), diagnostic.Location.SourceSpan.Start);
        }

        /// <summary>A config file that read without error still does after the fix (the analyzers' own readers judge).</summary>
        private static string? CheckFixedFile(TextDocument before, TextDocument after, Dictionary<DocumentId, int?> errorsBefore, CancellationToken cancellationToken)
        {
            var path = before.FilePath ?? string.Empty;
            int? Error(TextDocument document)
            {
                var text = document.GetTextAsync(cancellationToken).GetAwaiter().GetResult().ToString();
                return ConfigEnvironment.GetFileKind(path) switch
                {
                    ConfigFileKind.AppSettingsJson => JsonConfigReader.Read(text, path).ErrorPosition,
                    ConfigFileKind.XmlConfig => XmlConfigReader.Read(text, path).ErrorPosition,
                    _ => null,
                };
            }

            if (!errorsBefore.TryGetValue(before.Id, out var errorBefore))
            {
                errorBefore = errorsBefore[before.Id] = Error(before);
            }

            return errorBefore is null && Error(after) is { } position
                ? "breaks the file at " + position + ": " + Excerpt(after.GetTextAsync(cancellationToken).GetAwaiter().GetResult().ToString(), position)
                : null;
        }

        private static Dictionary<string, int> Errors(SyntaxTree tree) => tree.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .GroupBy(d => d.Id)
            .ToDictionary(g => g.Key, g => g.Count());

        /// <summary>After an analyzer exception: the inputs that throw on their own, so the failure names the culprit.</summary>
        private static string Isolate(HostileBatch batch, Setup setup, CancellationToken cancellationToken)
        {
            var culprits = new StringBuilder();
            var singles = batch.Sources.Select(s => (Input: s, Batch: new HostileBatch(s.Path) { Sources = { s } }))
                .Concat(batch.AdditionalFiles.Select(f => (Input: f, Batch: new HostileBatch(f.Path) { Sources = { ("Uses.cs", "class Uses { Npgsql.NpgsqlConnection? C; }") }, AdditionalFiles = { f } })));
            foreach (var (input, single) in singles)
            {
                if (Analyze(CreateProject(single, setup.References), single, setup.Analyzers, cancellationToken).Exceptions.Count != 0)
                {
                    culprits.Append("\n  culprit ").Append(input.Path).Append(": ").Append(Excerpt(input.Text, 0));
                }
            }

            return culprits.Length == 0 ? "\n  (no single input throws alone)" : culprits.ToString();
        }

        /// <summary>Up to 300 characters around <paramref name="position"/>, with control and surrogate characters escaped.</summary>
        public static string Excerpt(string text, int position)
        {
            var start = Math.Max(0, Math.Min(position, text.Length) - 100);
            var sb = new StringBuilder();
            foreach (var c in text.Substring(start, Math.Min(300, text.Length - start)))
            {
                sb.Append(c < ' ' || char.IsSurrogate(c) || c > '\u007E' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString());
            }

            return sb.ToString();
        }

        private static ImmutableArray<T> Discover<T, TAttribute>(Assembly assembly)
            where TAttribute : Attribute =>
            assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetCustomAttribute<TAttribute>() is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (T)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        private sealed class Setup
        {
            public Setup(ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> codeFixes)
            {
                References = references;
                Analyzers = analyzers;
                CodeFixes = codeFixes;
            }

            public ImmutableArray<MetadataReference> References { get; }

            public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

            public ImmutableArray<CodeFixProvider> CodeFixes { get; }
        }

        private sealed class InMemoryAdditionalText : AdditionalText
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
