using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>
    /// PG0105 (POSTGRES.md §3.12): <c>CREATE|ALTER ROLE|USER|GROUP … [ENCRYPTED] PASSWORD &lt;string constant&gt;</c>, pre-hashed
    /// <c>md5…</c> and <c>SCRAM-SHA-256$…</c> verifiers included, and <c>CREATE|ALTER USER MAPPING … OPTIONS (password '…')</c>.
    /// Not reported: <c>PASSWORD NULL</c>, an empty string (it sets no password), a parameter, or a string with a hole
    /// (its value comes from elsewhere). The finding underlines the string; the message names the role only.
    /// </summary>
    internal static class HardcodedRolePasswordRule
    {
        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            var role = RoleStatement.Parse(statement);
            if (role != null)
            {
                foreach (var option in role.Options)
                {
                    if (statement.IsKeyword(option.Keyword, "password") && IsLiteralPassword(statement, option.ValueStart))
                    {
                        findings.Add(new SqlFinding(
                            Descriptors.HardcodedRolePassword,
                            statement[option.ValueStart].Span,
                            ImmutableArray.Create(role.DisplayName(statement))));
                    }
                }

                return;
            }

            AnalyzeUserMapping(statement, findings);
        }

        /// <summary>CREATE|ALTER USER MAPPING [IF NOT EXISTS] FOR user SERVER s OPTIONS ([ADD|SET] password 'secret', …).</summary>
        private static void AnalyzeUserMapping(SqlStatement statement, List<SqlFinding> findings)
        {
            if ((!statement.IsKeyword(0, "create") && !statement.IsKeyword(0, "alter"))
                || !statement.IsKeyword(1, "user") || !statement.IsKeyword(2, "mapping"))
            {
                return;
            }

            var @for = statement.FindKeyword(3, "for");
            var optionsAt = statement.FindKeyword(3, "options");
            if (@for < 0 || optionsAt < 0 || !statement.Is(optionsAt + 1, SqlTokenKind.OpenParen))
            {
                return;
            }

            var user = statement.Display(@for + 1, statement.NameEnd(@for + 1) - 1, foldNames: true);
            var close = statement.FindClosingParen(optionsAt + 1);
            for (var i = optionsAt + 2; i < close; i++)
            {
                if (statement.IsName(i, "password") && IsLiteralPassword(statement, i + 1))
                {
                    findings.Add(new SqlFinding(Descriptors.HardcodedUserMappingPassword, statement[i + 1].Span, ImmutableArray.Create(user)));
                }
            }
        }

        private static bool IsLiteralPassword(SqlStatement statement, int i)
        {
            var value = statement.GetString(i);
            return value != null && value.Length != 0;
        }
    }
}
