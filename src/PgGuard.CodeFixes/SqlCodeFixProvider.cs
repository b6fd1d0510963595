using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Sql;

namespace PgGuard.CodeFixes
{
    /// <summary>Public equivalence keys of the SQL fixes.</summary>
    public static class SqlFixKeys
    {
        public const string PinSearchPath = "PgGuard.PG0106.PinSearchPath";
    }

    /// <summary>
    /// PG0106 in SQL held by a C# literal: inserts <c>SET search_path = pg_catalog, pg_temp</c> after SECURITY DEFINER,
    /// encoded for the literal's kind. Declines when the insertion point is not inside one literal.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SqlCodeFixProvider))]
    [Shared]
    public sealed class SqlCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecurityDefinerSearchPath);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!SqlEdits.TryRead(diagnostic, out var span, out var newText))
                {
                    continue;
                }

                var change = await LiteralEdits.TryCreateAsync(context.Document, span, newText, context.CancellationToken).ConfigureAwait(false);
                if (change is null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(SqlEdits.Title, ct => Apply(document, change.Value, ct), SqlFixKeys.PinSearchPath),
                    diagnostic);
            }
        }

        private static async Task<Document> Apply(Document document, TextChange change, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(change));
        }
    }

    /// <summary>PG0106 in <c>*.sql</c> additional files: the same insertion as plain text.</summary>
    [ExportCodeFixProvider(
        LanguageNames.CSharp,
        Name = nameof(SqlFileCodeFixProvider),
        DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) },
        DocumentExtensions = new[] { ".sql" })]
    [Shared]
    public sealed class SqlFileCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecurityDefinerSearchPath);

        // Roslyn 4.8's batch fixer merges changes of C# documents only; each additional-file fix is applied on its own.
        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.TextDocument;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (SqlEdits.TryRead(diagnostic, out var span, out var newText))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            SqlEdits.Title,
                            async ct =>
                            {
                                var text = await document.GetTextAsync(ct).ConfigureAwait(false);
                                return document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(new TextChange(span, newText)));
                            },
                            SqlFixKeys.PinSearchPath),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }
    }

    internal static class SqlEdits
    {
        public const string Title = "Pin search_path to pg_catalog, pg_temp";

        public static bool TryRead(Diagnostic diagnostic, out TextSpan span, out string newText)
        {
            span = default;
            newText = string.Empty;
            if (!diagnostic.Properties.TryGetValue(SqlFixProperties.EditStart, out var start) ||
                !diagnostic.Properties.TryGetValue(SqlFixProperties.EditLength, out var length) ||
                !diagnostic.Properties.TryGetValue(SqlFixProperties.NewText, out var text) || text is null ||
                !int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ||
                !int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            {
                return false;
            }

            span = new TextSpan(s, l);
            newText = text;
            return true;
        }
    }
}
