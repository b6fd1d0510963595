using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0009: Require / VerifyCA on a remote host.</summary>
    public class ServerIdentityTests
    {
        private static readonly string[] Only = { DiagnosticIds.ServerIdentityNotVerified };

        [Theory]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=Require|}\"", "Require", "certificate")]
        [InlineData("\"Host=db.example.com;{|#0:sslmode=verifyca|}\"", "VerifyCA", "host name")]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=3|}\"", "Require", "certificate")]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=Allow,Prefer|}\"", "Require", "certificate")]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=Require|};Root Certificate=/etc/ca.pem\"", "Require", "certificate")] // Require ignores the root CA
        public Task Flags_unverified_identity(string literal, string mode, string what) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.ServerIdentityNotVerified).WithLocation(0).WithArguments(mode, what));

        [Theory]
        [InlineData("\"Host=db.example.com;SSL Mode=VerifyFull\"")]
        [InlineData("\"Host=localhost;SSL Mode=Require\"")]
        [InlineData("$\"Host={host};SSL Mode=Require\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=Disable\"")]
        public Task Does_not_flag(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);
    }
}
