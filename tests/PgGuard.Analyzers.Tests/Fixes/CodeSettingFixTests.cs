using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyFix = PgGuard.Analyzers.Tests.Verifiers.CodeFixVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer, PgGuard.CodeFixes.ConnectionStringCodeFixProvider>;

namespace PgGuard.Analyzers.Tests.Fixes
{
    /// <summary>Fixes on settings made in code: builder properties and indexers, and EnableParameterLogging() calls.</summary>
    public class CodeSettingFixTests
    {
        [Theory]
        [InlineData("{|PG0002:SslMode = SslMode.Disable|}", "SslMode = SslMode.VerifyFull")]
        [InlineData("{|PG0002:SslMode = Npgsql.SslMode.Prefer|}", "SslMode = Npgsql.SslMode.VerifyFull")]
        [InlineData("{|PG0002:SslMode = global::Npgsql.SslMode.Allow|}", "SslMode = global::Npgsql.SslMode.VerifyFull")]
        public Task Sets_the_enum_member_keeping_its_qualification(string before, string after) => VerifyFix.VerifyAsync(
            Code.InMethod("        var b = new NpgsqlConnectionStringBuilder { Host = \"db\", " + before + " };"),
            Code.InMethod("        var b = new NpgsqlConnectionStringBuilder { Host = \"db\", " + after + " };"),
            new[] { DiagnosticIds.SslModeInsecure });

        [Fact]
        public Task Sets_the_enum_member_under_using_static() => VerifyFix.VerifyAsync(
            "using static Npgsql.SslMode;\n" + Code.InMethod("        var b = new NpgsqlConnectionStringBuilder(\"Host=db\");\n        {|PG0002:b.SslMode = Disable|};"),
            "using static Npgsql.SslMode;\n" + Code.InMethod("        var b = new NpgsqlConnectionStringBuilder(\"Host=db\");\n        b.SslMode = VerifyFull;"),
            new[] { DiagnosticIds.SslModeInsecure });

        [Fact]
        public Task Fixes_indexer_strings_and_numbers()
        {
            var test = VerifyFix.Create(
            Code.InMethod(@"
        var b = new NpgsqlConnectionStringBuilder { Host = ""db.example.com"", Username = ""app"" };
        {|PG0002:b[""sslmode""] = @""allow""|};
        {|PG0008:b.MaxPoolSize = 400|};"),
            Code.InMethod(@"
        var b = new NpgsqlConnectionStringBuilder { Host = ""db.example.com"", Username = ""app"" };
        b[""sslmode""] = @""VerifyFull"";
        b.MaxPoolSize = 100;"),
            new[] { DiagnosticIds.SslModeInsecure, DiagnosticIds.PoolCeiling });

            // Two rules, two equivalence keys: Fix All applies one key per pass.
            test.NumberOfFixAllIterations = 2;
            test.NumberOfFixAllInDocumentIterations = 2;
            test.NumberOfFixAllInProjectIterations = 2;
            return test.RunAsync();
        }

        [Fact]
        public Task Removes_parameter_logging_calls() => VerifyFix.VerifyAsync(
            Code.InMethod(@"
        var builder = new NpgsqlDataSourceBuilder(""Host=db"");
        builder.{|PG0010:EnableParameterLogging|}();
        using var a = new NpgsqlDataSourceBuilder(""Host=db"").{|PG0010:EnableParameterLogging|}().Build();
        using var b = builder.Build();"),
            Code.InMethod(@"
        var builder = new NpgsqlDataSourceBuilder(""Host=db"");
        using var a = new NpgsqlDataSourceBuilder(""Host=db"").Build();
        using var b = builder.Build();"),
            new[] { DiagnosticIds.SensitiveDataLeak });
    }
}
