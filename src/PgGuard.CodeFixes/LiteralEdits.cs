using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.CodeFixes
{
    /// <summary>Text edits inside one C# string literal token, keeping the literal's kind and escaping.</summary>
    internal static class LiteralEdits
    {
        /// <summary>
        /// The change that writes <paramref name="newText"/> (decoded text) over <paramref name="span"/> (source
        /// characters), or null when the span is not inside the content of a single literal or text part, or the text
        /// cannot be written in that kind of literal.
        /// </summary>
        public static async Task<TextChange?> TryCreateAsync(Document document, TextSpan span, string newText, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return null;
            }

            var token = root.FindToken(span.Start);
            if (CSharpStringEncoding.GetKind(token) is null && token.SpanStart == span.Start)
            {
                // An insertion right after an interpolated string's last text part lands on the next token.
                token = token.GetPreviousToken();
            }

            if (CSharpStringEncoding.GetKind(token) is not { } kind)
            {
                return null;
            }

            var content = ContentSpan(token);
            if (span.Start < content.Start || span.End > content.End)
            {
                return null;
            }

            var encoded = CSharpStringEncoding.Encode(newText, kind, DollarCount(token));
            return encoded is null ? (TextChange?)null : new TextChange(span, encoded);
        }

        /// <summary>The characters between the quotes (for an interpolated text part: the whole token).</summary>
        internal static TextSpan ContentSpan(SyntaxToken token)
        {
            if (token.IsKind(SyntaxKind.InterpolatedStringTextToken))
            {
                return token.Span;
            }

            var text = token.Text;
            var start = 0;
            while (start < text.Length && (text[start] == '@' || text[start] == '$'))
            {
                start++;
            }

            var quotes = 0;
            while (start + quotes < text.Length && text[start + quotes] == '"')
            {
                quotes++;
            }

            var open = start + quotes;
            var close = text.Length;
            for (var i = 0; i < quotes && close > open && text[close - 1] == '"'; i++)
            {
                close--;
            }

            return TextSpan.FromBounds(token.SpanStart + open, token.SpanStart + close);
        }

        private static int DollarCount(SyntaxToken token)
        {
            if (token.Parent is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated })
            {
                return interpolated.StringStartToken.Text.TakeWhileCount('$');
            }

            return 0;
        }

        private static int TakeWhileCount(this string text, char c)
        {
            var count = 0;
            while (count < text.Length && text[count] == c)
            {
                count++;
            }

            return count;
        }
    }
}
