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
            };
            test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
            test.TestState.AdditionalReferences.AddRange(Libraries.Value);
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
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
        public const string Usings = @"using System;
using System.Data;
using Dapper;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
";

        public static string InMethod(string statements) => Usings + @"
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
