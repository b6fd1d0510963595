using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>
    /// PG0103: <c>GRANT … TO PUBLIC</c> and <c>ALTER DEFAULT PRIVILEGES … GRANT … TO PUBLIC</c>. PUBLIC is not a keyword:
    /// the server compares the grantee's value with "public" (POSTGRES.md §1.3), so <c>to public</c>, <c>TO "public"</c> and
    /// <c>TO GROUP PUBLIC</c> all count, while a schema named public (<c>ON SCHEMA public</c>) is just the object.
    /// </summary>
    internal static class GrantToPublicRule
    {
        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            var grant = 0;
            if (!statement.IsKeyword(0, "grant"))
            {
                if (!statement.IsKeyword(0, "alter") || !statement.IsKeyword(1, "default") || !statement.IsKeyword(2, "privileges"))
                {
                    return;
                }

                grant = statement.FindKeyword(3, "grant");
                if (grant < 0)
                {
                    return;
                }
            }

            var to = statement.FindKeyword(grant + 1, "to");
            if (to < 0 || to == grant + 1)
            {
                return;
            }

            // Grantees: [GROUP] role [, …] up to WITH GRANT OPTION / GRANTED BY.
            for (var i = to + 1; i < statement.Count; i++)
            {
                if (statement.IsKeyword(i, "with") || statement.IsKeyword(i, "granted"))
                {
                    break;
                }

                if (statement.IsName(i, "public"))
                {
                    var first = statement.IsKeyword(i - 1, "group") ? i - 1 : i;
                    findings.Add(new SqlFinding(
                        Descriptors.GrantToPublic,
                        statement.SpanOf(first, i),
                        ImmutableArray.Create(statement.Display(grant + 1, to - 1))));
                }
            }
        }
    }
}
