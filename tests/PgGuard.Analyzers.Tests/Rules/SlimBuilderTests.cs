using System.Threading.Tasks;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.SlimBuilderAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0002: NpgsqlSlimDataSourceBuilder without EnableTransportSecurity().</summary>
    public class SlimBuilderTests
    {
        private static readonly string[] Only = { DiagnosticIds.SslModeInsecure };

        private const string Members = @"
    private NpgsqlSlimDataSourceBuilder? _builder;

    private static NpgsqlSlimDataSourceBuilder CreateBuilder(string connectionString) => new NpgsqlSlimDataSourceBuilder(connectionString);

    private static void Configure(NpgsqlSlimDataSourceBuilder builder) => builder.EnableTransportSecurity();
";

        private static Task Flagged(string statements) => VerifyCS.VerifyAsync(
            "#nullable enable\n" + Code.InMethod(statements, Members), Only, VerifyCS.Diagnostic(Descriptors.SlimBuilderWithoutTls).WithLocation(0));

        private static Task NotFlagged(string statements) => VerifyCS.VerifyAsync("#nullable enable\n" + Code.InMethod(statements, Members), Only);

        // ---- flagged ----------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("        var builder = new {|#0:NpgsqlSlimDataSourceBuilder|}(\"Host=db.example.com;Username=app\");\n        using var dataSource = builder.Build();")]
        [InlineData("        using var dataSource = new {|#0:NpgsqlSlimDataSourceBuilder|}(\"Host=db.example.com\").UseLoggerFactory(null).Build();")]
        [InlineData("        using var dataSource = new {|#0:NpgsqlSlimDataSourceBuilder|}(\"Host=db.example.com\").BuildMultiHost();")]
        [InlineData("        var builder = new {|#0:NpgsqlSlimDataSourceBuilder|}(Environment.GetEnvironmentVariable(\"ORDERS_DB\"));\n        using var dataSource = builder.Build();")]
        [InlineData("        var builder = new {|#0:NpgsqlSlimDataSourceBuilder|}(\"Host=db.example.com;SSL Mode=Prefer\");\n        using var dataSource = builder.Build();")]
        [InlineData("        var builder = new {|#0:NpgsqlSlimDataSourceBuilder|}($\"Host={host};SSL Mode={mode}\");\n        using var dataSource = builder.Build();")]
        [InlineData("        NpgsqlSlimDataSourceBuilder builder = {|#0:new|}(\"Host=db.example.com\");\n        using var dataSource = builder.Build();")]
        [InlineData("        var builder = new {|#0:NpgsqlSlimDataSourceBuilder|}();\n        builder.ConnectionStringBuilder.Host = \"db.example.com\";\n        builder.EnableIntegratedSecurity();\n        using var dataSource = builder.Build();")]
        [InlineData("        var builder = new {|#0:NpgsqlSlimDataSourceBuilder|}(\"Host=db.example.com\").UseLoggerFactory(null);\n        builder.EnableIntegratedSecurity();\n        using var dataSource = builder.Build();")]
        public Task Flags_a_builder_that_never_enables_tls(string statements) => Flagged(statements);

        [Fact]
        public Task Flags_inside_a_singleton_factory() => Flagged(
            "        new ServiceCollection().AddSingleton(sp => new {|#0:NpgsqlSlimDataSourceBuilder|}(\"Host=db.example.com\").Build());");

        [Fact]
        public Task Analyzes_local_connections_when_asked()
        {
            var test = VerifyCS.Create(
                Code.InMethod("        using var dataSource = new {|#0:NpgsqlSlimDataSourceBuilder|}(\"Host=localhost\").Build();"),
                Only,
                VerifyCS.Diagnostic(Descriptors.SlimBuilderWithoutTls).WithLocation(0));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.analyze_local_connections = true\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Judges_each_of_many_builders_in_one_body_by_its_own_uses()
        {
            // One body indexed once for all its candidates: every local keeps its own references.
            var statements = new System.Text.StringBuilder();
            var expected = new System.Collections.Generic.List<Microsoft.CodeAnalysis.Testing.DiagnosticResult>();
            for (var i = 0; i < 300; i++)
            {
                var secure = i % 3 == 0;
                var marker = secure ? "NpgsqlSlimDataSourceBuilder" : "{|#" + expected.Count + ":NpgsqlSlimDataSourceBuilder|}";
                statements.Append("        var b" + i + " = new " + marker + "(\"Host=db.example.com\");\n");
                if (secure)
                {
                    statements.Append("        b" + i + ".EnableTransportSecurity();\n");
                }
                else
                {
                    expected.Add(VerifyCS.Diagnostic(Descriptors.SlimBuilderWithoutTls).WithLocation(expected.Count));
                }

                statements.Append("        using var d" + i + " = b" + i + ".Build();\n");
            }

            return VerifyCS.VerifyAsync("#nullable enable\n" + Code.InMethod(statements.ToString(), Members), Only, expected.ToArray());
        }

        // ---- not flagged ------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("        var builder = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\");\n        builder.EnableTransportSecurity();\n        using var dataSource = builder.Build();")]
        [InlineData("        using var dataSource = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\").EnableTransportSecurity().Build();")]
        [InlineData("        using var dataSource = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\").UseLoggerFactory(null).EnableTransportSecurity().Build();")]
        [InlineData("        var builder = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\");\n        using var dataSource = builder.UseLoggerFactory(null).EnableTransportSecurity().Build();")]
        [InlineData("        var builder = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\").UseLoggerFactory(null);\n        builder.EnableTransportSecurity();\n        using var dataSource = builder.Build();")]
        [InlineData("        var builder = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\");\n        new ServiceCollection().AddSingleton(sp => builder.EnableTransportSecurity().Build());")]
        public Task Does_not_flag_a_builder_with_tls(string statements) => NotFlagged(statements);

        [Theory]
        [InlineData("        var builder = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\");\n        Configure(builder);\n        using var dataSource = builder.Build();")]
        [InlineData("        _builder = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\");")]
        [InlineData("        var builder = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\");\n        _builder = builder;")]
        [InlineData("        var builder = new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\");\n        var alias = builder.UseLoggerFactory(null);")]
        [InlineData("        Configure(new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\"));")]
        [InlineData("        var builders = new[] { new NpgsqlSlimDataSourceBuilder(\"Host=db.example.com\") };")]
        public Task Does_not_flag_a_builder_that_escapes(string statements) => NotFlagged(statements);

        [Fact]
        public Task Does_not_flag_a_returned_builder() => NotFlagged(
            "        var builder = CreateBuilder(\"Host=db.example.com\");\n        Configure(builder);");

        [Theory]
        [InlineData("\"Host=localhost\"")]
        [InlineData("\"Host=127.0.0.1;Username=app\"")]
        [InlineData("\"Host=/var/run/postgresql\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=Disable\"")] // PG0002 on the string itself
        [InlineData("\"Host=db.example.com;SSL Mode=Allow\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=VerifyFull\"")] // throws at open instead of falling back to plaintext
        [InlineData("\"Host=db.example.com;SSL Mode=Require\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=Prefer;SSL Mode=VerifyCA\"")]
        public Task Does_not_flag_local_or_settled_connection_strings(string literal) => NotFlagged(
            "        using var dataSource = new NpgsqlSlimDataSourceBuilder(" + literal + ").Build();");

        [Fact]
        public Task Does_not_flag_the_full_builder() => NotFlagged(
            "        using var dataSource = new NpgsqlDataSourceBuilder(\"Host=db.example.com\").Build();");

        [Fact]
        public Task Treats_configured_hosts_as_local()
        {
            var test = VerifyCS.Create(Code.InMethod("        using var dataSource = new NpgsqlSlimDataSourceBuilder(\"Host=devdb\").Build();"), Only);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.local_hosts = devdb\n"));
            return test.RunAsync();
        }

        [Fact]
        public void Registers_nothing_without_npgsql()
        {
            const string Source = @"namespace Npgsql
{
    public sealed class NpgsqlSlimDataSourceBuilder
    {
        public NpgsqlSlimDataSourceBuilder(string connectionString) { }
        public object Build() => new object();
    }
}
class A
{
    object M() => new Npgsql.NpgsqlSlimDataSourceBuilder(""Host=db.example.com"").Build();
}";
            Assert.Empty(AnalyzerRunner.Run(new[] { new SlimBuilderAnalyzer() }, new[] { ("A.cs", Source) }, withNpgsql: false));
        }
    }
}
