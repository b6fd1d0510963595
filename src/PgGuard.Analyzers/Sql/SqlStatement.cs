using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>Where a statement was found: in the text itself or inside code the server runs later.</summary>
    public enum SqlStatementOrigin
    {
        /// <summary>A statement of the analysed text.</summary>
        Script,

        /// <summary>Inside the body of <c>DO $$ … $$</c>.</summary>
        DoBody,

        /// <summary>Inside a function or procedure body given as a string (<c>AS $$ … $$</c>).</summary>
        FunctionBody,

        /// <summary>Inside a string run by <c>EXECUTE</c> or formatted by <c>format(…)</c> in a PL/pgSQL body.</summary>
        DynamicSql,
    }

    /// <summary>
    /// One statement: its significant tokens (comments dropped, no terminating <c>;</c>) over the text they were lexed
    /// from, with the small matching helpers rules use. Words are compared the way the server does: keywords are unquoted
    /// and case-insensitive (<see cref="IsKeyword"/>); names (role options, role names, function names) are identifiers
    /// whose value is folded to lower case unless quoted (<see cref="IsName"/>: <c>"superuser"</c> matches, <c>"SUPERUSER"</c> not).
    /// </summary>
    public sealed class SqlStatement
    {
        private const int MaxDisplayLength = 80;

        internal SqlStatement(SqlText text, ImmutableArray<SqlToken> tokens, SqlStatementOrigin origin, int depth, bool procedural = false)
        {
            Text = text;
            Tokens = tokens;
            Origin = origin;
            Depth = depth;
            IsProcedural = procedural;
        }

        /// <summary>The text the tokens index (the outer text, or the decoded body they were found in).</summary>
        public SqlText Text { get; }

        public ImmutableArray<SqlToken> Tokens { get; }

        public SqlStatementOrigin Origin { get; }

        /// <summary>0 for the analysed text; one more for each body or dynamic string the statement is nested in.</summary>
        public int Depth { get; }

        /// <summary>True inside a PL/pgSQL body, where <c>EXECUTE '…'</c> runs a string as SQL.</summary>
        public bool IsProcedural { get; }

        public int Count => Tokens.Length;

        public SqlToken this[int index] => Tokens[index];

        /// <summary>True when token <paramref name="index"/> exists and is of <paramref name="kind"/>.</summary>
        public bool Is(int index, SqlTokenKind kind) => index >= 0 && index < Tokens.Length && Tokens[index].Kind == kind;

        /// <summary>True when token <paramref name="index"/> is the unquoted word <paramref name="lowerWord"/> (any case).</summary>
        public bool IsKeyword(int index, string lowerWord)
        {
            if (!Is(index, SqlTokenKind.Identifier))
            {
                return false;
            }

            var token = Tokens[index];
            return token.Length == lowerWord.Length && !token.HasHole && EqualsAsciiIgnoreCase(Text.Chars, token.Start, lowerWord);
        }

        /// <summary>
        /// True when token <paramref name="index"/> is an identifier whose value is <paramref name="lowerName"/>: unquoted in
        /// any case, or quoted exactly in lower case.
        /// </summary>
        public bool IsName(int index, string lowerName)
        {
            if (IsKeyword(index, lowerName))
            {
                return true;
            }

            if (!Is(index, SqlTokenKind.QuotedIdentifier))
            {
                return false;
            }

            var token = Tokens[index];
            return Text.Chars[token.Start] == '"'
                && token.IsTerminated
                && !token.HasHole
                && token.Length == lowerName.Length + 2
                && string.CompareOrdinal(Text.Chars, token.Start + 1, lowerName, 0, lowerName.Length) == 0;
        }

        /// <summary>
        /// The value of identifier <paramref name="index"/> (folded to lower case unless quoted), or null for another token,
        /// a hole or a <c>U&amp;"…"</c> identifier (whose escapes are not decoded).
        /// </summary>
        public string? GetName(int index)
        {
            if (index < 0 || index >= Tokens.Length || Tokens[index].HasHole)
            {
                return null;
            }

            var token = Tokens[index];
            if (token.Kind == SqlTokenKind.Identifier)
            {
                return ToLowerAscii(Text.Chars.Substring(token.Start, token.Length));
            }

            if (token.Kind == SqlTokenKind.QuotedIdentifier && Text.Chars[token.Start] == '"')
            {
                var end = token.IsTerminated ? token.End - 1 : token.End;
                return Text.Chars.Substring(token.Start + 1, end - token.Start - 1).Replace("\"\"", "\"");
            }

            return null;
        }

        /// <summary>The value of string constant <paramref name="index"/>, or null for another token or one holding a hole.</summary>
        public string? GetString(int index) =>
            index >= 0 && index < Tokens.Length ? SqlStrings.Value(Text, Tokens[index]) : null;

        /// <summary>The value of string constant <paramref name="index"/> as text that maps to the outer text, or null.</summary>
        public SqlText? DecodeString(int index) =>
            index >= 0 && index < Tokens.Length ? SqlStrings.Decode(Text, Tokens[index]) : null;

        /// <summary>The name or string value of token <paramref name="index"/> (<c>SET ROLE admin</c> and <c>SET ROLE 'admin'</c> alike).</summary>
        public string? GetNameOrString(int index) => GetName(index) ?? GetString(index);

        /// <summary>The index of the <c>)</c> closing the <c>(</c> at <paramref name="open"/>, or <see cref="Count"/> when unbalanced.</summary>
        public int FindClosingParen(int open)
        {
            var depth = 0;
            for (var i = open; i < Tokens.Length; i++)
            {
                var kind = Tokens[i].Kind;
                if (kind == SqlTokenKind.OpenParen)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.CloseParen && --depth == 0)
                {
                    return i;
                }
            }

            return Tokens.Length;
        }

        /// <summary>The index of the first unquoted <paramref name="lowerWord"/> at parenthesis depth 0 in [from, Count), or -1.</summary>
        public int FindKeyword(int from, string lowerWord)
        {
            var depth = 0;
            for (var i = from; i < Tokens.Length; i++)
            {
                var kind = Tokens[i].Kind;
                if (kind == SqlTokenKind.OpenParen)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.CloseParen)
                {
                    depth = depth > 0 ? depth - 1 : 0;
                }
                else if (depth == 0 && IsKeyword(i, lowerWord))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The index after <c>CREATE</c> or <c>CREATE OR REPLACE</c> at the start of the statement, or -1 when it is not a
        /// CREATE statement.
        /// </summary>
        public int AfterCreateOrReplace()
        {
            if (!IsKeyword(0, "create"))
            {
                return -1;
            }

            return IsKeyword(1, "or") && IsKeyword(2, "replace") ? 3 : 1;
        }

        /// <summary>The outer-text span from the start of token <paramref name="first"/> to the end of token <paramref name="last"/>.</summary>
        public TextSpan SpanOf(int first, int last) => TextSpan.FromBounds(Tokens[first].Span.Start, Tokens[last].Span.End);

        /// <summary>
        /// A short, safe rendering of tokens [first, last] for a message: words as written (or, with
        /// <paramref name="foldNames"/>, as the server folds them), string constants as <c>'…'</c> (never their content, which
        /// may be a secret), holes as <c>…</c>; long renderings are cut.
        /// </summary>
        public string Display(int first, int last, bool foldNames = false)
        {
            var builder = new StringBuilder();
            for (var i = first; i <= last && i < Tokens.Length; i++)
            {
                var token = Tokens[i];
                var glued = i > first && (Tokens[i - 1].End == token.Start || token.Kind == SqlTokenKind.Comma
                    || token.Kind == SqlTokenKind.CloseParen || token.Kind == SqlTokenKind.Dot
                    || Tokens[i - 1].Kind == SqlTokenKind.OpenParen || Tokens[i - 1].Kind == SqlTokenKind.Dot);
                if (i > first && !glued)
                {
                    builder.Append(' ');
                }

                if (token.IsStringConstant || token.Kind == SqlTokenKind.BitString)
                {
                    builder.Append("'…'");
                }
                else if (token.HasHole)
                {
                    builder.Append('…');
                }
                else
                {
                    var name = foldNames || token.Kind == SqlTokenKind.QuotedIdentifier ? GetName(i) : null;
                    builder.Append(name ?? Text.Chars.Substring(token.Start, token.Length));
                }

                if (builder.Length > MaxDisplayLength)
                {
                    builder.Length = MaxDisplayLength;
                    builder.Append('…');
                    break;
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// The end (exclusive) of the name starting at <paramref name="index"/>: identifiers, quoted identifiers and holes
        /// written without a space in between form one name (<c>app_{env}</c> from C#).
        /// </summary>
        public int NameEnd(int index)
        {
            var i = index;
            while (i < Tokens.Length && IsNamePart(Tokens[i]) && (i == index || Tokens[i - 1].End == Tokens[i].Start))
            {
                i++;
            }

            return i;
        }

        private static bool IsNamePart(SqlToken token) =>
            token.IsIdentifier || token.Kind == SqlTokenKind.Unknown && token.HasHole || token.Kind == SqlTokenKind.Number;

        internal static bool EqualsAsciiIgnoreCase(string text, int start, string lowerWord)
        {
            for (var i = 0; i < lowerWord.Length; i++)
            {
                var c = text[start + i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + 32);
                }

                if (c != lowerWord[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>PostgreSQL folds only ASCII letters of unquoted identifiers (in UTF-8 databases).</summary>
        internal static string ToLowerAscii(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] >= 'A' && text[i] <= 'Z')
                {
                    var chars = text.ToCharArray();
                    for (var j = i; j < chars.Length; j++)
                    {
                        if (chars[j] >= 'A' && chars[j] <= 'Z')
                        {
                            chars[j] = (char)(chars[j] + 32);
                        }
                    }

                    return new string(chars);
                }
            }

            return text;
        }
    }
}
