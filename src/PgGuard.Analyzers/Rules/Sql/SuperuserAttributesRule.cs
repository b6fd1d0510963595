using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>
    /// PG0100: <c>CREATE|ALTER ROLE|USER|GROUP … [WITH] SUPERUSER|CREATEROLE|BYPASSRLS|REPLICATION|CREATEUSER</c>.
    /// The options are identifiers to the server (POSTGRES.md §1.3), so <c>"superuser"</c> counts and <c>NOSUPERUSER</c>
    /// or a role <em>named</em> superuser does not.
    /// </summary>
    internal static class SuperuserAttributesRule
    {
        private static readonly string[] Attributes = { "superuser", "createrole", "bypassrls", "replication", "createuser" };

        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            var role = RoleStatement.Parse(statement);
            if (role == null)
            {
                return;
            }

            foreach (var option in role.Options)
            {
                if (option.ValueStart != option.Keyword + 1 || option.ValueEnd != option.ValueStart)
                {
                    continue; // an option with a value or a role list
                }

                foreach (var attribute in Attributes)
                {
                    if (statement.IsName(option.Keyword, attribute))
                    {
                        findings.Add(new SqlFinding(
                            Descriptors.SuperuserAttributes,
                            statement[option.Keyword].Span,
                            ImmutableArray.Create(role.DisplayName(statement), attribute.ToUpperInvariant())));
                        break;
                    }
                }
            }
        }
    }
}
