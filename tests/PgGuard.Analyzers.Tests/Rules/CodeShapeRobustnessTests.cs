using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>
    /// No exception and linear work in the code-shape analyzers (certificate callbacks, slim builder, data source per
    /// call) on hostile C#: code that does not compile, deep nesting, long chains, many candidates in one body.
    /// </summary>
    public class CodeShapeRobustnessTests
    {
        private static System.Collections.Immutable.ImmutableArray<Diagnostic> Run(string source) => AnalyzerRunner.Run(
            new DiagnosticAnalyzer[] { new CertificateCallbackAnalyzer(), new SlimBuilderAnalyzer(), new DataSourcePerCallAnalyzer() },
            new[] { ("Hostile.cs", source) });

        [Theory]
        [InlineData("        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback((a, b) => );")]
        [InlineData("        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback(Undefined);")]
        [InlineData("        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback((s, c, ch, e) => { if (e) return true; });")]
        [InlineData("        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback(delegate { return; });")]
        [InlineData("        new NpgsqlDataSourceBuilder(\"Host=db\").UseSslClientAuthenticationOptionsCallback(o => o.RemoteCertificateValidationCallback = );")]
        [InlineData("        var c = new NpgsqlConnection(); c.UserCertificateValidationCallback = ;")]
        [InlineData("        var b = new NpgsqlSlimDataSourceBuilder(.Build();")]
        [InlineData("        NpgsqlSlimDataSourceBuilder b = new(\"Host=db\"); b = b; b.Build(;")]
        [InlineData("        using var d = NpgsqlDataSource.Create(\n        d.")]
        [InlineData("        Func<int> f = () => { using var d = NpgsqlDataSource.Create( ; };")]
        [InlineData("        using var c = new NpgsqlConnection($\"Host=db;Username={undefined.Name}\");")]
        [InlineData("        optionsBuilder.UseNpgsql($\"Host={host};Port={\");")]
        public void Survives_code_that_does_not_compile(string statement) =>
            Run("#pragma warning disable CS0618\nusing System.Net.Security;\n" + Code.InMethod(statement));

        [Fact]
        public void Survives_deeply_nested_lambdas()
        {
            var open = string.Concat(Enumerable.Repeat("Func<object> f = () => { ", 200));
            var close = string.Concat(Enumerable.Repeat(" return f; };", 200));
            Run(Code.InMethod("        " + open + "using var d = NpgsqlDataSource.Create(host); d.OpenConnection();" + close));
        }

        [Fact]
        public void Follows_a_long_fluent_chain()
        {
            var chain = string.Concat(Enumerable.Repeat(".UseLoggerFactory(null)", 500));
            var diagnostics = Run(Code.InMethod("        var b = new NpgsqlSlimDataSourceBuilder(host)" + chain + ";\n        b" + chain + ".Build();"));
            Assert.Single(diagnostics, d => d.Id == DiagnosticIds.SslModeInsecure);
        }

        [Fact]
        public void Judges_many_data_sources_in_one_body_in_one_pass()
        {
            var statements = string.Concat(Enumerable.Range(0, 2000).Select(i =>
                "        using var d" + i + " = NpgsqlDataSource.Create(host);\n        d" + i + ".OpenConnection().Dispose();\n"));
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = Run(Code.InMethod(statements));
            Assert.Equal(2000, diagnostics.Count(d => d.Id == DiagnosticIds.DataSourcePerCall));
            Assert.True(stopwatch.Elapsed.TotalSeconds < 60, "took " + stopwatch.Elapsed);
        }

        [Fact]
        public void Survives_a_long_concatenation_of_parameter_holes()
        {
            var parts = string.Join(" + ", Enumerable.Repeat("host", 3000));
            var diagnostics = Run(Code.InMethod("        using var c = new NpgsqlConnection(\"Host=db;Username=\" + " + parts + ");"));
            Assert.Single(diagnostics, d => d.Id == DiagnosticIds.DataSourcePerCall);
        }
    }
}
