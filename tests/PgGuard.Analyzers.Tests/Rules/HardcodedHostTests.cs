using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0005: remote hosts written into C# source (not in test projects).</summary>
    public class HardcodedHostTests
    {
        private static readonly string[] Only = { DiagnosticIds.HardcodedHost };

        [Fact]
        public Task Flags_each_remote_host_with_its_port() => VerifyCS.VerifyAsync(
            Code.InMethod(@"
        using var a = new NpgsqlConnection(""Host={|#0:db.example.com|};Username=app"");
        using var b = new NpgsqlConnection(""Host={|#1:db.example.com|};Port=6432"");
        using var c = new NpgsqlConnection(""Host={|#2:primary:5433|}, localhost ,{|#3:replica|};Port=6000"");
        using var d = new NpgsqlConnection(""Server='{|#4:10.1.2.3|}'"");
        using var e = new NpgsqlConnection(""Host={|#5:[2001:db8::5]:5433|}"");"),
            Only,
            VerifyCS.Diagnostic(Descriptors.HardcodedHost).WithLocation(0).WithArguments("db.example.com", "5432"),
            VerifyCS.Diagnostic(Descriptors.HardcodedHost).WithLocation(1).WithArguments("db.example.com", "6432"),
            VerifyCS.Diagnostic(Descriptors.HardcodedHost).WithLocation(2).WithArguments("primary", "5433"),
            VerifyCS.Diagnostic(Descriptors.HardcodedHost).WithLocation(3).WithArguments("replica", "6000"),
            VerifyCS.Diagnostic(Descriptors.HardcodedHost).WithLocation(4).WithArguments("10.1.2.3", "5432"),
            VerifyCS.Diagnostic(Descriptors.HardcodedHost).WithLocation(5).WithArguments("2001:db8::5", "5433"));

        [Fact]
        public Task Flags_builder_host() => VerifyCS.VerifyAsync(
            Code.InMethod("        var b = new NpgsqlConnectionStringBuilder { Host = {|#0:\"db.example.com\"|}, Port = 6432 };"),
            Only,
            VerifyCS.Diagnostic(Descriptors.HardcodedHost).WithLocation(0).WithArguments("db.example.com", "6432"));

        [Theory]
        [InlineData("\"Host=localhost;Username=app\"")]
        [InlineData("\"Host=127.0.0.1:5433;Username=app\"")]
        [InlineData("$\"Host={host};Username=app\"")]
        [InlineData("\"Host=/tmp;Username=app\"")]
        [InlineData("\"Username=app;Password=x\"")]
        public Task Does_not_flag_local_or_unknown_hosts(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);

        [Fact]
        public Task Does_not_flag_in_test_projects()
        {
            var test = VerifyCS.Create(Code.Connection("\"Host=db.example.com;Username=app\""), Only);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            return test.RunAsync();
        }
    }
}
