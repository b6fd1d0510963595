using System.Threading.Tasks;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG9001 and the pgguard.* option grammar.</summary>
    public class OptionsTests
    {
        [Theory]
        [InlineData("pgguard.max_pool_size_limit", "lots", "expected a whole number greater than 0", "100")]
        [InlineData("pgguard.max_pool_size", "0", "expected a whole number greater than 0", "20")]
        [InlineData("pgguard.ssl_mode", "verify-full", "expected VerifyFull, VerifyCA or Require", "VerifyFull")]
        [InlineData("pgguard.analyze_local_connections", "yes", "expected true or false", "false")]
        public Task Reports_an_invalid_value_once_and_uses_the_default(string key, string value, string reason, string fallback)
        {
            var test = AnalyzerVerifier<OptionsAnalyzer>.Create(
                Code.InMethod(@"
        using var a = new NpgsqlConnection(""Host=db.example.com;Pooling=false"");
        using var b = new NpgsqlConnection(""Host=db.example.com;Pooling=false"");"),
                new[] { DiagnosticIds.InvalidOption },
                VerifyCS.Diagnostic(Descriptors.InvalidOption).WithArguments(key, value, reason, fallback));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + key + " = " + value + "\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Reports_each_invalid_value_once_across_files_and_global_options()
        {
            var test = AnalyzerVerifier<OptionsAnalyzer>.Create(
                Code.InMethod(string.Empty),
                new[] { DiagnosticIds.InvalidOption },
                VerifyCS.Diagnostic(Descriptors.InvalidOption).WithArguments("pgguard.max_pool_size", "many", "expected a whole number greater than 0", "20"),
                VerifyCS.Diagnostic(Descriptors.InvalidOption).WithArguments("pgguard.ssl_mode", "strict", "expected VerifyFull, VerifyCA or Require", "VerifyFull"));
            test.TestState.Sources.Add(("/src/B.cs", "class B { }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.max_pool_size = many\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npgguard.ssl_mode = strict\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Valid_options_report_nothing()
        {
            var test = AnalyzerVerifier<OptionsAnalyzer>.Create(Code.InMethod(string.Empty), new[] { DiagnosticIds.InvalidOption });
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.max_pool_size = 30\npgguard.ssl_mode = verifyca\npgguard.local_hosts = a, b\npgguard.analyze_local_connections = TRUE\n"));
            return test.RunAsync();
        }

        [Fact]
        public void Parses_lists_and_caches_by_raw_value()
        {
            Assert.Same(PgGuardOptions.Default, PgGuardOptions.Default);
            Assert.Equal(20, PgGuardOptions.Default.MaxPoolSize);
            Assert.Equal(100, PgGuardOptions.Default.MaxPoolSizeLimit);
            Assert.Equal("VerifyFull", PgGuardOptions.Default.SslMode);
            Assert.False(PgGuardOptions.Default.AnalyzeLocalConnections);
            Assert.Empty(PgGuardOptions.Default.Errors);
        }

        [Fact]
        public Task Folder_scoped_sections_apply_per_file()
        {
            var test = VerifyCS.Create(string.Empty, new[] { DiagnosticIds.SslModeInsecure },
                VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0).WithArguments("SSL Mode=Disable"));
            test.TestState.Sources.Clear();
            test.TestState.Sources.Add(("/src/Dev/A.cs", Code.Connection("\"Host=localhost;{|#0:SSL Mode=Disable|}\"")));
            test.TestState.Sources.Add(("/src/Prod/B.cs", Code.Connection("\"Host=localhost;SSL Mode=Disable\"").Replace("class C", "class D")));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[/src/Dev/*.cs]\npgguard.analyze_local_connections = true\n"));
            return test.RunAsync();
        }
    }
}
