using System;
using System.Collections.Immutable;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>
    /// PostgreSQL's lexical rules in one linear pass (POSTGRES.md §6.1; the server's <c>scan.l</c>): nested block comments,
    /// <c>'…'</c> with doubled quotes and newline-separated continuation, <c>E'…'</c> backslash escapes, <c>U&amp;'…'</c>,
    /// <c>B'…'</c>/<c>X'…'</c>/<c>N'…'</c>, dollar quotes, quoted identifiers, <c>$1</c> parameters. Never throws: an
    /// unterminated quote, dollar quote or comment runs to the end of the text. Whitespace yields no token.
    /// </summary>
    public sealed class SqlLexer
    {
        private const string OperatorChars = "~!@#^&|`?+-*/%<>=";

        // A multi-character operator may end in + or - only when it holds one of these (else "a=-1" would lex as "=-").
        private const string OperatorCharsAllowingTrailingSign = "~!@#^&|`?%";

        private readonly SqlText _text;
        private readonly string _s;
        private int _pos;

        public SqlLexer(SqlText text)
        {
            _text = text;
            _s = text.Chars;
        }

        /// <summary>Every token of <paramref name="text"/>, comments included.</summary>
        public static ImmutableArray<SqlToken> Tokenize(SqlText text)
        {
            var lexer = new SqlLexer(text);
            var tokens = ImmutableArray.CreateBuilder<SqlToken>();
            while (lexer.TryNext(out var token))
            {
                tokens.Add(token);
            }

            return tokens.ToImmutable();
        }

        public static ImmutableArray<SqlToken> Tokenize(string text) => Tokenize(SqlText.FromString(text));

        /// <summary>Reads the next token (comments included); false at the end of the text.</summary>
        public bool TryNext(out SqlToken token)
        {
            SkipWhitespace();
            if (_pos >= _s.Length)
            {
                token = default;
                return false;
            }

            var start = _pos;
            if (_text.IsHole(start))
            {
                _pos++;
                token = Make(SqlTokenKind.Unknown, start, terminated: true);
                return true;
            }

            var kind = Scan(out var terminated);
            token = Make(kind, start, terminated);
            return true;
        }

        private SqlToken Make(SqlTokenKind kind, int start, bool terminated) =>
            new SqlToken(kind, start, _pos, _text.ToOuterSpan(start, _pos), terminated, _text.ContainsHole(start, _pos));

        private SqlTokenKind Scan(out bool terminated)
        {
            terminated = true;
            var c = _s[_pos];
            var next = CharAt(_pos + 1);
            switch (c)
            {
                case '-' when next == '-':
                    SkipLineComment();
                    return SqlTokenKind.LineComment;
                case '/' when next == '*':
                    terminated = ScanBlockComment();
                    return SqlTokenKind.BlockComment;
                case '\'':
                    terminated = ScanQuoted(_pos + 1, '\'', backslashEscapes: false);
                    return SqlTokenKind.String;
                case '"':
                    terminated = ScanQuoted(_pos + 1, '"', backslashEscapes: false);
                    return SqlTokenKind.QuotedIdentifier;
                case '$':
                    return ScanDollar(out terminated);
                case '(':
                    return Single(SqlTokenKind.OpenParen);
                case ')':
                    return Single(SqlTokenKind.CloseParen);
                case '[':
                    return Single(SqlTokenKind.OpenBracket);
                case ']':
                    return Single(SqlTokenKind.CloseBracket);
                case ',':
                    return Single(SqlTokenKind.Comma);
                case ';':
                    return Single(SqlTokenKind.Semicolon);
                case ':':
                    return ScanColon(next);
                case '.' when IsDigit(next):
                    ScanNumber();
                    return SqlTokenKind.Number;
                case '.':
                    return Single(SqlTokenKind.Dot);
                case '@' when IsIdentStart(next):
                    // Npgsql and Dapper placeholders: the value travels as a parameter.
                    _pos++;
                    SkipWhile(IsPlaceholderChar);
                    return SqlTokenKind.Parameter;
            }

            if (IsDigit(c))
            {
                ScanNumber();
                return SqlTokenKind.Number;
            }

            if (IsIdentStart(c))
            {
                return ScanWord(c, next, out terminated);
            }

            if (OperatorChars.IndexOf(c) >= 0)
            {
                ScanOperator();
                return SqlTokenKind.Operator;
            }

            return Single(SqlTokenKind.Unknown);
        }

        private SqlTokenKind Single(SqlTokenKind kind)
        {
            _pos++;
            return kind;
        }

        private SqlTokenKind ScanColon(char next)
        {
            if (next == ':')
            {
                _pos += 2;
                return SqlTokenKind.DoubleColon;
            }

            if (next == '=')
            {
                // PL/pgSQL assignment.
                _pos += 2;
                return SqlTokenKind.Operator;
            }

            if (IsIdentStart(next))
            {
                _pos++;
                SkipWhile(IsPlaceholderChar);
                return SqlTokenKind.Parameter;
            }

            return Single(SqlTokenKind.Colon);
        }

        /// <summary>An identifier or keyword, or a prefixed string: E'…', B'…', X'…', N'…', U&amp;'…', U&amp;"…".</summary>
        private SqlTokenKind ScanWord(char c, char next, out bool terminated)
        {
            terminated = true;
            if (next == '\'')
            {
                switch (c)
                {
                    case 'e':
                    case 'E':
                        terminated = ScanQuoted(_pos + 2, '\'', backslashEscapes: true);
                        return SqlTokenKind.EscapeString;
                    case 'b':
                    case 'B':
                    case 'x':
                    case 'X':
                        terminated = ScanQuoted(_pos + 2, '\'', backslashEscapes: false);
                        return SqlTokenKind.BitString;
                    case 'n':
                    case 'N':
                        terminated = ScanQuoted(_pos + 2, '\'', backslashEscapes: false);
                        return SqlTokenKind.String;
                }
            }

            if ((c == 'u' || c == 'U') && next == '&')
            {
                var quote = CharAt(_pos + 2);
                if (quote == '\'')
                {
                    terminated = ScanQuoted(_pos + 3, '\'', backslashEscapes: false);
                    return SqlTokenKind.UnicodeString;
                }

                if (quote == '"')
                {
                    terminated = ScanQuoted(_pos + 3, '"', backslashEscapes: false);
                    return SqlTokenKind.QuotedIdentifier;
                }
            }

            _pos++;
            SkipWhile(IsIdentCont);
            return SqlTokenKind.Identifier;
        }

        /// <summary>
        /// Scans from <paramref name="i"/> (just after the opening quote) to the closing quote; a doubled quote is data.
        /// A string constant continues in another quoted part after whitespace that holds a newline ('a'\n'b' is 'ab').
        /// </summary>
        private bool ScanQuoted(int i, char quote, bool backslashEscapes)
        {
            while (i < _s.Length)
            {
                var c = _s[i];
                if (c == '\\' && backslashEscapes && !_text.IsHole(i))
                {
                    i += 2;
                    continue;
                }

                if (c == quote && !_text.IsHole(i))
                {
                    if (CharAt(i + 1) == quote)
                    {
                        i += 2;
                        continue;
                    }

                    var continuation = quote == '\'' ? FindContinuationQuote(_text, i + 1) : -1;
                    if (continuation < 0)
                    {
                        _pos = i + 1;
                        return true;
                    }

                    i = continuation + 1;
                    continue;
                }

                i++;
            }

            _pos = _s.Length;
            return false;
        }

        /// <summary>
        /// The index of the quote that continues a string constant ending just before <paramref name="i"/>, or -1.
        /// PostgreSQL accepts spaces and <c>--</c> comments in between, provided a newline is among them.
        /// </summary>
        internal static int FindContinuationQuote(SqlText text, int i)
        {
            var sawNewline = false;
            while (i < text.Length)
            {
                var c = CharAt(text, i);
                if (c == '\n' || c == '\r')
                {
                    sawNewline = true;
                    i++;
                }
                else if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
                {
                    i++;
                }
                else if (c == '-' && CharAt(text, i + 1) == '-')
                {
                    while (i < text.Length && CharAt(text, i) != '\n' && CharAt(text, i) != '\r')
                    {
                        i++;
                    }
                }
                else
                {
                    return sawNewline && c == '\'' ? i : -1;
                }
            }

            return -1;
        }

        private void SkipLineComment()
        {
            var i = _pos + 2;
            while (i < _s.Length && !IsNewline(i))
            {
                i++;
            }

            _pos = i;
        }

        private bool IsNewline(int i) => (_s[i] == '\n' || _s[i] == '\r') && !_text.IsHole(i);

        private bool ScanBlockComment()
        {
            var depth = 1;
            var i = _pos + 2;
            while (i < _s.Length)
            {
                var c = CharAt(i);
                if (c == '/' && CharAt(i + 1) == '*')
                {
                    depth++;
                    i += 2;
                }
                else if (c == '*' && CharAt(i + 1) == '/')
                {
                    i += 2;
                    if (--depth == 0)
                    {
                        _pos = i;
                        return true;
                    }
                }
                else
                {
                    i++;
                }
            }

            _pos = _s.Length;
            return false;
        }

        /// <summary><c>$1</c> is a parameter; <c>$$</c> or <c>$tag$</c> opens a dollar quote; any other <c>$</c> is not valid SQL.</summary>
        private SqlTokenKind ScanDollar(out bool terminated)
        {
            terminated = true;
            var start = _pos;
            var i = start + 1;
            if (IsDigit(CharAt(i)))
            {
                _pos = i;
                SkipWhile(IsDigit);
                return SqlTokenKind.Parameter;
            }

            // The tag follows identifier rules without '$' and is case-sensitive.
            if (IsIdentStart(CharAt(i)))
            {
                i++;
                while (IsIdentCont(CharAt(i)) && CharAt(i) != '$')
                {
                    i++;
                }
            }

            if (CharAt(i) != '$')
            {
                return Single(SqlTokenKind.Unknown);
            }

            var tagLength = i + 1 - start;
            var close = FindDollarClose(start, tagLength, start + tagLength);
            if (close < 0)
            {
                terminated = false;
                _pos = _s.Length;
            }
            else
            {
                _pos = close + tagLength;
            }

            return SqlTokenKind.DollarString;
        }

        /// <summary>Where the tag of the dollar quote at <paramref name="open"/> appears again from <paramref name="from"/>, or -1.</summary>
        private int FindDollarClose(int open, int tagLength, int from)
        {
            var tag = _s.Substring(open, tagLength);
            var close = _s.IndexOf(tag, from, StringComparison.Ordinal);

            // A hole can never be part of the closing tag (the tag itself holds no hole).
            while (close >= 0 && _text.ContainsHole(close, close + tagLength))
            {
                close = _s.IndexOf(tag, close + 1, StringComparison.Ordinal);
            }

            return close;
        }

        private void ScanNumber()
        {
            var i = _pos;
            var c = _s[i];
            if (c == '0' && "xXoObB".IndexOf(CharAt(i + 1)) >= 0 && IsAsciiLetterOrDigit(CharAt(i + 2)))
            {
                // 0x1F, 0o17, 0b101 (PostgreSQL 16+), with '_' separators.
                i += 2;
                while (IsAsciiLetterOrDigit(CharAt(i)) || CharAt(i) == '_')
                {
                    i++;
                }

                _pos = i;
                return;
            }

            while (IsDigit(CharAt(i)) || CharAt(i) == '_')
            {
                i++;
            }

            if (CharAt(i) == '.' && CharAt(i + 1) != '.')
            {
                i++;
                while (IsDigit(CharAt(i)) || CharAt(i) == '_')
                {
                    i++;
                }
            }

            if (CharAt(i) == 'e' || CharAt(i) == 'E')
            {
                var j = i + 1;
                if (CharAt(j) == '+' || CharAt(j) == '-')
                {
                    j++;
                }

                if (IsDigit(CharAt(j)))
                {
                    i = j;
                    while (IsDigit(CharAt(i)))
                    {
                        i++;
                    }
                }
            }

            _pos = i;
        }

        private void ScanOperator()
        {
            var start = _pos;
            var i = start;
            var allowsTrailingSign = false;
            while (OperatorChars.IndexOf(CharAt(i)) >= 0)
            {
                // "--" and "/*" start comments even inside an operator run.
                if (i > start && ((CharAt(i) == '-' && CharAt(i + 1) == '-') || (CharAt(i) == '/' && CharAt(i + 1) == '*')))
                {
                    break;
                }

                allowsTrailingSign |= OperatorCharsAllowingTrailingSign.IndexOf(CharAt(i)) >= 0;
                i++;
            }

            while (!allowsTrailingSign && i - start > 1 && (_s[i - 1] == '+' || _s[i - 1] == '-'))
            {
                i--;
            }

            _pos = i;
        }

        private void SkipWhitespace()
        {
            while (_pos < _s.Length)
            {
                var c = _s[_pos];
                if ((c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') || _text.IsHole(_pos))
                {
                    return;
                }

                _pos++;
            }
        }

        private void SkipWhile(Func<char, bool> predicate)
        {
            while (_pos < _s.Length && predicate(CharAt(_pos)))
            {
                _pos++;
            }
        }

        /// <summary>The character at <paramref name="i"/>; '\0' past the end or at a hole, so a hole never matches syntax.</summary>
        private char CharAt(int i) => CharAt(_text, i);

        internal static char CharAt(SqlText text, int i) => i < text.Length && !text.IsHole(i) ? text.Chars[i] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c);

        /// <summary>[A-Za-z_] or any non-ASCII character (PostgreSQL accepts bytes \200-\377 in identifiers).</summary>
        internal static bool IsIdentStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';

        internal static bool IsIdentCont(char c) => IsIdentStart(c) || IsDigit(c) || c == '$';

        private static bool IsPlaceholderChar(char c) => IsIdentStart(c) || IsDigit(c);
    }
}
