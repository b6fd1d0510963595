using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>PG0107 (POSTGRES.md §3.3): <c>ALTER SYSTEM …</c> and calls of <c>pg_reload_conf()</c>.</summary>
    internal static class ServerConfigurationChangeRule
    {
        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            if (statement.IsKeyword(0, "alter") && statement.IsKeyword(1, "system"))
            {
                findings.Add(new SqlFinding(Descriptors.ServerConfigurationChange, statement.SpanOf(0, 1), ImmutableArray.Create("ALTER SYSTEM")));
            }

            if (statement.IsKeyword(0, "revoke"))
            {
                return;
            }

            for (var i = 0; i < statement.Count; i++)
            {
                if (statement[i].IsIdentifier && SqlCalls.IsCall(statement, i, "pg_reload_conf"))
                {
                    findings.Add(new SqlFinding(
                        Descriptors.ServerConfigurationChange,
                        statement.SpanOf(SqlCalls.CallStart(statement, i), SqlCalls.CallEnd(statement, i)),
                        ImmutableArray.Create("pg_reload_conf()")));
                }
            }
        }
    }
}
