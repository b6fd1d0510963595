using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;
using PgGuard.Analyzers.Tests.Verifiers;

namespace PgGuard.Analyzers.Tests.Sql
{
    /// <summary>
    /// Rule-level assertions over plain SQL: <c>[|…|]</c> marks each span one rule must report, and nothing else of that
    /// rule may be reported.
    /// </summary>
    internal static class SqlAssert
    {
        public static void Reports(string id, string markup, PgGuardOptions? options = null)
        {
            var (text, expected) = Markup.Parse(markup);
            var actual = Findings(text, options).Where(f => f.Descriptor.Id == id).Select(f => f.Span).ToList();
            Assert.Equal(Describe(text, expected), Describe(text, actual));
        }

        public static void ReportsNothing(string id, string sql, PgGuardOptions? options = null) => Reports(id, sql, options);

        /// <summary>The message of the only finding of <paramref name="id"/>.</summary>
        public static string Message(string id, string sql, PgGuardOptions? options = null)
        {
            var finding = Assert.Single(Findings(sql, options), f => f.Descriptor.Id == id);
            return string.Format(finding.Descriptor.MessageFormat.ToString(), finding.MessageArgumentsAsObjects());
        }

        /// <summary>Options as <c>.editorconfig</c> would give them, e.g. <c>("pgguard.superuser_names", "dba")</c>.</summary>
        public static PgGuardOptions Options(string key, string value) => PgGuardOptions.From(new ConfigOptions(key, value));

        public static List<SqlFinding> Findings(string sql, PgGuardOptions? options = null) =>
            SqlRules.Analyze(SqlText.FromString(sql), options ?? PgGuardOptions.Default, CancellationToken.None);

        private sealed class ConfigOptions : AnalyzerConfigOptions
        {
            private readonly string _key;
            private readonly string _value;

            public ConfigOptions(string key, string value)
            {
                _key = key;
                _value = value;
            }

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == _key ? _value : null;
                return value != null;
            }
        }

        private static string Describe(string text, IEnumerable<TextSpan> spans) =>
            string.Join(" | ", spans.OrderBy(s => s.Start).Select(s => s + " \"" + text.Substring(s.Start, s.Length) + "\""));
    }

    /// <summary><c>[|…|]</c> markup: the text without the markers and the marked spans.</summary>
    internal static class Markup
    {
        public static (string Text, List<TextSpan> Spans) Parse(string markup)
        {
            var text = new StringBuilder();
            var spans = new List<TextSpan>();
            var open = new Stack<int>();
            for (var i = 0; i < markup.Length; i++)
            {
                if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
                {
                    open.Push(text.Length);
                    i++;
                }
                else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0)
                {
                    var start = open.Pop();
                    spans.Add(TextSpan.FromBounds(start, text.Length));
                    i++;
                }
                else
                {
                    text.Append(markup[i]);
                }
            }

            Assert.Empty(open);
            return (text.ToString(), spans);
        }
    }

    /// <summary>Analyzer tests for the SQL front ends, against the real Npgsql, Dapper and EF Core assemblies.</summary>
    internal static class SqlVerifier
    {
        public const string SqlPath = "migrations/001.sql";

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        /// <summary>Runs <see cref="SqlFileAnalyzer"/> on one <c>.sql</c> additional file (markup allowed in it).</summary>
        public static Task VerifySqlFileAsync(string sql, params DiagnosticResult[] expected) =>
            VerifySqlFileAsync(SqlPath, sql, null, expected);

        public static Task VerifySqlFileAsync(string path, string sql, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = Create<SqlFileAnalyzer>("class C { }", expected);
            test.TestState.AdditionalFiles.Add((path, sql));
            if (editorConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + editorConfig));
            }

            return test.RunAsync();
        }

        /// <summary>Runs <see cref="CSharpSqlAnalyzer"/> on C# code (markup allowed).</summary>
        public static Task VerifyCSharpAsync(string code, params DiagnosticResult[] expected) =>
            Create<CSharpSqlAnalyzer>(code, expected).RunAsync();

        public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create<TAnalyzer>(string code, DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
            {
                TestCode = code,
                ReferenceAssemblies = TestReferences.None,

                // PG0105 has two descriptors (roles, user mappings); markup means the first.
                MarkupOptions = MarkupOptions.UseFirstDescriptor,
            };
            test.TestState.AdditionalReferences.AddRange(TestReferences.Framework);
            test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        /// <summary>The diagnostics <see cref="SqlFileAnalyzer"/> reports for one <c>.sql</c> file, with their properties.</summary>
        public static ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> RunSqlFile(string path, string sql) =>
            AnalyzerRunner.Run(new[] { new SqlFileAnalyzer() }, new[] { ("C.cs", "class C { }") }, new[] { (path, sql) });
    }

    /// <summary>C# scaffolding around SQL sinks.</summary>
    internal static class SqlCode
    {
        /// <summary>
        /// The same SQL (the body of a verbatim literal, markup allowed, no double quotes) handed to every sink once, so a
        /// finding is expected once per sink: <see cref="SinkCount"/> times.
        /// </summary>
        public static string EverySink(string sql) => InMethod(@"
        new NpgsqlCommand(@""SQL"");
        new NpgsqlCommand(@""SQL"", connection);
        var command = new NpgsqlCommand();
        command.CommandText = @""SQL"";
        dataSource.CreateCommand(@""SQL"");
        new NpgsqlBatchCommand(@""SQL"");
        new NpgsqlBatchCommand { CommandText = @""SQL"" };
        connection.Execute(@""SQL"");
        connection.ExecuteScalarAsync<int>(@""SQL"");
        connection.Query<int>(@""SQL"");
        connection.QueryFirstOrDefaultAsync<int>(@""SQL"");
        db.Database.ExecuteSqlRaw(@""SQL"");
        db.Database.ExecuteSqlRawAsync(@""SQL"");
        db.Database.ExecuteSql($@""SQL"");
        db.Database.SqlQueryRaw<int>(@""SQL"");
        db.Set<Entity>().FromSqlRaw(@""SQL"");
        db.Set<Entity>().FromSql($@""SQL"");
        migrationBuilder.Sql(@""SQL"");".Replace("SQL", sql));

        public const int SinkCount = 18;

        public const string Usings = @"using System;
using System.Data;
using Dapper;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
";

        public static string InMethod(string statements) => Usings + @"
class Entity { public int Id { get; set; } }

class C
{
    void M(NpgsqlConnection connection, NpgsqlDataSource dataSource, DbContext db, MigrationBuilder migrationBuilder, string name, string password)
    {
" + statements + @"
    }
}
";
    }
}
