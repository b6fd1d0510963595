using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using PgGuard.CodeFixes;
using VerifyFix = PgGuard.Analyzers.Tests.Verifiers.CodeFixVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer, PgGuard.CodeFixes.ConnectionStringCodeFixProvider>;

namespace PgGuard.Analyzers.Tests.Fixes
{
    /// <summary>
    /// Connection-string fixes on every literal kind. Each case runs the single fix and Fix All (document, project,
    /// solution), and checks the fixed code compiles and has no remaining diagnostic of the rule.
    /// </summary>
    public class ConnectionStringFixTests
    {
        private static Task Verify(string id, string before, string after) =>
            VerifyFix.VerifyAsync(Code.Connection(before), Code.Connection(after), new[] { id });

        [Theory]
        [InlineData("\"Host=db;{|PG0002:SSL Mode=Disable|}\"", "\"Host=db;SSL Mode=VerifyFull\"")]
        [InlineData("\"Host=db;{|PG0002:SSL Mode='Prefer'|};Port=5432\"", "\"Host=db;SSL Mode=VerifyFull;Port=5432\"")]
        [InlineData("\"Host=db;{|PG0002:\\u0053SL Mode=\\u0044isable|}\"", "\"Host=db;\\u0053SL Mode=VerifyFull\"")]
        [InlineData("@\"Host=db;{|PG0002:SSL Mode=Disable|}\"", "@\"Host=db;SSL Mode=VerifyFull\"")]
        [InlineData("\"\"\"Host=db;{|PG0002:SSL Mode=Disable|}\"\"\"", "\"\"\"Host=db;SSL Mode=VerifyFull\"\"\"")]
        [InlineData("\"\"\"\n            Host=db;{|PG0002:SSL Mode=Disable|}\n            \"\"\"", "\"\"\"\n            Host=db;SSL Mode=VerifyFull\n            \"\"\"")]
        [InlineData("$\"Host={host};{|PG0002:SSL Mode=Disable|}\"", "$\"Host={host};SSL Mode=VerifyFull\"")]
        [InlineData("$@\"Host={host};{|PG0002:SSL Mode=Disable|}\"", "$@\"Host={host};SSL Mode=VerifyFull\"")]
        [InlineData("$\"\"\"Host={host};{|PG0002:SSL Mode=Disable|}\"\"\"", "$\"\"\"Host={host};SSL Mode=VerifyFull\"\"\"")]
        [InlineData("\"Host=db;\" +\n            \"{|PG0002:SSL Mode=Disable|}\"", "\"Host=db;\" +\n            \"SSL Mode=VerifyFull\"")]
        public Task Sets_ssl_mode_in_every_literal_kind(string before, string after) => Verify(DiagnosticIds.SslModeInsecure, before, after);

        [Theory]
        [InlineData("\"Host=db;{|PG0003:Trust Server Certificate=true|}\"", "\"Host=db\"")]
        [InlineData("\"Host=db;{|PG0003:Trust Server Certificate=true|};\"", "\"Host=db;\"")]
        [InlineData("\"{|PG0003:TrustServerCertificate=true|};Host=db\"", "\"Host=db\"")]
        [InlineData("\"Host=db; {|PG0003:TrustServerCertificate=true|} ;Port=5432\"", "\"Host=db;Port=5432\"")]
        public Task Removes_trust_server_certificate(string before, string after) => Verify(DiagnosticIds.CertificateValidationDisabled, before, after);

        [Theory]
        [InlineData("\"{|PG0004:Host=db.example.com|};Username=app\"", "\"Host=db.example.com;Username=app;SSL Mode=VerifyFull\"")]
        [InlineData("\"{|PG0004:Host=db.example.com|};Username=app;\"", "\"Host=db.example.com;Username=app;SSL Mode=VerifyFull\"")]
        [InlineData("@\"{|PG0004:Host=db.example.com|}\"", "@\"Host=db.example.com;SSL Mode=VerifyFull\"")]
        [InlineData("$\"{|PG0004:Host=db.example.com|};Password={host};Username=app\"", "$\"Host=db.example.com;Password={host};Username=app;SSL Mode=VerifyFull\"")]
        public Task Appends_ssl_mode(string before, string after) => Verify(DiagnosticIds.SslModeMissing, before, after);

        [Fact]
        public Task Declines_to_append_after_a_hole() => VerifyFix.Create(
            Code.Connection("$\"{|PG0004:Host=db.example.com|};Password={host}\""),
            Code.Connection("$\"{|PG0004:Host=db.example.com|};Password={host}\""),
            new[] { DiagnosticIds.SslModeMissing }).RunAsync();

        [Theory]
        [InlineData("\"Host=db;{|PG0007:Pooling=false|}\"", "\"Host=db\"")]
        [InlineData("\"Host=db;{|PG0007:Pooling=false|};Username=app\"", "\"Host=db;Username=app\"")]
        public Task Removes_pooling_false(string before, string after) => Verify(DiagnosticIds.PoolingDisabled, before, after);

        [Theory]
        [InlineData("\"{|PG0008:Host=db.example.com|};Username=app\"", "\"Host=db.example.com;Username=app;Maximum Pool Size=20\"")]
        [InlineData("\"Host=db.example.com;Username=app;{|PG0008:Maximum Pool Size=500|}\"", "\"Host=db.example.com;Username=app;Maximum Pool Size=100\"")]
        [InlineData("\"Host=db.example.com;Username=app;{|PG0008:Maximum Pool Size=0|}\"", "\"Host=db.example.com;Username=app;Maximum Pool Size=20\"")]
        public Task Sets_the_pool_ceiling(string before, string after) => Verify(DiagnosticIds.PoolCeiling, before, after);

        [Fact]
        public Task Verifies_the_server_identity() => Verify(
            DiagnosticIds.ServerIdentityNotVerified,
            "\"Host=db.example.com;{|PG0009:SSL Mode=Require|}\"",
            "\"Host=db.example.com;SSL Mode=VerifyFull\"");

        [Fact]
        public Task Removes_sensitive_settings() => Verify(
            DiagnosticIds.SensitiveDataLeak,
            "\"Host=db.example.com;{|PG0010:Include Error Detail=true|};{|PG0010:Log Parameters=true|}\"",
            "\"Host=db.example.com\"");

        [Theory]
        [InlineData("\"Host=db;{|PG0011:Max Pool Size|}=20\"", "\"Host=db;Maximum Pool Size=20\"")]
        [InlineData("\"Host=db;{|PG0011:User|}=app\"", "\"Host=db;Username=app\"")]
        [InlineData("\"Host=db;SSL Mode={|PG0011:verify-full|}\"", "\"Host=db;SSL Mode=VerifyFull\"")]
        public Task Renames_foreign_keywords_and_values(string before, string after) => Verify(DiagnosticIds.InvalidConnectionString, before, after);

        [Fact]
        public Task Uses_the_configured_ssl_mode()
        {
            var test = VerifyFix.Create(
                Code.Connection("\"Host=db;{|PG0002:SSL Mode=Disable|}\""),
                Code.Connection("\"Host=db;SSL Mode=VerifyCA\""),
                new[] { DiagnosticIds.SslModeInsecure });
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.ssl_mode = VerifyCA\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Fixes_a_const_in_another_file()
        {
            var test = VerifyFix.Create(
                Code.Connection("Settings.Main"),
                Code.Connection("Settings.Main"),
                new[] { DiagnosticIds.SslModeInsecure });
            test.TestState.Sources.Add(("Settings.cs", "static class Settings { public const string Main = \"Host=db;{|PG0002:SSL Mode=Disable|}\"; }"));
            test.FixedState.Sources.Add(("Settings.cs", "static class Settings { public const string Main = \"Host=db;SSL Mode=VerifyFull\"; }"));

            // The finding sits in another file than the sink that revealed it, so Roslyn classes it as non-local: the
            // command line, full-solution analysis and Fix All see it, the light bulb of the sink's file does not.
            test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_fixes_every_occurrence() => VerifyFix.VerifyAsync(
            Code.InMethod(@"
        using var a = new NpgsqlConnection(""Host=db;{|PG0002:SSL Mode=Disable|}"");
        using var b = new NpgsqlConnection(@""Host=db;{|PG0002:sslmode=prefer|}"");
        var c = NpgsqlDataSource.Create(""Host=db;{|PG0002:SSL Mode=Allow|};Port=5432"");"),
            Code.InMethod(@"
        using var a = new NpgsqlConnection(""Host=db;SSL Mode=VerifyFull"");
        using var b = new NpgsqlConnection(@""Host=db;sslmode=VerifyFull"");
        var c = NpgsqlDataSource.Create(""Host=db;SSL Mode=VerifyFull;Port=5432"");"),
            new[] { DiagnosticIds.SslModeInsecure });

        [Fact]
        public void Equivalence_keys_are_public_and_distinct()
        {
            var keys = new[]
            {
                ConnectionStringFixKeys.SetSslMode, ConnectionStringFixKeys.RemoveTrustServerCertificate, ConnectionStringFixKeys.AppendSslMode,
                ConnectionStringFixKeys.RemovePoolingFalse, ConnectionStringFixKeys.SetMaxPoolSize, ConnectionStringFixKeys.VerifyFull,
                ConnectionStringFixKeys.RemoveSensitiveSetting, ConnectionStringFixKeys.RenameKeyword,
            };
            Assert.Equal(keys.Length, new System.Collections.Generic.HashSet<string>(keys).Count);
        }
    }
}
