using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PgGuard.Analyzers.Text
{
    /// <summary>The kind of C# string literal a piece of text sits in, which decides how an edit must be escaped.</summary>
    public enum StringLiteralKind
    {
        /// <summary><c>"…"</c></summary>
        Regular,

        /// <summary><c>@"…"</c></summary>
        Verbatim,

        /// <summary><c>"""…"""</c>, single- or multi-line.</summary>
        Raw,

        /// <summary><c>$"…"</c></summary>
        Interpolated,

        /// <summary><c>$@"…"</c> or <c>@$"…"</c></summary>
        InterpolatedVerbatim,

        /// <summary><c>$"""…"""</c>, <c>$$"""…"""</c>, …</summary>
        InterpolatedRaw,
    }

    /// <summary>
    /// Re-encoding of replacement text for code fixes that edit part of a literal and must keep the literal's kind:
    /// the fix replaces the source characters of the old text (see <see cref="LocatedText.Map"/>) with
    /// <see cref="Encode"/>'s result.
    /// </summary>
    internal static class CSharpStringEncoding
    {
        /// <summary>
        /// The kind of a string literal token, or of the interpolated string that an interpolated text token (the token
        /// of an <see cref="InterpolatedStringTextSyntax"/>) or start token belongs to. Null for other tokens, including
        /// UTF-8 (<c>u8</c>) literals, which are not strings.
        /// </summary>
        public static StringLiteralKind? GetKind(SyntaxToken token)
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                    return token.Text.StartsWith("@", System.StringComparison.Ordinal) ? StringLiteralKind.Verbatim : StringLiteralKind.Regular;
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                    return StringLiteralKind.Raw;
                case SyntaxKind.InterpolatedStringTextToken:
                    return token.Parent?.Parent is InterpolatedStringExpressionSyntax interpolated
                        ? GetKind(interpolated.StringStartToken)
                        : null;
                case SyntaxKind.InterpolatedStringStartToken:
                    return StringLiteralKind.Interpolated;
                case SyntaxKind.InterpolatedVerbatimStringStartToken:
                    return StringLiteralKind.InterpolatedVerbatim;
                case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                    return StringLiteralKind.InterpolatedRaw;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The number of <c>$</c> of the interpolated string an interpolated text or start token belongs to (the
        /// <c>rawDollarCount</c> of <see cref="Encode"/>); 0 for other tokens.
        /// </summary>
        public static int GetDollarCount(SyntaxToken token)
        {
            if (token.IsKind(SyntaxKind.InterpolatedStringTextToken))
            {
                if (!(token.Parent?.Parent is InterpolatedStringExpressionSyntax interpolated))
                {
                    return 0;
                }

                token = interpolated.StringStartToken;
            }

            var count = 0;
            foreach (var c in token.Text)
            {
                if (c == '$')
                {
                    count++;
                }
                else if (c != '@')
                {
                    break;
                }
            }

            return count;
        }

        /// <summary>
        /// Source text that decodes to <paramref name="text"/> inside a literal of <paramref name="kind"/>; null when
        /// impossible. Regular kinds escape <c>\</c>, <c>"</c> and invisible characters; verbatim kinds double
        /// <c>"</c>; interpolated non-raw kinds double braces. Raw kinds have no escapes, so text containing
        /// <c>"""</c>, a line break (its indentation would depend on the position), a control character, a lone
        /// surrogate, or (interpolated raw) a run of as many braces as <paramref name="rawDollarCount"/> gives null.
        /// </summary>
        /// <remarks>
        /// The result is valid on its own; a fix splicing it into a raw literal must still avoid forming a longer quote
        /// or brace run with the characters around the edit.
        /// </remarks>
        public static string? Encode(string text, StringLiteralKind kind, int rawDollarCount = 0)
        {
            switch (kind)
            {
                case StringLiteralKind.Regular:
                    return EncodeEscaped(text, braces: false);
                case StringLiteralKind.Interpolated:
                    return EncodeEscaped(text, braces: true);
                case StringLiteralKind.Verbatim:
                    return EncodeVerbatim(text, braces: false);
                case StringLiteralKind.InterpolatedVerbatim:
                    return EncodeVerbatim(text, braces: true);
                case StringLiteralKind.Raw:
                    return CanWriteRaw(text, 0) ? text : null;
                case StringLiteralKind.InterpolatedRaw:
                    return CanWriteRaw(text, rawDollarCount < 1 ? 1 : rawDollarCount) ? text : null;
                default:
                    return null;
            }
        }

        private static string EncodeEscaped(string text, bool braces)
        {
            var builder = new StringBuilder(text.Length + 8);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\\': builder.Append("\\\\"); continue;
                    case '"': builder.Append("\\\""); continue;
                    case '\0': builder.Append("\\0"); continue;
                    case '\a': builder.Append("\\a"); continue;
                    case '\b': builder.Append("\\b"); continue;
                    case '\f': builder.Append("\\f"); continue;
                    case '\n': builder.Append("\\n"); continue;
                    case '\r': builder.Append("\\r"); continue;
                    case '\t': builder.Append("\\t"); continue;
                    case '\v': builder.Append("\\v"); continue;
                    case '{':
                    case '}':
                        builder.Append(c);
                        if (braces)
                        {
                            builder.Append(c);
                        }

                        continue;
                }

                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }
                else if (IsInvisible(c) || char.IsSurrogate(c))
                {
                    // \u rather than \x: a following hex digit cannot extend it.
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private static string? EncodeVerbatim(string text, bool braces)
        {
            var builder = new StringBuilder(text.Length + 8);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!IsWritable(text, i))
                {
                    return null;
                }

                builder.Append(c);
                if (c == '"' || (braces && (c == '{' || c == '}')))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private static bool CanWriteRaw(string text, int dollarCount)
        {
            var quotes = 0;
            var braces = 0;
            var previous = '\0';
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!IsWritable(text, i) || CSharpLocatedText.IsLineBreak(c))
                {
                    return false;
                }

                quotes = c == '"' ? quotes + 1 : 0;
                braces = (c == '{' || c == '}') ? (c == previous ? braces + 1 : 1) : 0;
                if (quotes >= 3 || (dollarCount > 0 && braces >= dollarCount))
                {
                    return false;
                }

                previous = c;
            }

            return true;
        }

        /// <summary>Characters a literal without escapes cannot show: controls other than tab and line breaks, lone surrogates.</summary>
        private static bool IsWritable(string text, int i)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            }

            if (char.IsLowSurrogate(c))
            {
                return i > 0 && char.IsHighSurrogate(text[i - 1]);
            }

            return c == '\t' || c == '\r' || c == '\n' || !IsInvisible(c);
        }

        /// <summary>Control characters and the Unicode line separators a regular literal may not hold as is.</summary>
        private static bool IsInvisible(char c)
        {
            return char.IsControl(c) || c == '\u2028' || c == '\u2029';
        }
    }
}
