using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0011: what Npgsql rejects at run time, and libpq strings it misreads.</summary>
    public class InvalidConnectionStringTests
    {
        private static readonly string[] Only = { DiagnosticIds.InvalidConnectionString };

        [Theory]
        [InlineData("\"Host=db;{|#0:Max Pool Size|}=50\"", "Max Pool Size", "; use 'Maximum Pool Size'")]
        [InlineData("\"Host=db;{|#0:Min Pool Size|}=1\"", "Min Pool Size", "; use 'Minimum Pool Size'")]
        [InlineData("\"Host=db;{|#0:User|}=app\"", "User", "; use 'Username'")]
        [InlineData("\"{|#0:Data Source|}=db;Username=app\"", "Data Source", "; use 'Host'")]
        [InlineData("\"Host=db;{|#0:Connect Timeout|}=5\"", "Connect Timeout", "; use 'Timeout'")]
        [InlineData("\"Host=db;{|#0:SSL_Mode|}=Require\"", "SSL_Mode", "; use 'SSL Mode'")]
        [InlineData("\"Host=db;{|#0:Foo|}=bar\"", "Foo", "")]
        [InlineData("\"Host=localhost;{|#0:Max Pool Size|}=50\"", "Max Pool Size", "; use 'Maximum Pool Size'")] // local connections fail too
        public Task Flags_unknown_keywords(string literal, string key, string advice) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.UnknownKeyword).WithLocation(0).WithArguments(key, advice));

        [Theory]
        [InlineData("\"Host=db;Pooling={|#0:yes|}\"", "yes", "Pooling", "; use 'true'")]
        [InlineData("\"Host=db;SSL Mode={|#0:verify-full|}\"", "verify-full", "SSL Mode", "; use 'VerifyFull'")]
        [InlineData("\"Host=db;Port={|#0:five|}\"", "five", "Port", "; expected an integer")]
        [InlineData("\"Host=db;Port={|#0:0|}\"", "0", "Port", "; must be greater than 0")]
        public Task Flags_invalid_values(string literal, string value, string key, string advice) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.InvalidValue).WithLocation(0).WithArguments(value, key, advice));

        [Theory]
        [InlineData("\"Host=db;{|#0:Password='abc|}\"", "a quoted value is not closed, is followed by text, or a value ends with a quote")]
        [InlineData("\"Host=db;{|#0:Port|}\"", "a setting has no '=value'")]
        [InlineData("\"Host=db;{|#0:Password==abc|}\"", "a value starts with '=' and must be quoted")]
        public Task Flags_malformed_strings_without_echoing_them(string literal, string reason) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.MalformedConnectionString).WithLocation(0).WithArguments(reason));

        [Fact]
        public Task Flags_uris_and_libpq_strings() => VerifyCS.VerifyAsync(
            Code.InMethod(@"
        using var a = new NpgsqlConnection(""{|#0:postgresql://app:secret@db.example.com:5432/app|}"");
        using var b = new NpgsqlConnection(""{|#1:host=db.example.com port=5432 dbname=app|}"");"),
            Only,
            VerifyCS.Diagnostic(Descriptors.UriConnectionString).WithLocation(0).WithArguments("postgresql://"),
            VerifyCS.Diagnostic(Descriptors.LibpqConnectionString).WithLocation(1));

        [Theory]
        [InlineData("\"Host=db;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20\"")]
        [InlineData("\"HOST=db;USERNAME=app;sslmode=VERIFYFULL;MaxPoolSize=20\"")]
        [InlineData("$\"Host=db;{host}=x\"")]
        [InlineData("$\"Host=db;Port={size}\"")]
        [InlineData("\"\"")]
        [InlineData("\";;\"")]
        public Task Does_not_flag_valid_or_unknown(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);

        [Fact]
        public Task Does_not_flag_a_uri_found_by_shape_only() => VerifyCS.VerifyAsync(
            Code.InMethod("        var url = \"postgresql://app@db.example.com/app?sslmode=require\";"), Only);
    }
}
