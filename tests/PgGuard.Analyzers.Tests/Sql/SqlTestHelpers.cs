using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
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
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Tests.Sql
{
    /// <summary>
    /// Rule-level assertions over plain SQL: <c>[|…|]</c> marks each span one rule must report, and nothing else of that
    /// rule may be reported.
    /// </summary>
    internal static class SqlAssert
    {
        public static void Reports(string id, string markup, SqlRuleOptions? options = null)
        {
            var (text, expected) = Markup.Parse(markup);
            var actual = Findings(text, options).Where(f => f.Descriptor.Id == id).Select(f => f.Span).ToList();
            Assert.Equal(Describe(text, expected), Describe(text, actual));
        }

        public static void ReportsNothing(string id, string sql, SqlRuleOptions? options = null) => Reports(id, sql, options);

        /// <summary>The message of the only finding of <paramref name="id"/>.</summary>
        public static string Message(string id, string sql, SqlRuleOptions? options = null)
        {
            var finding = Assert.Single(Findings(sql, options), f => f.Descriptor.Id == id);
            return string.Format(finding.Descriptor.MessageFormat.ToString(), finding.MessageArgumentsAsObjects());
        }

        public static List<SqlFinding> Findings(string sql, SqlRuleOptions? options = null) =>
            SqlRules.Analyze(SqlText.FromString(sql), options ?? SqlRuleOptions.Default, CancellationToken.None);

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
                ReferenceAssemblies = new ReferenceAssemblies("net10.0"),

                // PG0105 has two descriptors (roles, user mappings); markup means the first.
                MarkupOptions = MarkupOptions.UseFirstDescriptor,
            };
            test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
            test.TestState.AdditionalReferences.AddRange(Libraries.Value);
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        /// <summary>The diagnostics <see cref="SqlFileAnalyzer"/> reports for one <c>.sql</c> file, with their properties.</summary>
        public static ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> RunSqlFile(string path, string sql)
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Sql", references: Basic.Reference.Assemblies.Net100.References.All);
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryText(path, sql)));
            return compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlFileAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        }

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private static readonly Lazy<ImmutableArray<MetadataReference>> Libraries = new Lazy<ImmutableArray<MetadataReference>>(() =>
            Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
                .Where(path => new[] { "Npgsql", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Dapper" }
                    .Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray());
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
