using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>
    /// PG0104 (POSTGRES.md §3.4, §3.15): <c>SET [SESSION|LOCAL] SESSION AUTHORIZATION user</c> (not <c>DEFAULT</c>);
    /// <c>SET [SESSION|LOCAL] ROLE admin</c>, <c>SET role = 'admin'</c> and <c>ALTER ROLE x SET role = admin</c> with a
    /// superuser or admin name (built-in or <c>pgguard.superuser_names</c>); <c>set_config('role', 'admin', …)</c> and
    /// <c>set_config('session_authorization', 'user', …)</c>. <c>RESET ROLE</c>, <c>SET ROLE NONE</c> and
    /// <c>SET ROLE tenant_x</c> lower or keep privileges and are not reported; neither is a target unknown at compile time.
    /// </summary>
    internal static class SessionIdentitySwitchRule
    {
        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            if (statement.IsKeyword(0, "set"))
            {
                AnalyzeSet(statement, 0, "SET", options, findings);
            }
            else
            {
                var role = RoleStatement.Parse(statement);
                if (role != null && role.SetIndex >= 0)
                {
                    AnalyzeSet(statement, role.SetIndex, "ALTER ROLE … SET", options, findings);
                }
            }

            for (var i = 0; i < statement.Count; i++)
            {
                if (statement[i].IsIdentifier && SqlCalls.IsCall(statement, i, "set_config"))
                {
                    AnalyzeSetConfig(statement, i, options, findings);
                }
            }
        }

        private static void AnalyzeSet(SqlStatement statement, int set, string command, PgGuardOptions options, List<SqlFinding> findings)
        {
            var i = set + 1;
            if (statement.IsKeyword(i, "local") || (statement.IsKeyword(i, "session") && !statement.IsKeyword(i + 1, "authorization")))
            {
                i++;
            }

            // SET ROLE x | SET role = x | SET role TO x (the generic form of the same setting).
            if (statement.IsName(i, "role"))
            {
                var target = IsAssignment(statement, i + 1) ? i + 2 : i + 1;
                var name = statement.GetNameOrString(target);
                if (name != null && SqlRoleNames.IsSuperuserOrAdmin(name, options))
                {
                    Report(statement, i, target, command + " ROLE", name, findings);
                }

                return;
            }

            var authorization = statement.IsKeyword(i, "session") && statement.IsKeyword(i + 1, "authorization") ? i + 2
                : statement.IsName(i, "session_authorization") && IsAssignment(statement, i + 1) ? i + 2
                : -1;
            if (authorization < 0 || statement.IsKeyword(authorization, "default"))
            {
                return;
            }

            var user = statement.GetNameOrString(authorization);
            if (user != null)
            {
                Report(statement, i, authorization, command + " SESSION AUTHORIZATION", user, findings);
            }
        }

        /// <summary>set_config('role' | 'session_authorization', value, is_local): the same switch as SET.</summary>
        private static void AnalyzeSetConfig(SqlStatement statement, int i, PgGuardOptions options, List<SqlFinding> findings)
        {
            var arguments = SqlCalls.Arguments(statement, i);
            if (arguments.Count < 2)
            {
                return;
            }

            var setting = SqlCalls.StringArgument(statement, arguments[0]);
            var value = SqlCalls.StringArgument(statement, arguments[1]);
            if (setting == null || value == null)
            {
                return;
            }

            var isRole = string.Equals(setting, "role", StringComparison.OrdinalIgnoreCase);
            var isAuthorization = string.Equals(setting, "session_authorization", StringComparison.OrdinalIgnoreCase);
            if ((isRole && SqlRoleNames.IsSuperuserOrAdmin(value, options)) || isAuthorization)
            {
                Report(statement, SqlCalls.CallStart(statement, i), SqlCalls.CallEnd(statement, i),
                    "set_config('" + (isRole ? "role" : "session_authorization") + "')", value, findings);
            }
        }

        private static bool IsAssignment(SqlStatement statement, int i) =>
            statement.IsKeyword(i, "to")
            || (statement.Is(i, SqlTokenKind.Operator) && statement[i].Length == 1 && statement.Text.Chars[statement[i].Start] == '=');

        private static void Report(SqlStatement statement, int first, int last, string what, string target, List<SqlFinding> findings) =>
            findings.Add(new SqlFinding(Descriptors.SessionIdentitySwitch, statement.SpanOf(first, last), ImmutableArray.Create(what, target)));
    }
}
