using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>
    /// Splits SQL into statements and looks into the code the server runs later (POSTGRES.md §6.2), lazily, one statement
    /// at a time, so memory stays bounded by the largest statement:
    /// <list type="bullet">
    /// <item>statements end at <c>;</c> outside quotes and comments, except inside the <c>BEGIN ATOMIC … END</c> body of
    /// <c>CREATE FUNCTION|PROCEDURE</c>;</item>
    /// <item>the bodies of <c>DO $$ … $$</c> and of <c>CREATE FUNCTION|PROCEDURE … AS '…'</c> in <c>plpgsql</c> or
    /// <c>sql</c> are parsed again; in PL/pgSQL a statement also ends after <c>BEGIN</c>, <c>DECLARE</c>, <c>THEN</c>,
    /// <c>ELSE</c> and <c>LOOP</c>, so <c>IF … THEN CREATE ROLE …</c> yields the <c>CREATE ROLE</c> statement;</item>
    /// <item>in PL/pgSQL, the strings of <c>EXECUTE '…' || expr || '…'</c> (non-string operands become holes) and the
    /// format string of <c>format('…', …)</c> (<c>%I</c>, <c>%L</c>, <c>%s</c> become holes) are parsed as SQL.</item>
    /// </list>
    /// Other strings are data and never looked into. Every statement follows the statements it was found in.
    /// </summary>
    public static class SqlStatements
    {
        /// <summary>How deep bodies and dynamic strings are followed (a DO body's EXECUTE of a format string is depth 3).</summary>
        public const int MaxDepth = 4;

        public static IEnumerable<SqlStatement> Parse(SqlText text, CancellationToken cancellationToken = default) =>
            Parse(text, SqlStatementOrigin.Script, depth: 0, procedural: false, cancellationToken);

        public static IEnumerable<SqlStatement> Parse(string text, CancellationToken cancellationToken = default) =>
            Parse(SqlText.FromString(text), cancellationToken);

        private static IEnumerable<SqlStatement> Parse(SqlText text, SqlStatementOrigin origin, int depth, bool procedural, CancellationToken cancellationToken)
        {
            var lexer = new SqlLexer(text);
            var tokens = ImmutableArray.CreateBuilder<SqlToken>();
            var parenDepth = 0;
            var atomicDepth = 0; // BEGIN … END nesting inside a CREATE FUNCTION|PROCEDURE statement
            var read = 0;
            while (lexer.TryNext(out var token))
            {
                if ((++read & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (token.IsComment)
                {
                    continue;
                }

                var ends = false;
                if (token.Kind == SqlTokenKind.Semicolon && atomicDepth == 0)
                {
                    ends = true;
                }
                else
                {
                    tokens.Add(token);
                    if (token.Kind == SqlTokenKind.OpenParen)
                    {
                        parenDepth++;
                    }
                    else if (token.Kind == SqlTokenKind.CloseParen)
                    {
                        parenDepth = parenDepth > 0 ? parenDepth - 1 : 0;
                    }
                    else if (token.Kind == SqlTokenKind.Identifier && parenDepth == 0)
                    {
                        if (procedural)
                        {
                            ends = EndsProceduralHeader(text, token);
                        }
                        else
                        {
                            atomicDepth = TrackAtomicBody(text, tokens, atomicDepth);
                        }
                    }
                }

                if (ends && tokens.Count != 0)
                {
                    var statement = new SqlStatement(text, tokens.ToImmutable(), origin, depth, procedural);
                    tokens.Clear();
                    parenDepth = 0;
                    atomicDepth = 0;
                    foreach (var found in WithNested(statement, cancellationToken))
                    {
                        yield return found;
                    }
                }
            }

            if (tokens.Count != 0)
            {
                foreach (var found in WithNested(new SqlStatement(text, tokens.ToImmutable(), origin, depth, procedural), cancellationToken))
                {
                    yield return found;
                }
            }
        }

        /// <summary>
        /// psql's heuristic for SQL-standard bodies: in a statement that starts CREATE [OR REPLACE] FUNCTION|PROCEDURE,
        /// BEGIN opens a block, CASE inside one opens another (it also ends with END), END closes one.
        /// </summary>
        private static int TrackAtomicBody(SqlText text, ImmutableArray<SqlToken>.Builder tokens, int atomicDepth)
        {
            var token = tokens[tokens.Count - 1];
            if (Is(text, token, "begin"))
            {
                return atomicDepth > 0 || IsRoutineHeader(text, tokens) ? atomicDepth + 1 : 0;
            }

            if (atomicDepth > 0 && Is(text, token, "case"))
            {
                return atomicDepth + 1;
            }

            if (atomicDepth > 0 && Is(text, token, "end"))
            {
                return atomicDepth - 1;
            }

            return atomicDepth;
        }

        private static bool IsRoutineHeader(SqlText text, ImmutableArray<SqlToken>.Builder tokens)
        {
            if (tokens.Count < 3 || !Is(text, tokens[0], "create"))
            {
                return false;
            }

            var kind = Is(text, tokens[1], "or") && Is(text, tokens[2], "replace") ? 3 : 1;
            return kind < tokens.Count && (Is(text, tokens[kind], "function") || Is(text, tokens[kind], "procedure"));
        }

        /// <summary>PL/pgSQL block and control keywords after which the next statement starts.</summary>
        private static bool EndsProceduralHeader(SqlText text, SqlToken token) =>
            Is(text, token, "begin") || Is(text, token, "declare") || Is(text, token, "then")
            || Is(text, token, "else") || Is(text, token, "loop");

        private static bool Is(SqlText text, SqlToken token, string lowerWord) =>
            token.Kind == SqlTokenKind.Identifier && token.Length == lowerWord.Length && !token.HasHole
            && SqlStatement.EqualsAsciiIgnoreCase(text.Chars, token.Start, lowerWord);

        private static IEnumerable<SqlStatement> WithNested(SqlStatement statement, CancellationToken cancellationToken)
        {
            yield return statement;
            if (statement.Depth >= MaxDepth)
            {
                yield break;
            }

            var depth = statement.Depth + 1;
            foreach (var body in FindBodies(statement))
            {
                foreach (var nested in Parse(body.Text, body.Origin, depth, body.Procedural, cancellationToken))
                {
                    yield return nested;
                }
            }
        }

        private readonly struct Body
        {
            public Body(SqlText text, SqlStatementOrigin origin, bool procedural)
            {
                Text = text;
                Origin = origin;
                Procedural = procedural;
            }

            public SqlText Text { get; }

            public SqlStatementOrigin Origin { get; }

            public bool Procedural { get; }
        }

        private static IEnumerable<Body> FindBodies(SqlStatement statement)
        {
            if (statement.IsKeyword(0, "do"))
            {
                // DO [LANGUAGE lang] code | DO code [LANGUAGE lang]; only PL/pgSQL (the default) is SQL-like.
                var language = Language(statement, 1);
                for (var i = 1; i < statement.Count; i++)
                {
                    if (statement[i].IsStringConstant && !statement.IsKeyword(i - 1, "language"))
                    {
                        if (language == null || language == "plpgsql")
                        {
                            yield return new Body(statement.DecodeString(i)!, SqlStatementOrigin.DoBody, procedural: true);
                        }

                        break;
                    }
                }

                yield break;
            }

            var routine = statement.AfterCreateOrReplace();
            if (routine > 0 && (statement.IsKeyword(routine, "function") || statement.IsKeyword(routine, "procedure")))
            {
                // AS 'definition' (not AS 'obj_file', 'link_symbol', which is C).
                var @as = statement.FindKeyword(routine, "as");
                if (@as > 0 && @as + 1 < statement.Count && statement[@as + 1].IsStringConstant
                    && !statement.Is(@as + 2, SqlTokenKind.Comma))
                {
                    var language = Language(statement, routine);
                    if (language == null || language == "sql" || language == "plpgsql")
                    {
                        yield return new Body(statement.DecodeString(@as + 1)!, SqlStatementOrigin.FunctionBody, procedural: language == "plpgsql");
                    }
                }

                yield break;
            }

            if (!statement.IsProcedural)
            {
                yield break;
            }

            for (var i = 0; i < statement.Count; i++)
            {
                if (statement.IsKeyword(i, "execute"))
                {
                    var dynamic = ExecuteOperand(statement, i + 1);
                    if (dynamic != null)
                    {
                        yield return new Body(dynamic, SqlStatementOrigin.DynamicSql, procedural: false);
                    }
                }
                else if (statement.IsName(i, "format") && statement.Is(i + 1, SqlTokenKind.OpenParen)
                    && statement.Count > i + 2 && statement[i + 2].IsStringConstant)
                {
                    yield return new Body(FormatString(statement.DecodeString(i + 2)!), SqlStatementOrigin.DynamicSql, procedural: false);
                }
            }
        }

        /// <summary>
        /// The language named by <c>LANGUAGE x</c> or <c>LANGUAGE 'x'</c> at depth 0 from <paramref name="from"/>, in lower
        /// case (old scripts write <c>LANGUAGE 'C'</c>), or null.
        /// </summary>
        internal static string? Language(SqlStatement statement, int from)
        {
            var language = statement.FindKeyword(from, "language");
            var name = language < 0 ? null : statement.GetNameOrString(language + 1);
            return name == null ? null : SqlStatement.ToLowerAscii(name);
        }

        /// <summary>
        /// The text run by <c>EXECUTE a || b || …</c>: string constants decoded, every other operand one hole. Null when no
        /// operand is a string constant (<c>EXECUTE sql_var</c>), or when the chain starts <c>format(…)</c> (parsed on its own).
        /// </summary>
        private static SqlText? ExecuteOperand(SqlStatement statement, int i)
        {
            var builder = new SqlText.Builder();
            var hasString = false;
            while (i < statement.Count)
            {
                var end = OperandEnd(statement, i);
                if (end == i)
                {
                    break;
                }

                if (end == i + 1 && statement[i].IsStringConstant)
                {
                    var value = statement.DecodeString(i)!;
                    for (var c = 0; c < value.Length; c++)
                    {
                        builder.Append(value, value.Chars[c], c, c + 1);
                    }

                    hasString = true;
                }
                else
                {
                    builder.AppendHole(statement.SpanOf(i, end - 1));
                }

                if (end < statement.Count && IsConcatenation(statement, end))
                {
                    i = end + 1;
                }
                else
                {
                    break;
                }
            }

            return hasString ? builder.ToSqlText() : null;
        }

        /// <summary>The end (exclusive) of the operand at <paramref name="i"/>: the next <c>||</c>, <c>USING</c> or <c>INTO</c> at depth 0.</summary>
        private static int OperandEnd(SqlStatement statement, int i)
        {
            var depth = 0;
            for (; i < statement.Count; i++)
            {
                var kind = statement[i].Kind;
                if (kind == SqlTokenKind.OpenParen)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.CloseParen)
                {
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                }
                else if (depth == 0 && (IsConcatenation(statement, i) || statement.IsKeyword(i, "using") || statement.IsKeyword(i, "into")))
                {
                    return i;
                }
            }

            return i;
        }

        private static bool IsConcatenation(SqlStatement statement, int i)
        {
            var token = statement[i];
            return token.Kind == SqlTokenKind.Operator && token.Length == 2
                && statement.Text.Chars[token.Start] == '|' && statement.Text.Chars[token.Start + 1] == '|';
        }

        /// <summary>
        /// A <c>format()</c> string with each specifier (<c>%s</c>, <c>%I</c>, <c>%L</c>, with position, flags and width)
        /// replaced by a hole spanning it; <c>%%</c> is a literal <c>%</c>.
        /// </summary>
        private static SqlText FormatString(SqlText value)
        {
            var builder = new SqlText.Builder();
            var s = value.Chars;
            var i = 0;
            while (i < s.Length)
            {
                if (s[i] == '%' && !value.IsHole(i))
                {
                    var j = i + 1;
                    while (j < s.Length && ((s[j] >= '0' && s[j] <= '9') || s[j] == '$' || s[j] == '-' || s[j] == '*'))
                    {
                        j++;
                    }

                    if (j == i + 1 && j < s.Length && s[j] == '%')
                    {
                        builder.Append(value, '%', i, j + 1);
                        i = j + 1;
                        continue;
                    }

                    if (j < s.Length && (s[j] == 's' || s[j] == 'I' || s[j] == 'L'))
                    {
                        builder.AppendHole(TextSpan.FromBounds(value.OuterStart(i), value.OuterEnd(j)));
                        i = j + 1;
                        continue;
                    }
                }

                builder.Append(value, s[i], i, i + 1);
                i++;
            }

            return builder.ToSqlText();
        }
    }
}
