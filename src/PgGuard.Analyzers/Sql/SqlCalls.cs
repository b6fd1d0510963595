using System.Collections.Generic;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>Recognises calls of built-in functions in a statement's tokens (POSTGRES.md §3.10).</summary>
    internal static class SqlCalls
    {
        /// <summary>
        /// True when token <paramref name="i"/> calls the built-in <paramref name="lowerName"/>: the name (any case, or quoted
        /// in lower case), unqualified or qualified by <c>pg_catalog</c>, followed by <c>(</c>. A routine named after
        /// <c>FUNCTION</c>/<c>PROCEDURE</c>/<c>ROUTINE</c> is a declaration or reference (<c>DROP FUNCTION</c>,
        /// <c>REVOKE … ON FUNCTION</c>), not a call, except in <c>GRANT EXECUTE ON FUNCTION</c>, which hands the call out.
        /// </summary>
        public static bool IsCall(SqlStatement statement, int i, string lowerName)
        {
            if (!statement.IsName(i, lowerName) || !statement.Is(i + 1, SqlTokenKind.OpenParen))
            {
                return false;
            }

            var before = i - 1;
            if (statement.Is(before, SqlTokenKind.Dot))
            {
                if (!statement.IsName(before - 1, "pg_catalog"))
                {
                    return false;
                }

                before -= 2;
            }

            if (statement.IsKeyword(before, "function") || statement.IsKeyword(before, "procedure") || statement.IsKeyword(before, "routine"))
            {
                return statement.IsKeyword(0, "grant");
            }

            return true;
        }

        /// <summary>The first token of the call's name: <paramref name="i"/>, or the <c>pg_catalog</c> qualifier before it.</summary>
        public static int CallStart(SqlStatement statement, int i) => statement.Is(i - 1, SqlTokenKind.Dot) ? i - 2 : i;

        /// <summary>The arguments of the call whose name is token <paramref name="i"/>, each as [start, end) token indexes.</summary>
        public static List<(int Start, int End)> Arguments(SqlStatement statement, int i)
        {
            var arguments = new List<(int, int)>();
            var open = i + 1;
            var close = statement.FindClosingParen(open);
            var start = open + 1;
            var depth = 0;
            for (var k = start; k < close; k++)
            {
                var kind = statement[k].Kind;
                if (kind == SqlTokenKind.OpenParen)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.CloseParen)
                {
                    depth--;
                }
                else if (kind == SqlTokenKind.Comma && depth == 0)
                {
                    arguments.Add((start, k));
                    start = k + 1;
                }
            }

            if (close > start)
            {
                arguments.Add((start, close));
            }

            return arguments;
        }

        /// <summary>The index of the call's closing parenthesis, or its last token when unbalanced.</summary>
        public static int CallEnd(SqlStatement statement, int i)
        {
            var close = statement.FindClosingParen(i + 1);
            return close < statement.Count ? close : statement.Count - 1;
        }

        /// <summary>The string value of an argument made of exactly one string constant, or null.</summary>
        public static string? StringArgument(SqlStatement statement, (int Start, int End) argument) =>
            argument.End == argument.Start + 1 ? statement.GetString(argument.Start) : null;

        /// <summary>
        /// True when the argument is one string constant, maybe cast (<c>'/tmp/f'::text</c>); holes inside are allowed, since
        /// a literal stays a literal whatever its content.
        /// </summary>
        public static bool IsStringLiteral(SqlStatement statement, (int Start, int End) argument) =>
            argument.End > argument.Start
            && statement[argument.Start].IsStringConstant
            && (argument.End == argument.Start + 1 || statement.Is(argument.Start + 1, SqlTokenKind.DoubleColon));
    }
}
