using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>
    /// PG0101: membership in a server-file, all-data or provider admin role, however it is granted:
    /// <c>GRANT role TO member</c> (a grant without <c>ON</c> is a membership grant), <c>CREATE ROLE member … IN ROLE role</c>,
    /// <c>ALTER GROUP role ADD USER member</c>.
    /// </summary>
    internal static class PrivilegedRoleMembershipRule
    {
        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            if (statement.IsKeyword(0, "grant"))
            {
                AnalyzeGrant(statement, findings);
                return;
            }

            var role = RoleStatement.Parse(statement);
            if (role == null)
            {
                return;
            }

            if (role.AddUserIndex >= 0)
            {
                var members = RoleStatement.ListEnd(statement, role.AddUserIndex);
                if (members > role.AddUserIndex)
                {
                    Report(statement, role.NameIndex, statement.Display(role.AddUserIndex, members - 1, foldNames: true), findings);
                }

                return;
            }

            foreach (var option in role.Options)
            {
                if (statement.IsKeyword(option.Keyword - 1, "in"))
                {
                    for (var i = option.ValueStart; i < option.ValueEnd; i++)
                    {
                        Report(statement, i, role.DisplayName(statement), findings);
                    }
                }
            }
        }

        private static void AnalyzeGrant(SqlStatement statement, List<SqlFinding> findings)
        {
            var to = statement.FindKeyword(1, "to");
            var on = statement.FindKeyword(1, "on");
            if (to < 0 || (on > 0 && on < to))
            {
                return; // GRANT privileges ON objects: not a membership
            }

            var last = to + 1;
            while (last + 1 < statement.Count && !statement.IsKeyword(last + 1, "with") && !statement.IsKeyword(last + 1, "granted"))
            {
                last++;
            }

            if (last >= statement.Count)
            {
                return;
            }

            var grantees = statement.Display(to + 1, last, foldNames: true);
            for (var i = 1; i < to; i++)
            {
                Report(statement, i, grantees, findings);
            }
        }

        private static void Report(SqlStatement statement, int i, string member, List<SqlFinding> findings)
        {
            var name = statement.GetName(i);
            if (name != null && SqlRoleNames.IsPrivileged(name))
            {
                findings.Add(new SqlFinding(Descriptors.PrivilegedRoleMembership, statement[i].Span, ImmutableArray.Create(member, name)));
            }
        }
    }
}
