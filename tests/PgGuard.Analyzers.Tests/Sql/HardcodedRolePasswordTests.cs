using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class HardcodedRolePasswordTests
    {
        private const string Id = DiagnosticIds.HardcodedRolePassword;

        [Theory]
        [InlineData("CREATE ROLE admin WITH SUPERUSER LOGIN PASSWORD [|'x'|]")]
        [InlineData("ALTER USER app ENCRYPTED PASSWORD [|'md5a3556571e93b0d20722ba62be61e8c2d'|]")]
        [InlineData("CREATE USER app PASSWORD [|'SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy'|] VALID UNTIL '2030-01-01'")]
        [InlineData("CREATE USER app PASSWORD [|E'p\\'w'|]")]
        [InlineData("ALTER ROLE app WITH LOGIN PASSWORD [|$$pw$$|]")]
        [InlineData("CREATE GROUP g PASSWORD [|U&'pw'|]")]
        [InlineData("ALTER USER CURRENT_USER PASSWORD [|'a'\n'b'|]")]
        [InlineData("CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'app', password [|'secret'|])")]
        [InlineData("ALTER USER MAPPING FOR app SERVER remote OPTIONS (SET password [|'secret'|])")]
        [InlineData("CREATE USER mapping PASSWORD [|'x'|]")]
        [InlineData("DO $$ BEGIN EXECUTE 'CREATE USER app PASSWORD [|''pw''|]'; END $$")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("CREATE USER app WITH PASSWORD NULL")]
        [InlineData("ALTER ROLE app PASSWORD ''")]
        [InlineData("CREATE USER app PASSWORD $1")]
        [InlineData("ALTER USER app PASSWORD @pw")]
        [InlineData("DO $$ BEGIN EXECUTE format('CREATE USER %I PASSWORD %L', n, p); END $$")]
        [InlineData("DO $$ BEGIN EXECUTE 'ALTER USER app PASSWORD ' || quote_literal(p); END $$")]
        [InlineData("SELECT 'ALTER USER app PASSWORD ''x'''")]
        [InlineData("CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'app')")]
        [InlineData("CREATE ROLE password")]
        [InlineData("CREATE ROLE x ROLE password")]
        [InlineData("ALTER ROLE x VALID UNTIL 'password'")]
        [InlineData("COMMENT ON ROLE x IS 'PASSWORD ''x'''")]
        [InlineData("-- ALTER USER app PASSWORD 'x'")]
        [InlineData("CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'h', password 'x')")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Message_names_the_role_never_the_password()
        {
            var message = SqlAssert.Message(Id, "CREATE USER App PASSWORD 'hunter2'");
            Assert.Equal("Role 'app' is given a hardcoded password; provision role passwords outside the application", message);
            Assert.Equal(
                "The user mapping for 'app' holds a hardcoded password; provision it outside the application",
                SqlAssert.Message(Id, "CREATE USER MAPPING FOR app SERVER s OPTIONS (password 'hunter2')"));
        }

        [Fact]
        public void No_message_contains_the_password()
        {
            const string Secret = "Hunter2Secret";
            var sql = "CREATE ROLE \"r\" LOGIN PASSWORD '" + Secret + "' SUPERUSER IN ROLE pg_read_all_data;"
                + "GRANT ALL ON t TO PUBLIC; SET SESSION AUTHORIZATION x; COPY t FROM '" + Secret + "';"
                + "CREATE USER MAPPING FOR u SERVER s OPTIONS (password '" + Secret + "')";
            var findings = SqlAssert.Findings(sql);
            Assert.True(findings.Count >= 7);
            Assert.All(findings, f => Assert.DoesNotContain(Secret, string.Format(f.Descriptor.MessageFormat.ToString(), f.MessageArgumentsAsObjects())));
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "CREATE USER app WITH LOGIN PASSWORD {|#0:'s3cret'|};\nALTER USER app PASSWORD NULL;\n",
            SqlVerifier.Diagnostic(Descriptors.HardcodedRolePassword).WithLocation(0).WithArguments("app"));

        [Fact]
        public Task Reported_in_every_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("ALTER USER app PASSWORD {|PG0105:'s3cret'|}"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("ALTER USER app PASSWORD NULL"));

        [Fact]
        public Task A_password_from_a_variable_is_not_reported() => SqlVerifier.VerifyCSharpAsync(SqlCode.InMethod(@"
        new NpgsqlCommand(""ALTER USER app PASSWORD '"" + password + ""'"");
        new NpgsqlCommand($""ALTER USER app PASSWORD '{password}'"");
        db.Database.ExecuteSql($""ALTER USER app PASSWORD {password}"");"));
    }
}
