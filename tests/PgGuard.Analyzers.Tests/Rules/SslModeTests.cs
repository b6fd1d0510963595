using System.Threading.Tasks;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0002: SSL Mode Disable / Allow / Prefer / undefined numbers.</summary>
    public class SslModeTests
    {
        private static readonly string[] Only = { DiagnosticIds.SslModeInsecure };

        private static Task Flagged(string source, string argument) =>
            VerifyCS.VerifyAsync(source, Only, VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0).WithArguments(argument));

        private static Task NotFlagged(string source) => VerifyCS.VerifyAsync(source, Only);

        [Theory]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=Disable|}\"", "SSL Mode=Disable")]
        [InlineData("\"Host=db.example.com;{|#0:sslmode=disable|}\"", "sslmode=disable")]
        [InlineData("\"Host=db.example.com;{|#0:SslMode=Allow|}\"", "SslMode=Allow")]
        [InlineData("\"Host=db.example.com;{|#0:SSLMODE=prefer|};\"", "SSLMODE=prefer")]
        [InlineData("\"Host=db.example.com; {|#0:SSL Mode = Prefer|} ;Port=5432\"", "SSL Mode=Prefer")]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=6|}\"", "SSL Mode=6")]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=-1|}\"", "SSL Mode=-1")]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=0|}\"", "SSL Mode=0")]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode=Disable,Allow|}\"", "SSL Mode=Disable,Allow")]
        [InlineData("\"Host=db.example.com;{|#0:SSL Mode='Disable'|}\"", "SSL Mode=Disable")]
        [InlineData("\"Host=db.example.com;SSL Mode=VerifyFull;{|#0:sslmode=Disable|}\"", "sslmode=Disable")]
        [InlineData("\"Host=db.example.com;{|#0:\\u0053SL Mode=Disable|}\"", "SSL Mode=Disable")]
        [InlineData("@\"Host=db.example.com;{|#0:SSL Mode=Disable|}\"", "SSL Mode=Disable")]
        [InlineData("\"\"\"Host=db.example.com;{|#0:SSL Mode=Disable|}\"\"\"", "SSL Mode=Disable")]
        [InlineData("$\"Host={host};{|#0:SSL Mode=Disable|}\"", "SSL Mode=Disable")]
        [InlineData("\"Host=db.example.com;\" +\n            \"{|#0:SSL Mode=Disable|}\"", "SSL Mode=Disable")]
        public Task Flags_every_literal_kind_and_spelling(string literal, string argument) =>
            Flagged(Code.Connection(literal), argument);

        [Theory]
        [InlineData("\"Host=db.example.com;SSL Mode=VerifyFull\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=Require\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=VerifyCA\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=Allow,Prefer\"")] // OR-ed: Require
        [InlineData("\"Host=db.example.com;SSL Mode=3\"")]
        [InlineData("\"Host=db.example.com;SSL Mode=Disable;SslMode=VerifyFull\"")]
        [InlineData("$\"Host=db.example.com;SSL Mode={mode}\"")]
        [InlineData("$\"Host=db.example.com;SSL Mode=Disable;{mode}\"")] // the hole may set SSL Mode again
        [InlineData("\"Host=localhost;SSL Mode=Disable\"")]
        [InlineData("\"Host=127.0.0.1;SSL Mode=Disable\"")]
        [InlineData("\"Host=[::1];SSL Mode=Disable\"")]
        [InlineData("\"Host=/var/run/postgresql;SSL Mode=Disable\"")]
        [InlineData("\"Host=localhost,127.0.0.2:5433;SSL Mode=Disable\"")]
        public Task Does_not_flag_safe_unknown_or_local(string literal) => NotFlagged(Code.Connection(literal));

        [Fact]
        public Task Flags_every_sink() => VerifyCS.VerifyAsync(
            Code.InMethod(@"
        var a = NpgsqlDataSource.Create(""Host=db;{|#0:SSL Mode=Disable|}"");
        var b = new NpgsqlDataSourceBuilder(""Host=db;{|#1:SSL Mode=Disable|}"");
        var c = new NpgsqlSlimDataSourceBuilder(""Host=db;{|#2:SSL Mode=Disable|}"");
        var d = new NpgsqlConnection();
        d.ConnectionString = ""Host=db;{|#3:SSL Mode=Disable|}"";
        optionsBuilder.UseNpgsql(""Host=db;{|#4:SSL Mode=Disable|}"");
        var e = new NpgsqlConnectionStringBuilder(""Host=db;{|#5:SSL Mode=Disable|}"");"),
            Only,
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0).WithArguments("SSL Mode=Disable"),
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(1).WithArguments("SSL Mode=Disable"),
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(2).WithArguments("SSL Mode=Disable"),
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(3).WithArguments("SSL Mode=Disable"),
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(4).WithArguments("SSL Mode=Disable"),
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(5).WithArguments("SSL Mode=Disable"));

        [Fact]
        public Task Flags_builder_properties_initializers_and_indexer() => VerifyCS.VerifyAsync(
            Code.InMethod(@"
        var a = new NpgsqlConnectionStringBuilder { Host = ""db"", {|#0:SslMode = SslMode.Disable|} };
        var b = new NpgsqlConnectionStringBuilder();
        b.Host = ""db"";
        {|#1:b.SslMode = SslMode.Prefer|};
        var c = new NpgsqlConnectionStringBuilder(""Host=db"");
        {|#2:c[""sslmode""] = ""allow""|};"),
            Only,
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0).WithArguments("SslMode=Disable"),
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(1).WithArguments("SslMode=Prefer"),
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(2).WithArguments("sslmode=allow"));

        [Fact]
        public Task Builder_with_local_host_is_not_flagged() => NotFlagged(Code.InMethod(@"
        var b = new NpgsqlConnectionStringBuilder { Host = ""localhost"" };
        b.SslMode = SslMode.Disable;"));

        [Fact]
        public Task Flags_const_in_another_file_once()
        {
            var test = VerifyCS.Create(
                Code.InMethod(@"
        using var a = new NpgsqlConnection(Settings.Main);
        using var b = new NpgsqlConnection(Settings.Main);"),
                Only,
                VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0).WithArguments("SSL Mode=Disable"));
            test.TestState.Sources.Add(("Settings.cs", @"static class Settings
{
    public const string Main = ""Host=db.example.com;{|#0:SSL Mode=Disable|}"";
}"));
            return test.RunAsync();
        }

        [Fact]
        public Task Flags_concatenated_consts() => Flagged(
            Code.Connection("Base + Tls", @"
    const string Base = ""Host=db.example.com;"";
    const string Tls = ""{|#0:SSL Mode=Allow|}"";"),
            "SSL Mode=Allow");

        [Fact]
        public Task Flags_by_shape_without_a_sink() => Flagged(
            Code.InMethod(@"        var cs = ""Host=db.example.com;Username=app;{|#0:SSL Mode=Disable|}"";"),
            "SSL Mode=Disable");

        [Theory]
        [InlineData("        Console.WriteLine(\"Use SSL Mode=Disable only locally\");")]
        [InlineData("        var cs = \"SSL Mode=Disable\";")] // one setting: no shape
        [InlineData("        var cs = \"Data Source=db;Initial Catalog=x;Encrypt=false\";")]
        [InlineData("        var c = new Microsoft.Data.SqlClient.SqlConnection(\"Host=db;Username=app;SSL Mode=Disable\");")]
        [InlineData("        optionsBuilder.UseSqlServer(\"Host=db;Username=app;SSL Mode=Disable\");")]
        [InlineData("        var b = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(\"Server=db;User Id=app;Password=x;Pooling=false\");")]
        public Task Does_not_flag_prose_or_other_providers(string statement) => NotFlagged(Code.InMethod(statement));

        [Fact]
        public Task Does_not_flag_other_provider_api_by_name_when_unresolved()
        {
            var test = VerifyCS.Create(
                Code.InMethod("        var c = new {|CS0246:SqliteConnection|}(\"Host=db;Username=app;SSL Mode=Disable\");"),
                Only);
            return test.RunAsync();
        }

        [Fact]
        public Task Analyzes_local_connections_when_asked()
        {
            var test = VerifyCS.Create(
                Code.Connection("\"Host=localhost;{|#0:SSL Mode=Disable|}\""),
                Only,
                VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0).WithArguments("SSL Mode=Disable"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.analyze_local_connections = true\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Treats_configured_hosts_as_local()
        {
            var test = VerifyCS.Create(Code.Connection("\"Host=postgres-dev;SSL Mode=Disable\""), Only);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.local_hosts = cache, postgres-dev\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Message_names_the_setting_and_the_fix() => VerifyCS.VerifyAsync(
            Code.Connection("\"Host=db;{|#0:SSL Mode=Disable|}\""),
            Only,
            VerifyCS.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0)
                .WithMessage("'SSL Mode=Disable' lets the connection run without TLS; use SSL Mode=VerifyFull with a trusted root certificate"));
    }
}
