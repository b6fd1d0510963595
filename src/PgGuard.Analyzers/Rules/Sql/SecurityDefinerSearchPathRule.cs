using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>
    /// PG0106 (POSTGRES.md §3.8): <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE … [EXTERNAL] SECURITY DEFINER</c> with no
    /// <c>SET search_path</c> among the routine's options. Options come in any order, before or after the body; a
    /// <c>SET search_path</c> inside the body string is a statement the body runs, not the routine's setting, and is
    /// never seen here because the body is one string token. The finding carries the edit that adds
    /// <see cref="PinnedSearchPath"/> right after <c>SECURITY DEFINER</c>.
    /// </summary>
    internal static class SecurityDefinerSearchPathRule
    {
        /// <summary>The text the fix inserts after SECURITY DEFINER (leading space included).</summary>
        public const string PinnedSearchPath = " SET search_path = pg_catalog, pg_temp";

        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            var routine = statement.AfterCreateOrReplace();
            if (routine < 0 || (!statement.IsKeyword(routine, "function") && !statement.IsKeyword(routine, "procedure")))
            {
                return;
            }

            var nameStart = routine + 1;
            var open = nameStart;
            while (open < statement.Count && !statement.Is(open, SqlTokenKind.OpenParen))
            {
                open++;
            }

            if (open == nameStart || open >= statement.Count)
            {
                return;
            }

            var definer = -1;
            var pinned = false;
            var depth = 0;
            for (var i = statement.FindClosingParen(open) + 1; i < statement.Count; i++)
            {
                var kind = statement[i].Kind;
                if (kind == SqlTokenKind.OpenParen)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.CloseParen)
                {
                    depth = depth > 0 ? depth - 1 : 0;
                }
                else if (depth > 0)
                {
                    continue; // RETURNS TABLE (…), defaults
                }
                else if ((statement.IsKeyword(i, "begin") && statement.IsKeyword(i + 1, "atomic")) || statement.IsKeyword(i, "return"))
                {
                    break; // the SQL-standard body comes last
                }
                else if (statement.IsKeyword(i, "security") && statement.IsKeyword(i + 1, "definer"))
                {
                    definer = i;
                }
                else if (statement.IsKeyword(i, "set") && statement.IsName(i + 1, "search_path"))
                {
                    pinned = true;
                }
            }

            if (definer < 0 || pinned)
            {
                return;
            }

            findings.Add(new SqlFinding(
                Descriptors.SecurityDefinerSearchPath,
                statement.SpanOf(definer, definer + 1),
                ImmutableArray.Create(statement.Display(nameStart, open - 1, foldNames: true)),
                SqlEdit.Insert(statement[definer + 1].Span.End, PinnedSearchPath)));
        }
    }
}
