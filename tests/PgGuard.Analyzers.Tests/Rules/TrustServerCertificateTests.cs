using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0003 in strings: Trust Server Certificate=true.</summary>
    public class TrustServerCertificateTests
    {
        private static readonly string[] Only = { DiagnosticIds.CertificateValidationDisabled };

        [Theory]
        [InlineData("\"Host=db.example.com;SSL Mode=Require;{|#0:Trust Server Certificate=true|}\"", "Trust Server Certificate=true")]
        [InlineData("\"Host=db.example.com;{|#0:TrustServerCertificate=True|}\"", "TrustServerCertificate=True")]
        [InlineData("\"Host=db.example.com;{|#0:trustservercertificate = TRUE|};\"", "trustservercertificate=TRUE")]
        [InlineData("$\"Host={host};{|#0:Trust Server Certificate=true|}\"", "Trust Server Certificate=true")]
        public Task Flags_trust_server_certificate(string literal, string argument) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.TrustServerCertificate).WithLocation(0).WithArguments(argument));

        [Theory]
        [InlineData("\"Host=db.example.com;Trust Server Certificate=false\"")]
        [InlineData("\"Host=db.example.com;Trust Server Certificate=true;TrustServerCertificate=false\"")]
        [InlineData("\"Host=localhost;Trust Server Certificate=true\"")]
        [InlineData("$\"Host=db.example.com;Trust Server Certificate={mode}\"")]
        public Task Does_not_flag(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);

        [Fact]
        public Task Flags_builder_property() => VerifyCS.VerifyAsync(
            Code.InMethod("#pragma warning disable CS0618\n        var b = new NpgsqlConnectionStringBuilder { Host = \"db\", {|#0:TrustServerCertificate = true|} };"),
            Only,
            VerifyCS.Diagnostic(Descriptors.TrustServerCertificate).WithLocation(0).WithArguments("TrustServerCertificate=True"));
    }
}
