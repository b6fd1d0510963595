using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Text;

namespace PgGuard.CodeFixes
{
    /// <summary>
    /// Fixes for connection strings in C# literals (PG0002, PG0003, PG0004, PG0007, PG0008, PG0009, PG0010, PG0011).
    /// The analyzer computes the edit on the model and passes it in the diagnostic (additional location = the source
    /// characters to replace, properties = kind and new text); this provider only re-encodes the new text for the
    /// literal's kind and declines where the edit would leave one literal (a hole, a concatenation boundary).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConnectionStringCodeFixProvider))]
    [Shared]
    public sealed class ConnectionStringCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.SslModeInsecure,
            DiagnosticIds.CertificateValidationDisabled,
            DiagnosticIds.SslModeMissing,
            DiagnosticIds.PoolingDisabled,
            DiagnosticIds.PoolCeiling,
            DiagnosticIds.ServerIdentityNotVerified,
            DiagnosticIds.SensitiveDataLeak,
            DiagnosticIds.InvalidConnectionString);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(FindingDiagnostics.EditKindProperty, out var kind) || kind is null ||
                    !diagnostic.Properties.TryGetValue(FindingDiagnostics.NewTextProperty, out var newText) || newText is null ||
                    !TryGetInt(diagnostic, FindingDiagnostics.EditStartProperty, out var start) ||
                    !TryGetInt(diagnostic, FindingDiagnostics.EditLengthProperty, out var length))
                {
                    continue;
                }

                var editSpan = new TextSpan(start, length);
                var document = context.Document;
                if (kind == FindingDiagnostics.RemoveCall)
                {
                    if (await CodeEdits.TryRemoveCallAsync(document, editSpan, context.CancellationToken).ConfigureAwait(false) is not null)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                "Remove the EnableParameterLogging() call",
                                async ct => await CodeEdits.TryRemoveCallAsync(document, editSpan, ct).ConfigureAwait(false) ?? document,
                                EquivalenceKey(diagnostic.Id)),
                            diagnostic);
                    }

                    continue;
                }

                var change = kind == FindingDiagnostics.ReplaceExpression
                    ? await CodeEdits.TryReplaceExpressionAsync(document, editSpan, newText, context.CancellationToken).ConfigureAwait(false)
                    : await LiteralEdits.TryCreateAsync(document, editSpan, newText, context.CancellationToken).ConfigureAwait(false);
                if (change is null)
                {
                    continue;
                }

                var sourceText = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
                var title = Title(kind, newText, sourceText.ToString(change.Value.Span));
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => Apply(document, change.Value, ct), EquivalenceKey(diagnostic.Id)),
                    diagnostic);
            }
        }

        private static bool TryGetInt(Diagnostic diagnostic, string key, out int value)
        {
            value = 0;
            return diagnostic.Properties.TryGetValue(key, out var text) &&
                   int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        public static string EquivalenceKey(string id) => id switch
        {
            DiagnosticIds.SslModeInsecure => ConnectionStringFixKeys.SetSslMode,
            DiagnosticIds.CertificateValidationDisabled => ConnectionStringFixKeys.RemoveTrustServerCertificate,
            DiagnosticIds.SslModeMissing => ConnectionStringFixKeys.AppendSslMode,
            DiagnosticIds.PoolingDisabled => ConnectionStringFixKeys.RemovePoolingFalse,
            DiagnosticIds.PoolCeiling => ConnectionStringFixKeys.SetMaxPoolSize,
            DiagnosticIds.ServerIdentityNotVerified => ConnectionStringFixKeys.VerifyFull,
            DiagnosticIds.SensitiveDataLeak => ConnectionStringFixKeys.RemoveSensitiveSetting,
            _ => ConnectionStringFixKeys.RenameKeyword,
        };

        private static string Title(string kind, string newText, string replaced) => kind switch
        {
            "Remove" => "Remove '" + replaced.Trim(';', ' ') + "'",
            "Insert" => "Add '" + newText.TrimStart(';') + "'",
            _ => "Change '" + replaced + "' to '" + newText + "'",
        };

        private static async Task<Document> Apply(Document document, TextChange change, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(change));
        }
    }
}
