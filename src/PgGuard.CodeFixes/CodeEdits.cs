using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.CodeFixes
{
    /// <summary>Edits of C# code rather than of a literal's content: a builder property's value, a logging call.</summary>
    internal static class CodeEdits
    {
        /// <summary>
        /// Writes <paramref name="newValue"/> as the value of the expression at <paramref name="span"/>: an enum member keeps
        /// its qualification (<c>SslMode.Disable</c>, <c>Npgsql.SslMode.Disable</c>, <c>Disable</c> under <c>using static</c>),
        /// a string literal keeps its kind, a number stays a number. Null for anything else.
        /// </summary>
        public static async Task<TextChange?> TryReplaceExpressionAsync(Document document, TextSpan span, string newValue, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                return null;
            }

            var isIdentifier = SyntaxFacts.IsValidIdentifier(newValue);
            switch (expression)
            {
                case MemberAccessExpressionSyntax access when isIdentifier:
                    return new TextChange(access.Name.Span, newValue);
                case IdentifierNameSyntax identifier when isIdentifier:
                    return new TextChange(identifier.Span, newValue);
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } number when IsDigits(newValue):
                    return new TextChange(number.Span, newValue);
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } text:
                    return await LiteralEdits.TryCreateAsync(document, LiteralEdits.ContentSpan(text.Token), newValue, cancellationToken).ConfigureAwait(false);
                default:
                    return null;
            }
        }

        /// <summary>
        /// Removes a <c>EnableParameterLogging()</c> call: a whole statement <c>builder.EnableParameterLogging();</c>,
        /// or the link of a fluent chain (<c>new B(cs).EnableParameterLogging().Build()</c> → <c>new B(cs).Build()</c>).
        /// </summary>
        public static async Task<Document?> TryRemoveCallAsync(Document document, TextSpan span, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
            {
                return null;
            }

            if (invocation.Parent is ExpressionStatementSyntax statement && access.Expression is IdentifierNameSyntax)
            {
                var removed = root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
                return removed is null ? null : document.WithSyntaxRoot(removed);
            }

            // A chain, or a receiver that may have side effects (a constructor): keep the receiver, drop only the call.
            return document.WithSyntaxRoot(root.ReplaceNode(invocation, access.Expression.WithTriviaFrom(invocation)));
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return text.Length > 0;
        }
    }
}
