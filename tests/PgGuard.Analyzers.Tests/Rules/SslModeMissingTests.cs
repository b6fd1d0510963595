using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0004: remote connection strings without SSL Mode.</summary>
    public class SslModeMissingTests
    {
        private static readonly string[] Only = { DiagnosticIds.SslModeMissing };

        [Theory]
        [InlineData("\"{|#0:Host=db.example.com|};Username=app\"", "db.example.com")]
        [InlineData("\"{|#0:Server=10.0.0.5|};Database=app\"", "10.0.0.5")]
        [InlineData("\"{|#0:Host=localhost,db.example.com:5433|};Username=app\"", "db.example.com")]
        [InlineData("\"Username=app;{|#0:host=DB.EXAMPLE.COM|};\"", "DB.EXAMPLE.COM")]
        [InlineData("$\"{|#0:Host=db.example.com|};Password={host}\"", "db.example.com")]
        [InlineData("\"{|#0:Host=db.example.com|};SSL Mode=Disable;SSL Mode=\"", "db.example.com")] // emptied: default applies
        public Task Flags_remote_without_ssl_mode(string literal, string host) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.SslModeMissing).WithLocation(0).WithArguments(host));

        [Theory]
        [InlineData("\"Host=db.example.com;SSL Mode=VerifyFull\"")]
        [InlineData("\"Host=db.example.com;sslmode=Disable\"")] // PG0002's business
        [InlineData("\"Host=localhost;Username=app\"")]
        [InlineData("\"Host=/var/run/postgresql;Username=app\"")]
        [InlineData("$\"Host={host};Username=app\"")]
        [InlineData("$\"Host=db.example.com;Username=app;{mode}\"")] // the hole may set SSL Mode
        [InlineData("$\"{mode};Host=db.example.com;Username=app\"")]
        [InlineData("\"Username=app;Password=x\"")] // no host
        public Task Does_not_flag(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);

        [Fact]
        public Task Flags_by_shape_but_not_const_fragments() => VerifyCS.VerifyAsync(
            Code.InMethod(
                "        var cs = \"{|#0:Host=db.example.com|};Username=app\";",
                "    const string Fragment = \"Host=db.example.com;Username=app\";"),
            Only,
            VerifyCS.Diagnostic(Descriptors.SslModeMissing).WithLocation(0).WithArguments("db.example.com"));

        [Fact]
        public Task Flags_a_complete_builder_and_not_one_handed_elsewhere() => VerifyCS.VerifyAsync(
            Code.InMethod(@"
        var a = new NpgsqlConnectionStringBuilder { {|#0:Host = ""db.example.com""|}, Username = ""app"" };
        var b = new NpgsqlConnectionStringBuilder { Host = ""db.example.com"", Username = ""app"" };
        Configure(b);", "    static void Configure(NpgsqlConnectionStringBuilder builder) { }"),
            Only,
            VerifyCS.Diagnostic(Descriptors.SslModeMissing).WithLocation(0).WithArguments("db.example.com"));
    }
}
