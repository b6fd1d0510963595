using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.CodeFixes
{
    /// <summary>
    /// PG0003 for certificate callbacks: deletes the statement that installs an accept-everything callback
    /// (<c>builder.UseUserCertificateValidationCallback(..);</c>, <c>connection.UserCertificateValidationCallback = ..;</c>,
    /// <c>options.RemoteCertificateValidationCallback = ..;</c>). The analyzer offers it only for a whole statement of a
    /// block whose receiver has no side effect; Npgsql then validates as the SSL Mode says.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateCallbackCodeFixProvider))]
    [Shared]
    public sealed class CertificateCallbackCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the "remove the callback" action.</summary>
        public const string RemoveCallbackKey = "PgGuard.PG0003.RemoveCertificateCallback";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateValidationDisabled);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                // Connection-string findings of PG0003 carry no such property: ConnectionStringCodeFixProvider owns them.
                if (!TryGetInt(diagnostic, CertificateCallbackRule.RemoveStartProperty, out var start) ||
                    !TryGetInt(diagnostic, CertificateCallbackRule.RemoveLengthProperty, out var length) ||
                    start + length > root.FullSpan.End)
                {
                    continue;
                }

                var span = new TextSpan(start, length);
                var node = root.FindNode(span, getInnermostNodeForTie: true);
                while (node is not null && node.Span == span && node is not StatementSyntax && node is not GlobalStatementSyntax)
                {
                    node = node.Parent;
                }

                if (node?.Parent is GlobalStatementSyntax global)
                {
                    node = global;
                }

                if (node is null || node.Span != span || !(node.Parent is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax))
                {
                    continue;
                }

                var statement = node;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the certificate validation callback",
                        ct => RemoveAsync(context.Document, statement, ct),
                        RemoveCallbackKey),
                    diagnostic);
            }
        }

        private static bool TryGetInt(Diagnostic diagnostic, string key, out int value)
        {
            value = 0;
            return diagnostic.Properties.TryGetValue(key, out var text) &&
                   int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        private static async Task<Document> RemoveAsync(Document document, SyntaxNode statement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var newRoot = root?.RemoveNode(statement, SyntaxRemoveOptions.KeepDirectives | SyntaxRemoveOptions.KeepUnbalancedDirectives);
            return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
        }
    }
}
