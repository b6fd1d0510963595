using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Rules;
using PgGuard.CodeFixes;
using VerifyFix = PgGuard.Analyzers.Tests.Verifiers.CodeFixVerifier<PgGuard.Analyzers.Analyzers.CertificateCallbackAnalyzer, PgGuard.CodeFixes.CertificateCallbackCodeFixProvider>;

namespace PgGuard.Analyzers.Tests.Fixes
{
    /// <summary>PG0003 callback fix: deletes the statement that installs the callback; single fix and Fix All.</summary>
    public class CertificateCallbackFixTests
    {
        private static readonly string[] Only = { DiagnosticIds.CertificateValidationDisabled };

        [Fact]
        public Task Removes_every_installing_statement_in_the_document()
        {
            var test = VerifyFix.Create(
                CertificateCallbackTests.InMethod(@"
        var builder = new NpgsqlDataSourceBuilder(""Host=db"");
        builder.UseUserCertificateValidationCallback({|PG0003:(sender, certificate, chain, errors) => true|});
        using var connection = new NpgsqlConnection();
        connection.UserCertificateValidationCallback = {|PG0003:AcceptAll|};
        builder.UseSslClientAuthenticationOptionsCallback(options =>
        {
            options.TargetHost = ""db.example.com"";
            options.RemoteCertificateValidationCallback = {|PG0003:delegate { return true; }|};
        });
        optionsBuilder.UseNpgsql(""Host=db"", npgsql =>
        {
            npgsql.RemoteCertificateValidationCallback({|PG0003:(s, c, ch, e) => true|});
        });

        static bool AcceptAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;"),
                CertificateCallbackTests.InMethod(@"
        var builder = new NpgsqlDataSourceBuilder(""Host=db"");
        using var connection = new NpgsqlConnection();
        builder.UseSslClientAuthenticationOptionsCallback(options =>
        {
            options.TargetHost = ""db.example.com"";
        });
        optionsBuilder.UseNpgsql(""Host=db"", npgsql =>
        {
        });

        static bool AcceptAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;"),
                Only);
            test.CodeActionEquivalenceKey = CertificateCallbackCodeFixProvider.RemoveCallbackKey;
            return test.RunAsync();
        }

        [Fact]
        public Task Removes_a_top_level_statement()
        {
            var test = VerifyFix.Create(
                CertificateCallbackTests.Prelude + @"using Npgsql;
var builder = new NpgsqlDataSourceBuilder(""Host=db"");
builder.UseUserCertificateValidationCallback({|PG0003:(sender, certificate, chain, errors) => true|});
await using var dataSource = builder.Build();
",
                CertificateCallbackTests.Prelude + @"using Npgsql;
var builder = new NpgsqlDataSourceBuilder(""Host=db"");
await using var dataSource = builder.Build();
",
                Only);
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Theory]
        [InlineData("        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback({|PG0003:(s, c, ch, e) => true|});")] // the receiver is needed
        [InlineData("        var b = new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback({|PG0003:(s, c, ch, e) => true|});")]
        [InlineData("        var b = new NpgsqlDataSourceBuilder(\"Host=db\");\n        b.UseUserCertificateValidationCallback({|PG0003:(s, c, ch, e) => true|}).UseLoggerFactory(null);")] // a chain
        [InlineData("        var b = new NpgsqlDataSourceBuilder(\"Host=db\");\n        if (host.Length > 0) b.UseUserCertificateValidationCallback({|PG0003:(s, c, ch, e) => true|});")] // not a block statement
        [InlineData("        var b = new NpgsqlDataSourceBuilder(\"Host=db\");\n        b.UseSslClientAuthenticationOptionsCallback(o => o.RemoteCertificateValidationCallback = {|PG0003:(s, c, ch, e) => true|});")] // an expression body
        [InlineData("        optionsBuilder.UseNpgsql(\"Host=db\", npgsql => npgsql.RemoteCertificateValidationCallback({|PG0003:(s, c, ch, e) => true|}));")]
        public Task Offers_no_fix_where_removal_is_not_a_whole_statement(string statements)
        {
            var source = CertificateCallbackTests.InMethod(statements);
            return VerifyFix.VerifyAsync(source, source, Only);
        }
    }
}
