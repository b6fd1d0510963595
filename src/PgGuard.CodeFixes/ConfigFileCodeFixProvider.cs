using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Config;

namespace PgGuard.CodeFixes
{
    /// <summary>
    /// The connection-string fixes of <see cref="ConnectionStringCodeFixProvider"/> (same rules, same equivalence keys)
    /// for findings in appsettings*.json and app/web.config, which reach Roslyn as additional documents. The analyzer
    /// passes the edit in file positions; this provider re-reads the file, checks that the edit lies inside one JSON string
    /// or XML attribute value, and writes the new text with that value's escaping (<c>\"</c>, <c>&amp;amp;</c>, …).
    /// </summary>
    [ExportCodeFixProvider(
        LanguageNames.CSharp,
        Name = nameof(ConfigFileCodeFixProvider),
        DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) },
        DocumentExtensions = new[] { ".json", ".config" })]
    [Shared]
    public sealed class ConfigFileCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ConnectionStringCodeFixProvider.FixableIds;

        /// <summary>
        /// Roslyn's batch fixer (seen on 4.8 and 4.11) only collects diagnostics located in syntax trees and offers no
        /// action for these, and a <see cref="FixAllContext"/> cannot hold an additional document: Fix All over
        /// configuration files goes through <see cref="ConfigFileFixAllProvider"/>, for project and solution scopes.
        /// </summary>
        public override FixAllProvider GetFixAllProvider() => ConfigFileFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.TextDocument;
            if (document.Project.GetAdditionalDocument(document.Id) is null)
            {
                return;
            }

            var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            if (ConfigValueEdits.Read(document.FilePath ?? document.Name, text.ToString()) is not { } edits)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!TryCreateEdit(edits, diagnostic, out var kind, out var newText, out var edit))
                {
                    continue;
                }

                var title = ConnectionStringCodeFixProvider.Title(kind, newText, edit.ReplacedText);
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(document, edit.Change, ct), ConnectionStringCodeFixProvider.EquivalenceKey(diagnostic.Id)),
                    diagnostic);
            }
        }

        /// <summary>The edit a diagnostic carries, as a change of the file; false when it has none we can write.</summary>
        internal static bool TryCreateEdit(ConfigValueEdits edits, Diagnostic diagnostic, out string kind, out string newText, out ConfigValueEdit edit)
        {
            edit = default;
            kind = newText = string.Empty;

            // Only the text edits apply here: ReplaceExpression and RemoveCall are edits of C# code.
            if (!diagnostic.Properties.TryGetValue(FindingDiagnostics.EditKindProperty, out var editKind) ||
                editKind is not ("Replace" or "Remove" or "Insert") ||
                !diagnostic.Properties.TryGetValue(FindingDiagnostics.NewTextProperty, out var text) || text is null ||
                !ConnectionStringCodeFixProvider.TryGetInt(diagnostic, FindingDiagnostics.EditStartProperty, out var start) ||
                !ConnectionStringCodeFixProvider.TryGetInt(diagnostic, FindingDiagnostics.EditLengthProperty, out var length))
            {
                return false;
            }

            kind = editKind;
            newText = text;
            return edits.TryCreate(new TextSpan(start, length), text, out edit);
        }

        private static async Task<Solution> ApplyAsync(TextDocument document, TextChange change, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(change));
        }
    }
}
