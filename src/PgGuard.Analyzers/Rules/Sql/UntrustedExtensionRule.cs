using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Rules.Sql
{
    /// <summary>
    /// PG0108 (POSTGRES.md §3.7): <c>CREATE EXTENSION [IF NOT EXISTS]</c> of an untrusted extension or language, any
    /// <c>CREATE [OR REPLACE] [TRUSTED] [PROCEDURAL] LANGUAGE</c>, and routines or <c>DO</c> blocks in <c>LANGUAGE c</c>,
    /// <c>internal</c> or an untrusted procedural language. Trusted extensions (<c>pg_trgm</c>, <c>pgcrypto</c>, …) and
    /// languages (<c>plpgsql</c>, <c>sql</c>, <c>plperl</c>) are fine.
    /// </summary>
    internal static class UntrustedExtensionRule
    {
        private static readonly ImmutableHashSet<string> UntrustedLanguages = ImmutableHashSet.Create(
            StringComparer.Ordinal, "plpython3u", "plpythonu", "plpython2u", "plperlu", "pltclu");

        private static readonly ImmutableHashSet<string> UntrustedExtensions = UntrustedLanguages.Union(new[]
        {
            "dblink", "file_fdw", "adminpack", "postgres_fdw", "pageinspect", "pg_buffercache",
        });

        private static readonly ImmutableHashSet<string> NativeLanguages = ImmutableHashSet.Create(StringComparer.Ordinal, "c", "internal");

        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            if (statement.IsKeyword(0, "do"))
            {
                AnalyzeLanguageClause(statement, 1, findings);
                return;
            }

            var k = statement.AfterCreateOrReplace();
            if (k < 0)
            {
                return;
            }

            if (statement.IsKeyword(k, "extension"))
            {
                var name = statement.IsKeyword(k + 1, "if") && statement.IsKeyword(k + 2, "not") && statement.IsKeyword(k + 3, "exists") ? k + 4 : k + 1;
                var extension = statement.GetName(name);
                if (extension != null && UntrustedExtensions.Contains(extension))
                {
                    Report(statement, name, name, "CREATE EXTENSION " + extension, findings);
                }

                return;
            }

            var language = k;
            if (statement.IsKeyword(language, "trusted"))
            {
                language++;
            }

            if (statement.IsKeyword(language, "procedural"))
            {
                language++;
            }

            if (statement.IsKeyword(language, "language"))
            {
                var last = language + 1 < statement.Count ? language + 1 : language;
                Report(statement, k, last, "CREATE LANGUAGE " + (statement.GetName(language + 1) ?? "…"), findings);
                return;
            }

            if (statement.IsKeyword(k, "function") || statement.IsKeyword(k, "procedure"))
            {
                AnalyzeLanguageClause(statement, k + 1, findings);
            }
        }

        private static void AnalyzeLanguageClause(SqlStatement statement, int from, List<SqlFinding> findings)
        {
            var clause = statement.FindKeyword(from, "language");
            var language = clause < 0 ? null : SqlStatements.Language(statement, from);
            if (language != null && (NativeLanguages.Contains(language) || UntrustedLanguages.Contains(language)))
            {
                Report(statement, clause, clause + 1, "LANGUAGE " + language, findings);
            }
        }

        private static void Report(SqlStatement statement, int first, int last, string what, List<SqlFinding> findings) =>
            findings.Add(new SqlFinding(Descriptors.UntrustedExtension, statement.SpanOf(first, last), ImmutableArray.Create(what)));
    }
}
