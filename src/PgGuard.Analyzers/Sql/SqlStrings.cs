namespace PgGuard.Analyzers.Sql
{
    /// <summary>
    /// The value of a string constant token with its quoting and escapes undone, as a <see cref="SqlText"/> whose every
    /// character still maps to the outer text (so SQL inside the string can be lexed again and located exactly).
    /// </summary>
    internal static class SqlStrings
    {
        /// <summary>The decoded value, or null for a token that is not a character-string constant.</summary>
        public static SqlText? Decode(SqlText text, SqlToken token)
        {
            switch (token.Kind)
            {
                case SqlTokenKind.DollarString:
                    return DecodeDollar(text, token);
                case SqlTokenKind.String:
                    var prefix = text.Chars[token.Start] == '\'' ? 1 : 2; // N'…'
                    return DecodeQuoted(text, token, token.Start + prefix, Escapes.None);
                case SqlTokenKind.EscapeString:
                    return DecodeQuoted(text, token, token.Start + 2, Escapes.Backslash);
                case SqlTokenKind.UnicodeString:
                    return DecodeQuoted(text, token, token.Start + 3, Escapes.Unicode);
                default:
                    return null;
            }
        }

        /// <summary>The decoded value as a string, or null when it is not a string constant or holds a hole.</summary>
        public static string? Value(SqlText text, SqlToken token)
        {
            if (!token.IsStringConstant || token.HasHole)
            {
                return null;
            }

            // Fast path: a plain '…' without doubled quotes or continuations needs no decoding.
            if (token.Kind == SqlTokenKind.String && token.IsTerminated && text.Chars[token.Start] == '\'')
            {
                var inner = text.Chars.IndexOf('\'', token.Start + 1, token.Length - 1);
                if (inner == token.End - 1)
                {
                    return text.Chars.Substring(token.Start + 1, token.Length - 2);
                }
            }

            return Decode(text, token)?.Chars;
        }

        private enum Escapes
        {
            None,
            Backslash,
            Unicode,
        }

        private static SqlText DecodeDollar(SqlText text, SqlToken token)
        {
            var tagEnd = text.Chars.IndexOf('$', token.Start + 1) + 1;
            var tagLength = tagEnd - token.Start;
            var bodyEnd = token.IsTerminated ? token.End - tagLength : token.End;
            return text.Slice(tagEnd, bodyEnd < tagEnd ? tagEnd : bodyEnd);
        }

        private static SqlText DecodeQuoted(SqlText text, SqlToken token, int i, Escapes escapes)
        {
            var builder = new SqlText.Builder();
            var end = token.End;
            var s = text.Chars;
            while (i < end)
            {
                var c = SqlLexer.CharAt(text, i);
                if (c == '\'')
                {
                    if (i + 1 < end && SqlLexer.CharAt(text, i + 1) == '\'')
                    {
                        builder.Append(text, '\'', i, i + 2);
                        i += 2;
                        continue;
                    }

                    // The end of one part; 'abc'\n'def' continues in the next.
                    var next = SqlLexer.FindContinuationQuote(text, i + 1);
                    if (next < 0 || next >= end)
                    {
                        break;
                    }

                    i = next + 1;
                    continue;
                }

                if (c == '\\' && escapes == Escapes.Backslash)
                {
                    i = AppendBackslashEscape(text, builder, i, end);
                    continue;
                }

                if (c == '\\' && escapes == Escapes.Unicode)
                {
                    i = AppendUnicodeEscape(text, builder, i, end);
                    continue;
                }

                builder.Append(text, s[i], i, i + 1);
                i++;
            }

            return builder.ToSqlText();
        }

        /// <summary>E'…' escapes: \b \f \n \r \t, octal \o..\ooo, hex \xh..\xhh, \uXXXX, \UXXXXXXXX; any other \c is c.</summary>
        private static int AppendBackslashEscape(SqlText text, SqlText.Builder builder, int i, int end)
        {
            if (i + 1 >= end)
            {
                return end;
            }

            var c = SqlLexer.CharAt(text, i + 1);
            switch (c)
            {
                case 'b':
                    builder.Append(text, '\b', i, i + 2);
                    return i + 2;
                case 'f':
                    builder.Append(text, '\f', i, i + 2);
                    return i + 2;
                case 'n':
                    builder.Append(text, '\n', i, i + 2);
                    return i + 2;
                case 'r':
                    builder.Append(text, '\r', i, i + 2);
                    return i + 2;
                case 't':
                    builder.Append(text, '\t', i, i + 2);
                    return i + 2;
                case 'x':
                    return AppendNumber(text, builder, i, i + 2, end, 16, 1, 2);
                case 'u':
                    return AppendNumber(text, builder, i, i + 2, end, 16, 4, 4);
                case 'U':
                    return AppendNumber(text, builder, i, i + 2, end, 16, 8, 8);
            }

            if (c >= '0' && c <= '7')
            {
                return AppendNumber(text, builder, i, i + 1, end, 8, 1, 3);
            }

            builder.Append(text, text.Chars[i + 1], i, i + 2);
            return i + 2;
        }

        /// <summary>U&amp;'…' escapes: \XXXX, \+XXXXXX, \\ (a custom UESCAPE character is not honoured).</summary>
        private static int AppendUnicodeEscape(SqlText text, SqlText.Builder builder, int i, int end)
        {
            var c = i + 1 < end ? SqlLexer.CharAt(text, i + 1) : '\0';
            if (c == '\\')
            {
                builder.Append(text, '\\', i, i + 2);
                return i + 2;
            }

            return c == '+'
                ? AppendNumber(text, builder, i, i + 2, end, 16, 6, 6)
                : AppendNumber(text, builder, i, i + 1, end, 16, 4, 4);
        }

        /// <summary>
        /// Reads <paramref name="min"/>..<paramref name="max"/> digits from <paramref name="digitsStart"/> and appends the code
        /// point they spell, mapped to the whole escape; with too few digits the backslash is kept as text.
        /// </summary>
        private static int AppendNumber(SqlText text, SqlText.Builder builder, int escapeStart, int digitsStart, int end, int radix, int min, int max)
        {
            var value = 0;
            var i = digitsStart;
            while (i < end && i - digitsStart < max)
            {
                var digit = DigitValue(SqlLexer.CharAt(text, i));
                if (digit < 0 || digit >= radix)
                {
                    break;
                }

                value = (value * radix) + digit;
                i++;
            }

            if (i - digitsStart < min)
            {
                builder.Append(text, text.Chars[escapeStart], escapeStart, escapeStart + 1);
                return escapeStart + 1;
            }

            if (value <= 0xFFFF)
            {
                builder.Append(text, (char)value, escapeStart, i);
            }
            else if (value <= 0x10FFFF)
            {
                var pair = char.ConvertFromUtf32(value);
                builder.Append(text, pair[0], escapeStart, i);
                builder.Append(text, pair[1], escapeStart, i);
            }
            else
            {
                builder.Append(text, '\uFFFD', escapeStart, i);
            }

            return i;
        }

        private static int DigitValue(char c)
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
    }
}
