using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0013: public IP literals.</summary>
    public class PublicIpAddressTests
    {
        private static readonly string[] Only = { DiagnosticIds.PublicIpAddress };

        [Theory]
        [InlineData("\"Host={|#0:34.120.5.9|};Username=app\"", "34.120.5.9")]
        [InlineData("\"Host=10.0.0.1,{|#0:52.1.2.3:5433|}\"", "52.1.2.3")]
        [InlineData("\"Server={|#0:2606:4700::1111|}\"", "2606:4700::1111")]
        [InlineData("\"Host={|#0:[2606:4700::1111]:5433|}\"", "2606:4700::1111")]
        [InlineData("$\"Host={|#0:8.8.4.4|};Password={host}\"", "8.8.4.4")]
        public Task Flags_public_addresses(string literal, string host) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.PublicIpAddress).WithLocation(0).WithArguments(host));

        [Theory]
        [InlineData("10.1.2.3")]
        [InlineData("172.16.0.9")]
        [InlineData("172.31.255.1")]
        [InlineData("192.168.1.20")]
        [InlineData("100.64.0.7")]
        [InlineData("169.254.10.1")]
        [InlineData("127.0.0.1")]
        [InlineData("203.0.113.5")]
        [InlineData("198.51.100.5")]
        [InlineData("fd00::5")]
        [InlineData("fe80::1")]
        [InlineData("::1")]
        [InlineData("db.example.com")]
        [InlineData("256.1.1.1")]
        public Task Does_not_flag_private_reserved_or_names(string host) =>
            VerifyCS.VerifyAsync(Code.Connection("\"Host=" + host + ";Username=app\""), Only);
    }
}
