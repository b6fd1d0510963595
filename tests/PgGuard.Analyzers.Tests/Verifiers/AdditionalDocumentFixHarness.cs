using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Analyzers;
using PgGuard.CodeFixes;

namespace PgGuard.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Code fixes in configuration files, which Microsoft.CodeAnalysis.Testing 1.1.4 does not apply (it fixes only
    /// diagnostics in syntax trees; TOOLCHAIN.md): an AdhocWorkspace project with one C# document and the config file as
    /// an additional document, <see cref="ConfigFileAnalyzer"/> run over the project's own analyzer options, a
    /// <see cref="CodeFixContext"/> for the additional document, and the fix's <see cref="ApplyChangesOperation"/> applied.
    /// </summary>
    public sealed class AdditionalDocumentFixHarness : IDisposable
    {
        public const string Directory = "/src/";

        private readonly AdhocWorkspace _workspace = new AdhocWorkspace();

        private AdditionalDocumentFixHarness((string Name, string Text)[] files, string? globalConfig)
        {
            var projectId = ProjectId.CreateNewId();
            var solution = _workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "App", "App", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                    metadataReferences: TestReferences.Framework.AddRange(TestReferences.Libraries)))
                .AddDocument(DocumentId.CreateNewId(projectId), "C.cs", SourceText.From("class C { }"), filePath: Directory + "C.cs");
            foreach (var (name, text) in files)
            {
                var id = DocumentId.CreateNewId(projectId);
                solution = solution.AddAdditionalDocument(id, name, SourceText.From(text), filePath: Directory + name);
                FileIds.Add(id);
            }

            if (globalConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(
                    DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(globalConfig), filePath: Directory + ".globalconfig");
            }

            Solution = solution;
        }

        public Solution Solution { get; private set; }

        /// <summary>The additional documents, in the order given.</summary>
        public List<DocumentId> FileIds { get; } = new List<DocumentId>();

        /// <summary>The first additional document, which the fix tests work on.</summary>
        public TextDocument File => Solution.GetAdditionalDocument(FileIds[0])!;

        public static AdditionalDocumentFixHarness Create(string fileName, string fileText, string? globalConfig = null) =>
            new AdditionalDocumentFixHarness(new[] { (fileName, fileText) }, globalConfig);

        public static AdditionalDocumentFixHarness Create(params (string Name, string Text)[] files) =>
            new AdditionalDocumentFixHarness(files, null);

        public async Task<string> TextOfAsync(int index) =>
            (await Solution.GetAdditionalDocument(FileIds[index])!.GetTextAsync().ConfigureAwait(false)).ToString();

        /// <summary>The config-file analyzer's diagnostics for <paramref name="solution"/>'s only project, in file order.</summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Solution solution)
        {
            var project = solution.Projects.Single();
            var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigFileAnalyzer()),
                new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        }

        public Task<ImmutableArray<Diagnostic>> AnalyzeAsync() => AnalyzeAsync(Solution);

        /// <summary>The actions <see cref="ConfigFileCodeFixProvider"/> registers for <paramref name="diagnostic"/>.</summary>
        public async Task<ImmutableArray<CodeAction>> GetFixesAsync(Diagnostic diagnostic)
        {
            var actions = ImmutableArray.CreateBuilder<CodeAction>();
            var context = new CodeFixContext(File, diagnostic.Location.SourceSpan, ImmutableArray.Create(diagnostic), (a, _) => actions.Add(a), CancellationToken.None);
            await new ConfigFileCodeFixProvider().RegisterCodeFixesAsync(context).ConfigureAwait(false);
            return actions.ToImmutable();
        }

        /// <summary>Applies <paramref name="action"/> (one <see cref="ApplyChangesOperation"/>) and returns the file's new text.</summary>
        public async Task<string> ApplyAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(operations));
            Solution = apply.ChangedSolution;
            return (await File.GetTextAsync().ConfigureAwait(false)).ToString();
        }

        /// <summary>
        /// Fixes the single diagnostic of <paramref name="id"/> and checks the fix's title, key and text; then the fixed file
        /// must have lost exactly that diagnostic and gained none (compared by ID and message) but one of
        /// <paramref name="appearingId"/>, which must then appear.
        /// </summary>
        public static async Task VerifyAsync(
            string fileName, string before, string id, string expectedTitle, string after, string? globalConfig = null, string? appearingId = null)
        {
            using var harness = Create(fileName, before, globalConfig);
            var diagnostics = await harness.AnalyzeAsync();
            var diagnostic = Assert.Single(diagnostics, d => d.Id == id);

            var action = Assert.Single(await harness.GetFixesAsync(diagnostic));
            Assert.Equal(expectedTitle, action.Title);
            Assert.Equal(ConnectionStringCodeFixProvider.EquivalenceKey(id), action.EquivalenceKey);
            Assert.Equal(after, await harness.ApplyAsync(action));

            var remaining = await harness.AnalyzeAsync();
            var expected = diagnostics.Where(d => !ReferenceEquals(d, diagnostic)).Select(Describe).ToList();
            Assert.Equal(expected, remaining.Where(d => d.Id != appearingId).Select(Describe).ToList());
            if (appearingId is not null)
            {
                Assert.Single(remaining, d => d.Id == appearingId);
            }
        }

        /// <summary>The single diagnostic of <paramref name="id"/> is reported but no fix is offered for it.</summary>
        public static async Task VerifyNoFixAsync(string fileName, string text, string id)
        {
            using var harness = Create(fileName, text);
            var diagnostic = Assert.Single(await harness.AnalyzeAsync(), d => d.Id == id);
            Assert.Empty(await harness.GetFixesAsync(diagnostic));
        }

        /// <summary>A host's Fix All over the project: a context whose diagnostics are this analyzer's.</summary>
        public FixAllContext CreateFixAllContext(CodeFixProvider provider, FixAllScope scope, string equivalenceKey, params string[] ids) =>
            new FixAllContext(Solution.Projects.Single(), provider, scope, equivalenceKey, ids, new AnalyzerDiagnostics(), CancellationToken.None);

        public void Dispose() => _workspace.Dispose();

        private static string Describe(Diagnostic d) => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture);

        /// <summary>Everything the analyzer reports, as a host would hand it to a FixAllProvider.</summary>
        private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
        {
            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await AnalyzeAsync(project.Solution).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                (await AnalyzeAsync(document.Project.Solution).ConfigureAwait(false)).Where(d => d.Location.SourceTree is not null && document.FilePath == d.Location.SourceTree.FilePath);

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                (await AnalyzeAsync(project.Solution).ConfigureAwait(false)).Where(d => d.Location.SourceTree is null);
        }
    }
}
