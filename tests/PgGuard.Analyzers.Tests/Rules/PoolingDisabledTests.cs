using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0007: Pooling=false.</summary>
    public class PoolingDisabledTests
    {
        private static readonly string[] Only = { DiagnosticIds.PoolingDisabled };

        [Theory]
        [InlineData("\"Host=db.example.com;{|#0:Pooling=false|}\"", "Pooling=false")]
        [InlineData("\"Host=db.example.com;{|#0:pooling = False|};Port=5432\"", "pooling=False")]
        [InlineData("\"Host=db.example.com;Pooling=true;{|#0:POOLING=FALSE|}\"", "POOLING=FALSE")]
        [InlineData("$\"Host={host};{|#0:Pooling=false|}\"", "Pooling=false")]
        public Task Flags_pooling_off(string literal, string argument) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.PoolingDisabled).WithLocation(0).WithArguments(argument));

        [Theory]
        [InlineData("\"Host=db.example.com;Pooling=true\"")]
        [InlineData("\"Host=db.example.com;Pooling=false;Pooling=true\"")]
        [InlineData("\"Host=db.example.com;Pooling=false;Pooling=\"")]
        [InlineData("\"Host=localhost;Pooling=false\"")]
        [InlineData("$\"Host=db.example.com;Pooling={mode}\"")]
        public Task Does_not_flag(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);

        [Fact]
        public Task Flags_builder_property() => VerifyCS.VerifyAsync(
            Code.InMethod("        var b = new NpgsqlConnectionStringBuilder(\"Host=db.example.com\") { {|#0:Pooling = false|} };"),
            Only,
            VerifyCS.Diagnostic(Descriptors.PoolingDisabled).WithLocation(0).WithArguments("Pooling=False"));
    }
}
