using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0008: pool ceiling missing, too high, zero, or below the minimum.</summary>
    public class PoolCeilingTests
    {
        private static readonly string[] Only = { DiagnosticIds.PoolCeiling };

        [Theory]
        [InlineData("\"{|#0:Host=db.example.com|};Username=app;SSL Mode=VerifyFull\"")]
        [InlineData("\"{|#0:Host=db.example.com|};Database=app\"")]
        [InlineData("\"Password=x;{|#0:Server=db.example.com|}\"")]
        public Task Flags_missing_ceiling(string literal) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.MaxPoolSizeMissing).WithLocation(0));

        [Theory]
        [InlineData("\"Host=db.example.com;Username=app;{|#0:Maximum Pool Size=500|}\"", "500")]
        [InlineData("\"Host=db.example.com;Username=app;{|#0:MaxPoolSize=101|}\"", "101")]
        [InlineData("$\"Host={host};{|#0:maximum pool size = 1000|}\"", "1000")]
        public Task Flags_too_high(string literal, string value) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.MaxPoolSizeTooHigh).WithLocation(0).WithArguments(value, "100"));

        [Fact]
        public Task Flags_zero_and_min_above_max() => VerifyCS.VerifyAsync(
            Code.InMethod(@"
        using var a = new NpgsqlConnection(""Host=db.example.com;Username=app;{|#0:Maximum Pool Size=0|}"");
        using var b = new NpgsqlConnection(""Host=db.example.com;Username=app;{|#1:Minimum Pool Size=50|};Maximum Pool Size=20"");
        using var c = new NpgsqlConnection(""Host=db.example.com;Maximum Pool Size=50;{|#2:Minimum Pool Size=150|}"");"),
            Only,
            VerifyCS.Diagnostic(Descriptors.MaxPoolSizeZero).WithLocation(0),
            VerifyCS.Diagnostic(Descriptors.MinPoolSizeAboveMax).WithLocation(1).WithArguments("50", "20"),
            VerifyCS.Diagnostic(Descriptors.MinPoolSizeAboveMax).WithLocation(2).WithArguments("150", "50"));

        [Theory]
        [InlineData("\"Host=db.example.com;Username=app;Maximum Pool Size=20\"")]
        [InlineData("\"Host=db.example.com;Username=app;Maximum Pool Size=100\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=VerifyFull\"")] // host only: not a complete connection
        [InlineData("\"Host=db.example.com;Username=app;Pooling=false\"")] // PG0007's business
        [InlineData("\"Host=localhost;Username=app;Maximum Pool Size=1000\"")]
        [InlineData("$\"Host={host};Username=app\"")]
        [InlineData("$\"Host=db.example.com;Username=app;Maximum Pool Size={size}\"")]
        [InlineData("$\"Host=db.example.com;Username=app;{mode}\"")]
        public Task Does_not_flag(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);

        [Fact]
        public Task Honours_the_configured_limit()
        {
            var test = VerifyCS.Create(
                Code.Connection("\"Host=db.example.com;Username=app;{|#0:Maximum Pool Size=60|}\""),
                Only,
                VerifyCS.Diagnostic(Descriptors.MaxPoolSizeTooHigh).WithLocation(0).WithArguments("60", "50"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.max_pool_size_limit = 50\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Does_not_flag_in_test_projects()
        {
            var test = VerifyCS.Create(Code.Connection("\"Host=db.example.com;Username=app;Maximum Pool Size=500\""), Only);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Flags_builder_ceiling() => VerifyCS.VerifyAsync(
            Code.InMethod("        var b = new NpgsqlConnectionStringBuilder { Host = \"db.example.com\", {|#0:MaxPoolSize = 400|} };"),
            Only,
            VerifyCS.Diagnostic(Descriptors.MaxPoolSizeTooHigh).WithLocation(0).WithArguments("400", "100"));
    }
}
