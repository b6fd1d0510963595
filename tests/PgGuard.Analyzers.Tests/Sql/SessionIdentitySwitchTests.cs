using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class SessionIdentitySwitchTests
    {
        private const string Id = DiagnosticIds.SessionIdentitySwitch;

        [Theory]
        [InlineData("SET [|SESSION AUTHORIZATION admin|]")]
        [InlineData("SET LOCAL [|SESSION AUTHORIZATION 'bob'|]")]
        [InlineData("set session [|session authorization \"Bob\"|]")]
        [InlineData("SET [|session_authorization = 'bob'|]")]
        [InlineData("SET [|ROLE postgres|]")]
        [InlineData("SET LOCAL [|ROLE rds_superuser|]")]
        [InlineData("SET SESSION [|ROLE cloudsqlsuperuser|]")]
        [InlineData("SET [|role = 'azure_pg_admin'|]")]
        [InlineData("set [|role to \"postgres\"|]")]
        [InlineData("SELECT [|set_config('role', 'postgres', false)|]")]
        [InlineData("SELECT [|pg_catalog.set_config('session_authorization', 'bob', true)|]")]
        [InlineData("SELECT [|set_config('ROLE', 'supabase_admin', true)|]")]
        [InlineData("ALTER ROLE app SET [|role = 'postgres'|]")]
        [InlineData("ALTER ROLE app IN DATABASE d SET [|role TO rds_superuser|]")]
        [InlineData("BEGIN; SET LOCAL [|ROLE neon_superuser|]; COMMIT")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("RESET ROLE")]
        [InlineData("SET ROLE NONE")]
        [InlineData("RESET SESSION AUTHORIZATION")]
        [InlineData("SET SESSION AUTHORIZATION DEFAULT")]
        [InlineData("SET ROLE tenant_x")]
        [InlineData("SET LOCAL ROLE app_reader")]
        [InlineData("SET ROLE \"Postgres\"")]
        [InlineData("SET ROLE 'Postgres'")]
        [InlineData("SELECT set_config('role', 'tenant_1', true)")]
        [InlineData("SELECT set_config('app.tenant', 'postgres', false)")]
        [InlineData("SELECT set_config('role', $1, false)")]
        [InlineData("SELECT set_config('session_authorization', @user, false)")]
        [InlineData("SET search_path = postgres")]
        [InlineData("SET ROLE")]
        [InlineData("SHOW role")]
        [InlineData("SELECT 'SET ROLE postgres'")]
        [InlineData("ALTER ROLE app SET search_path = postgres")]
        [InlineData("SET ROLE dba")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Superuser_names_option_adds_names()
        {
            var options = SqlAssert.Options("pgguard.superuser_names", " dba , ops_admin,");
            SqlAssert.Reports(Id, "SET [|ROLE dba|]; SET [|ROLE ops_admin|]; SET ROLE DBA_other", options);
        }

        [Fact]
        public void Message_names_the_command_and_the_target()
        {
            Assert.Equal(
                "'SET ROLE' switches the session to 'postgres'; connect as the role the work needs instead",
                SqlAssert.Message(Id, "SET ROLE Postgres"));
            Assert.Equal(
                "'SET SESSION AUTHORIZATION' switches the session to 'bob'; connect as the role the work needs instead",
                SqlAssert.Message(Id, "SET SESSION AUTHORIZATION bob"));
            Assert.Equal(
                "'ALTER ROLE … SET ROLE' switches the session to 'postgres'; connect as the role the work needs instead",
                SqlAssert.Message(Id, "ALTER ROLE app SET role = postgres"));
            Assert.Equal(
                "'set_config('role')' switches the session to 'postgres'; connect as the role the work needs instead",
                SqlAssert.Message(Id, "SELECT set_config('role', 'postgres', false)"));
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "SET ROLE tenant_a;\nRESET ROLE;\nSET {|#0:ROLE postgres|};\n",
            SqlVerifier.Diagnostic(Descriptors.SessionIdentitySwitch).WithLocation(0).WithArguments("SET ROLE", "postgres"));

        [Fact]
        public Task Superuser_names_option_applies_to_sql_files() => SqlVerifier.VerifySqlFileAsync(
            SqlVerifier.SqlPath,
            "SET {|#0:ROLE dba|};\nSET ROLE app;\n",
            "pgguard.superuser_names = dba\n",
            SqlVerifier.Diagnostic(Descriptors.SessionIdentitySwitch).WithLocation(0).WithArguments("SET ROLE", "dba"));

        [Fact]
        public Task Reported_in_every_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("SET {|PG0104:SESSION AUTHORIZATION admin|}"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("SET LOCAL ROLE tenant_42; RESET ROLE"));

        [Fact]
        public Task A_role_unknown_at_compile_time_is_not_reported() => SqlVerifier.VerifyCSharpAsync(SqlCode.InMethod(@"
        new NpgsqlCommand(""SET ROLE "" + name);
        new NpgsqlCommand($""SET SESSION AUTHORIZATION {name}"");
        db.Database.ExecuteSql($""SELECT set_config('role', {name}, false)"");"));
    }
}
