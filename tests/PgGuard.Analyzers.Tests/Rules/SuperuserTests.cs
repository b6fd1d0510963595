using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0001: logging in as a superuser.</summary>
    public class SuperuserTests
    {
        private static readonly string[] Only = { DiagnosticIds.Superuser };

        [Theory]
        [InlineData("\"Host=db.example.com;{|#0:Username=postgres|}\"", "postgres")]
        [InlineData("\"Host=db.example.com;{|#0:User Id=postgres|}\"", "postgres")]
        [InlineData("\"Host=db.example.com;{|#0:userid=postgres|}\"", "postgres")]
        [InlineData("\"Host=db.example.com;{|#0:User Name=rdsadmin|}\"", "rdsadmin")]
        [InlineData("\"Host=db.example.com;{|#0:UID=azure_superuser|}\"", "azure_superuser")]
        [InlineData("\"Host=db.example.com;{|#0:Username=cloudsqladmin|}\"", "cloudsqladmin")]
        [InlineData("\"Host=db.example.com;{|#0:Username=postgres.abcdefghijklmnop|}\"", "postgres.abcdefghijklmnop")]
        [InlineData("\"Host=db.example.com;Username=app;{|#0:Username=postgres|}\"", "postgres")]
        [InlineData("\"Host=db.example.com;{|#0:Username='postgres'|}\"", "postgres")]
        [InlineData("$\"Host={host};{|#0:Username=postgres|}\"", "postgres")]
        public Task Flags_superuser_names(string literal, string user) => VerifyCS.VerifyAsync(
            Code.Connection(literal), Only, VerifyCS.Diagnostic(Descriptors.Superuser).WithLocation(0).WithArguments(user));

        [Theory]
        [InlineData("\"Host=db.example.com;Username=app\"")]
        [InlineData("\"Host=db.example.com;Username=Postgres\"")] // a different role: names are not folded at login
        [InlineData("\"Host=db.example.com;Username=postgres_reader\"")]
        [InlineData("\"Host=db.example.com;Username=postgres;Username=app\"")]
        [InlineData("\"Host=db.example.com;Username=postgres;Username=\"")] // removed: PGUSER decides at run time
        [InlineData("$\"Host=db.example.com;Username={host}\"")]
        [InlineData("\"Host=localhost;Username=postgres\"")]
        [InlineData("\"Host=db.example.com;Password=x\"")]
        public Task Does_not_flag_other_users(string literal) => VerifyCS.VerifyAsync(Code.Connection(literal), Only);

        [Fact]
        public Task Flags_builder_username() => VerifyCS.VerifyAsync(
            Code.InMethod("        var b = new NpgsqlConnectionStringBuilder { Host = \"db\", {|#0:Username = \"postgres\"|} };"),
            Only,
            VerifyCS.Diagnostic(Descriptors.Superuser).WithLocation(0).WithArguments("postgres"));

        [Fact]
        public Task Honours_extra_superuser_names()
        {
            var test = VerifyCS.Create(
                Code.Connection("\"Host=db.example.com;{|#0:Username=dbowner|}\""),
                Only,
                VerifyCS.Diagnostic(Descriptors.Superuser).WithLocation(0).WithArguments("dbowner"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npgguard.superuser_names = dbowner, root_admin\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Message_names_the_user() => VerifyCS.VerifyAsync(
            Code.Connection("\"Host=db;{|#0:Username=postgres|}\""),
            Only,
            VerifyCS.Diagnostic(Descriptors.Superuser).WithLocation(0)
                .WithMessage("The connection logs in as 'postgres', a superuser; connect as a least-privilege application role"));
    }
}
