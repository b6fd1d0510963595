using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0006: literal passwords in code, builders and URIs; placeholders are not secrets.</summary>
    public class HardcodedPasswordTests
    {
        private static readonly string[] Only = { DiagnosticIds.HardcodedPassword };

        [Theory]
        [InlineData("\"Host=db.example.com;Password={|#0:Fake-Secret-1|}\"", "Password")]
        [InlineData("\"Host=db.example.com;PWD={|#0:Fake-Secret-1|}\"", "PWD")]
        [InlineData("\"Host=db.example.com;psw={|#0:Fake-Secret-1|};\"", "psw")]
        [InlineData("\"Host=db.example.com;Password={|#0:'p;ss=word'|}\"", "Password")]
        [InlineData("\"Host=db.example.com;SSL Password={|#0:Fake-Key-Pass|}\"", "SSL Password")]
        [InlineData("$\"Host={host};Password={|#0:Fake-Secret-1|}\"", "Password")]
        [InlineData("\"postgresql://app:{|#0:Fake-Secret-1|}@db.example.com:5432/app\"", "URI password")]
        public Task Flags_literal_passwords(string literal, string keyword) => VerifyCS.VerifyAsync(
            Code.InMethod("        var cs = " + literal + ";\n        using var c = new NpgsqlConnection(cs);"),
            Only,
            VerifyCS.Diagnostic(Descriptors.HardcodedPassword).WithLocation(0).WithArguments(keyword));

        [Theory]
        [InlineData("\"Host=db.example.com;Username=app;Password=\"")]
        [InlineData("\"Host=db.example.com;Username=app;Password={0}\"")]
        [InlineData("\"Host=db.example.com;Username=app;Password=${DB_PASSWORD}\"")]
        [InlineData("\"Host=db.example.com;Username=app;Password=%DB_PASSWORD%\"")]
        [InlineData("\"Host=db.example.com;Username=app;Password=<password>\"")]
        [InlineData("\"Host=db.example.com;Username=app;Password=@password\"")]
        [InlineData("\"Host=db.example.com;Username=app;Password=#{DbPassword}#\"")]
        [InlineData("\"Host=db.example.com;Username=app;Password=__DB_PASSWORD__\"")]
        [InlineData("$\"Host=db.example.com;Username=app;Password={host}\"")]
        [InlineData("\"Host=localhost;Username=app;Password=dev\"")]
        [InlineData("\"postgresql://app:dev@localhost:5432/app\"")]
        [InlineData("\"postgresql://app@db.example.com/app\"")]
        [InlineData("\"Host=db.example.com;Username=app;Passfile=/run/secrets/pgpass\"")]
        public Task Does_not_flag_placeholders_and_local(string literal) =>
            VerifyCS.VerifyAsync(Code.InMethod("        var cs = " + literal + ";"), Only);

        [Fact]
        public Task Flags_builder_password_value() => VerifyCS.VerifyAsync(
            Code.InMethod(@"
        var b = new NpgsqlConnectionStringBuilder { Host = ""db.example.com"", Password = {|#0:""Fake-Secret-1""|} };
        var c = new NpgsqlConnectionStringBuilder(""Host=db.example.com"");
        c.Password = {|#1:""Fake-Secret-2""|};"),
            Only,
            VerifyCS.Diagnostic(Descriptors.HardcodedPassword).WithLocation(0).WithArguments("Password"),
            VerifyCS.Diagnostic(Descriptors.HardcodedPassword).WithLocation(1).WithArguments("Password"));

        [Fact]
        public Task Message_never_contains_the_password() => VerifyCS.VerifyAsync(
            Code.Connection("\"Host=db.example.com;Password={|#0:Canary-Pg0006|}\""),
            Only,
            VerifyCS.Diagnostic(Descriptors.HardcodedPassword).WithLocation(0)
                .WithMessage("'Password' holds a hardcoded password; load it from configuration or a secret store"));
    }
}
