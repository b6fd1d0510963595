using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PgGuard.Analyzers.Text
{
    /// <remarks>
    /// Decoding of literal source text, character by character, so that each decoded character keeps the span of the
    /// source characters it came from (<c>\u0053</c> is one character spanning six). Every decoder returns false on a
    /// form it does not understand; callers then compare with the compiler's value anyway, so a decoder bug or invalid
    /// code degrades to coarser spans, never to wrong text.
    /// </remarks>
    internal static partial class CSharpLocatedText
    {
        private enum LiteralForm
        {
            Invalid,
            Regular,
            Verbatim,
            Raw,
            RawMultiLine,
        }

        /// <summary>Decodes a regular, verbatim or raw string literal token.</summary>
        private static bool TryDecodeLiteralToken(Buffer buffer, SyntaxToken token)
        {
            var text = token.Text;
            var source = SourceOf(token);
            var basePosition = token.SpanStart;
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                    if (text.StartsWith("@\"", System.StringComparison.Ordinal))
                    {
                        // An unterminated literal has no closing quote; decode what is there and let the caller compare.
                        var verbatimEnd = text.Length >= 3 && text[text.Length - 1] == '"' ? text.Length - 1 : text.Length;
                        return DecodeVerbatim(buffer, source, basePosition, text, 2, verbatimEnd, braces: false);
                    }

                    if (text.Length == 0 || text[0] != '"')
                    {
                        return false;
                    }

                    var end = text.Length >= 2 && text[text.Length - 1] == '"' ? text.Length - 1 : text.Length;
                    return DecodeEscaped(buffer, source, basePosition, text, 1, end, braces: false);

                case SyntaxKind.SingleLineRawStringLiteralToken:
                {
                    var quotes = CountQuotes(text, 0);
                    if (quotes < 3 || text.Length < 2 * quotes || CountQuotesBackward(text, text.Length) != quotes)
                    {
                        return false;
                    }

                    AppendAsIs(buffer, source, basePosition, text, quotes, text.Length - quotes);
                    return true;
                }

                case SyntaxKind.MultiLineRawStringLiteralToken:
                    return DecodeMultiLineRaw(buffer, source, basePosition, text);

                default:
                    return false;
            }
        }

        /// <summary>Decodes one text part of an interpolated string (the parts between the holes).</summary>
        private static bool TryDecodeInterpolatedText(Buffer buffer, InterpolatedStringTextSyntax part)
        {
            if (!(part.Parent is InterpolatedStringExpressionSyntax interpolated))
            {
                return false;
            }

            var token = part.TextToken;
            var text = token.Text;
            var source = SourceOf(token);
            var form = GetInterpolatedForm(interpolated, out var indentation);
            switch (form)
            {
                case LiteralForm.Regular:
                    return DecodeEscaped(buffer, source, token.SpanStart, text, 0, text.Length, braces: true);
                case LiteralForm.Verbatim:
                    return DecodeVerbatim(buffer, source, token.SpanStart, text, 0, text.Length, braces: true);
                case LiteralForm.Raw:
                    // Braces fewer than the '$' count are content as written: raw text has no escapes at all.
                    AppendAsIs(buffer, source, token.SpanStart, text, 0, text.Length);
                    return true;
                case LiteralForm.RawMultiLine:
                    // The start token ends with the opening line break and the end token begins with the closing
                    // one, so the first text part starts a line and the last one ends a line.
                    var contents = interpolated.Contents;
                    var startsLine = contents.Count != 0 && contents[0] == part;
                    var endsLine = contents.Count != 0 && contents[contents.Count - 1] == part;
                    return DecodeRawLines(buffer, source, token.SpanStart, text, 0, text.Length, indentation!, startsLine, endsLine);
                default:
                    return false;
            }
        }

        private static LiteralForm GetInterpolatedForm(InterpolatedStringExpressionSyntax interpolated, out string? indentation)
        {
            indentation = null;
            switch (interpolated.StringStartToken.Kind())
            {
                case SyntaxKind.InterpolatedStringStartToken:
                    return LiteralForm.Regular;
                case SyntaxKind.InterpolatedVerbatimStringStartToken:
                    return LiteralForm.Verbatim;
                case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                    return LiteralForm.Raw;
                case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                    // The end token is "<line break><indentation>\"\"\"": the indentation is what every line loses.
                    var end = interpolated.StringEndToken.Text;
                    var quote = end.IndexOf('"');
                    if (quote < 0)
                    {
                        return LiteralForm.Invalid;
                    }

                    var lineStart = quote;
                    while (lineStart > 0 && IsWhitespace(end[lineStart - 1]))
                    {
                        lineStart--;
                    }

                    if (lineStart == 0 || !IsLineBreak(end[lineStart - 1]))
                    {
                        return LiteralForm.Invalid;
                    }

                    indentation = end.Substring(lineStart, quote - lineStart);
                    return LiteralForm.RawMultiLine;
                default:
                    return LiteralForm.Invalid;
            }
        }

        /// <summary>
        /// Raw literal over several lines: content starts after the opening line's break and ends before the closing
        /// line's break; the closing line's whitespace (the indentation) is removed from every content line.
        /// </summary>
        private static bool DecodeMultiLineRaw(Buffer buffer, object source, int basePosition, string text)
        {
            var quotes = CountQuotes(text, 0);
            if (quotes < 3)
            {
                return false;
            }

            var i = quotes;
            while (i < text.Length && IsWhitespace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || !IsLineBreak(text[i]))
            {
                return false;
            }

            var contentStart = i + LineBreakLength(text, i);
            var closingQuotes = text.Length - CountQuotesBackward(text, text.Length);
            if (text.Length - closingQuotes != quotes || closingQuotes < contentStart)
            {
                return false;
            }

            var closingLine = closingQuotes;
            while (closingLine > contentStart && IsWhitespace(text[closingLine - 1]))
            {
                closingLine--;
            }

            if (closingLine == contentStart)
            {
                return true; // the closing line directly follows the opening one: empty content
            }

            if (!IsLineBreak(text[closingLine - 1]))
            {
                return false;
            }

            var contentEnd = closingLine - 1;
            if (text[contentEnd] == '\n' && contentEnd > contentStart && text[contentEnd - 1] == '\r')
            {
                contentEnd--;
            }

            var indentation = text.Substring(closingLine, closingQuotes - closingLine);
            return DecodeRawLines(buffer, source, basePosition, text, contentStart, contentEnd, indentation, startsLine: true, endsLine: true);
        }

        /// <summary>
        /// Copies raw content [from, to), removing <paramref name="indentation"/> at each line start; a line of
        /// whitespace only that is shorter than the indentation becomes empty. Line breaks are kept as written.
        /// </summary>
        private static bool DecodeRawLines(Buffer buffer, object source, int basePosition, string text, int from, int to, string indentation, bool startsLine, bool endsLine)
        {
            var atLineStart = startsLine;
            var i = from;
            while (i < to)
            {
                if (atLineStart)
                {
                    atLineStart = false;
                    if (to - i >= indentation.Length && string.CompareOrdinal(text, i, indentation, 0, indentation.Length) == 0)
                    {
                        i += indentation.Length;
                        continue;
                    }

                    var j = i;
                    while (j < to && IsWhitespace(text[j]))
                    {
                        j++;
                    }

                    if (j < to ? !IsLineBreak(text[j]) : !endsLine)
                    {
                        return false; // content that does not start with the indentation: a compile error
                    }

                    i = j;
                    continue;
                }

                var c = text[i];
                buffer.Append(c, source, basePosition + i, basePosition + i + 1);
                atLineStart = IsLineBreak(c) && !(c == '\r' && i + 1 < to && text[i + 1] == '\n');
                i++;
            }

            return true;
        }

        /// <summary>Decodes a regular literal's content (and, with <paramref name="braces"/>, <c>{{</c> / <c>}}</c>).</summary>
        private static bool DecodeEscaped(Buffer buffer, object source, int basePosition, string text, int from, int to, bool braces)
        {
            var i = from;
            while (i < to)
            {
                var c = text[i];
                if (c == '{' || c == '}')
                {
                    if (!braces)
                    {
                        buffer.Append(c, source, basePosition + i, basePosition + i + 1);
                        i++;
                        continue;
                    }

                    if (i + 1 >= to || text[i + 1] != c)
                    {
                        return false;
                    }

                    buffer.Append(c, source, basePosition + i, basePosition + i + 2);
                    i += 2;
                    continue;
                }

                if (c != '\\')
                {
                    buffer.Append(c, source, basePosition + i, basePosition + i + 1);
                    i++;
                    continue;
                }

                if (i + 1 >= to)
                {
                    return false;
                }

                int value;
                var length = 2;
                switch (text[i + 1])
                {
                    case '\'': value = '\''; break;
                    case '"': value = '"'; break;
                    case '\\': value = '\\'; break;
                    case '0': value = '\0'; break;
                    case 'a': value = '\a'; break;
                    case 'b': value = '\b'; break;
                    case 'f': value = '\f'; break;
                    case 'n': value = '\n'; break;
                    case 'r': value = '\r'; break;
                    case 't': value = '\t'; break;
                    case 'v': value = '\v'; break;
                    case 'e': value = '\u001b'; break;
                    case 'x':
                        // One to four hex digits, as many as there are: "\x41BC" is U+41BC, not "ABC".
                        value = 0;
                        while (length < 6 && i + length < to && HexValue(text[i + length]) >= 0)
                        {
                            value = (value * 16) + HexValue(text[i + length]);
                            length++;
                        }

                        if (length == 2)
                        {
                            return false;
                        }

                        break;
                    case 'u':
                        length = 6;
                        if (!TryParseHex(text, i + 2, 4, to, out value))
                        {
                            return false;
                        }

                        break;
                    case 'U':
                        length = 10;
                        if (!TryParseHex(text, i + 2, 8, to, out value) || value > 0x10FFFF)
                        {
                            return false;
                        }

                        break;
                    default:
                        return false;
                }

                var start = basePosition + i;
                var end = start + length;
                if (value > 0xFFFF)
                {
                    // Both halves of the surrogate pair map to the whole \UHHHHHHHH escape.
                    var scalar = char.ConvertFromUtf32(value);
                    buffer.Append(scalar[0], source, start, end);
                    buffer.Append(scalar[1], source, start, end);
                }
                else
                {
                    buffer.Append((char)value, source, start, end);
                }

                i += length;
            }

            return true;
        }

        /// <summary>Decodes a verbatim literal's content: <c>""</c> is one quote (and, with <paramref name="braces"/>, <c>{{</c> / <c>}}</c>).</summary>
        private static bool DecodeVerbatim(Buffer buffer, object source, int basePosition, string text, int from, int to, bool braces)
        {
            var i = from;
            while (i < to)
            {
                var c = text[i];
                if (c == '"' || (braces && (c == '{' || c == '}')))
                {
                    if (i + 1 >= to || text[i + 1] != c)
                    {
                        return false;
                    }

                    buffer.Append(c, source, basePosition + i, basePosition + i + 2);
                    i += 2;
                    continue;
                }

                buffer.Append(c, source, basePosition + i, basePosition + i + 1);
                i++;
            }

            return true;
        }

        private static void AppendAsIs(Buffer buffer, object source, int basePosition, string text, int from, int to)
        {
            for (var i = from; i < to && !buffer.Overflowed; i++)
            {
                buffer.Append(text[i], source, basePosition + i, basePosition + i + 1);
            }
        }

        private static int CountQuotes(string text, int from)
        {
            var i = from;
            while (i < text.Length && text[i] == '"')
            {
                i++;
            }

            return i - from;
        }

        private static int CountQuotesBackward(string text, int end)
        {
            var i = end;
            while (i > 0 && text[i - 1] == '"')
            {
                i--;
            }

            return end - i;
        }

        private static bool TryParseHex(string text, int from, int digits, int to, out int value)
        {
            value = 0;
            if (to - from < digits)
            {
                return false;
            }

            for (var i = from; i < from + digits; i++)
            {
                var digit = HexValue(text[i]);
                if (digit < 0)
                {
                    return false;
                }

                value = (value * 16) + digit;
            }

            return true;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>C# whitespace (spec §6.3.4): Unicode class Zs, tab, vertical tab, form feed.</summary>
        internal static bool IsWhitespace(char c)
        {
            return c == ' ' || c == '\t' || c == '\v' || c == '\f'
                || (c > 0x7F && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);
        }

        /// <summary>C# line break characters (spec §6.3.2).</summary>
        internal static bool IsLineBreak(char c)
        {
            return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }

        private static int LineBreakLength(string text, int index)
        {
            return text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;
        }

        private static object SourceOf(SyntaxToken token)
        {
            return (object?)token.SyntaxTree ?? string.Empty;
        }
    }
}
