using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>
    /// PG0102: <c>COPY … FROM|TO PROGRAM '…'</c> and <c>COPY … FROM|TO '/server/path'</c> (not STDIN/STDOUT, and not a
    /// column named program: the table's column list is skipped), calls of <c>pg_read_file</c>, <c>pg_read_binary_file</c>,
    /// <c>pg_ls_dir</c>, <c>pg_stat_file</c>, and server-side <c>lo_import('/path')</c> / <c>lo_export(oid, '/path')</c>
    /// (POSTGRES.md §3.1, §3.2, §3.9, §3.10).
    /// </summary>
    internal static class ServerProgramsOrFilesRule
    {
        private static readonly (string Name, string Effect)[] FileFunctions =
        {
            ("pg_read_file", "reads a file"),
            ("pg_read_binary_file", "reads a file"),
            ("pg_ls_dir", "lists a directory"),
            ("pg_stat_file", "reads file metadata"),
        };

        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            if (statement.IsKeyword(0, "copy"))
            {
                AnalyzeCopy(statement, findings);
            }

            if (statement.IsKeyword(0, "revoke"))
            {
                return; // REVOKE EXECUTE ON FUNCTION pg_read_file(…) is the hardening, not a use
            }

            for (var i = 0; i < statement.Count; i++)
            {
                if (!statement[i].IsIdentifier)
                {
                    continue;
                }

                foreach (var (name, effect) in FileFunctions)
                {
                    if (SqlCalls.IsCall(statement, i, name))
                    {
                        Report(statement, SqlCalls.CallStart(statement, i), SqlCalls.CallEnd(statement, i), name, effect, findings);
                    }
                }

                // lo_import(path [, oid]) reads a server file; lo_export(oid, path) writes one.
                var import = SqlCalls.IsCall(statement, i, "lo_import");
                if (import || SqlCalls.IsCall(statement, i, "lo_export"))
                {
                    var arguments = SqlCalls.Arguments(statement, i);
                    var path = import ? 0 : 1;
                    if (arguments.Count > path && SqlCalls.IsStringLiteral(statement, arguments[path]))
                    {
                        Report(statement, SqlCalls.CallStart(statement, i), SqlCalls.CallEnd(statement, i),
                            import ? "lo_import" : "lo_export", import ? "reads a file" : "writes a file", findings);
                    }
                }
            }
        }

        /// <summary>COPY [BINARY] { table [(columns)] | (query) } FROM|TO { PROGRAM 'cmd' | 'file' | STDIN | STDOUT } ….</summary>
        private static void AnalyzeCopy(SqlStatement statement, List<SqlFinding> findings)
        {
            var i = statement.IsKeyword(1, "binary") ? 2 : 1;
            if (statement.Is(i, SqlTokenKind.OpenParen))
            {
                i = statement.FindClosingParen(i) + 1;
            }
            else
            {
                i = statement.NameEnd(i);
                while (statement.Is(i, SqlTokenKind.Dot))
                {
                    i = statement.NameEnd(i + 1);
                }

                if (statement.Is(i, SqlTokenKind.OpenParen))
                {
                    i = statement.FindClosingParen(i) + 1;
                }
            }

            var from = statement.IsKeyword(i, "from");
            if (!from && !statement.IsKeyword(i, "to"))
            {
                return;
            }

            var direction = from ? "FROM" : "TO";
            var target = i + 1;
            if (statement.IsKeyword(target, "program"))
            {
                var end = target + 1 < statement.Count && statement[target + 1].IsStringConstant ? target + 1 : target;
                Report(statement, i, end, "COPY … " + direction + " PROGRAM", "runs a shell command", findings);
            }
            else if (target < statement.Count && statement[target].IsStringConstant)
            {
                Report(statement, i, target, "COPY … " + direction + " '…'", from ? "reads a file" : "writes a file", findings);
            }
        }

        private static void Report(SqlStatement statement, int first, int last, string what, string effect, List<SqlFinding> findings) =>
            findings.Add(new SqlFinding(Descriptors.ServerProgramsOrFiles, statement.SpanOf(first, last), ImmutableArray.Create(what, effect)));
    }
}
