using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0010: switches and calls that leak row values, parameters or the password.</summary>
    public class SensitiveDataTests
    {
        private static readonly string[] Only = { DiagnosticIds.SensitiveDataLeak };

        [Theory]
        [InlineData("\"Host=db.example.com;{|#0:Include Error Detail=true|}\"", "Include Error Detail=true", "exception messages and logs")]
        [InlineData("\"Host=db.example.com;{|#0:IncludeErrorDetail=True|}\"", "IncludeErrorDetail=True", "exception messages and logs")]
        [InlineData("\"Host=db.example.com;{|#0:Log Parameters=true|}\"", "Log Parameters=true", "logs")]
        [InlineData("\"Host=db.example.com;{|#0:Include Failed Batched Command=true|}\"", "Include Failed Batched Command=true", "exceptions")]
        [InlineData("\"Host=db.example.com;{|#0:Persist Security Info=true|}\"", "Persist Security Info=true", "ConnectionString, which then keeps the password")]
        public Task Flags_leaky_settings(string literal, string setting, string where) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.SensitiveDataLeak).WithLocation(0).WithArguments(setting, where));

        [Theory]
        [InlineData("\"Host=db.example.com;Include Error Detail=false\"")]
        [InlineData("\"Host=db.example.com;Log Parameters=true;Log Parameters=false\"")]
        [InlineData("\"Host=localhost;Include Error Detail=true\"")]
        [InlineData("$\"Host=db.example.com;Include Error Detail={mode}\"")]
        public Task Does_not_flag(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);

        [Fact]
        public Task Flags_parameter_logging_calls() => VerifyCS.VerifyAsync(
            Code.InMethod(@"
        var a = new NpgsqlDataSourceBuilder(""Host=db"").{|#0:EnableParameterLogging|}();
        var b = new NpgsqlDataSourceBuilder(""Host=db"").{|#1:EnableParameterLogging|}(true);
        var c = new NpgsqlDataSourceBuilder(""Host=db"").EnableParameterLogging(false);
        var d = new NpgsqlSlimDataSourceBuilder(""Host=db"").{|#2:EnableParameterLogging|}();
        NpgsqlLoggingConfiguration.{|#3:InitializeLogging|}(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, parameterLoggingEnabled: true);
        NpgsqlLoggingConfiguration.InitializeLogging(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);"),
            Only,
            VerifyCS.Diagnostic(Descriptors.SensitiveDataLeak).WithLocation(0).WithArguments("EnableParameterLogging()", "logs"),
            VerifyCS.Diagnostic(Descriptors.SensitiveDataLeak).WithLocation(1).WithArguments("EnableParameterLogging()", "logs"),
            VerifyCS.Diagnostic(Descriptors.SensitiveDataLeak).WithLocation(2).WithArguments("EnableParameterLogging()", "logs"),
            VerifyCS.Diagnostic(Descriptors.SensitiveDataLeak).WithLocation(3).WithArguments("parameterLoggingEnabled: true", "logs"));
    }
}
