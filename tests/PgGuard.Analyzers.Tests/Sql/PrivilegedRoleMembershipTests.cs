using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class PrivilegedRoleMembershipTests
    {
        private const string Id = DiagnosticIds.PrivilegedRoleMembership;

        [Theory]
        [InlineData("pg_execute_server_program")]
        [InlineData("pg_read_server_files")]
        [InlineData("pg_write_server_files")]
        [InlineData("pg_read_all_data")]
        [InlineData("pg_write_all_data")]
        [InlineData("rds_superuser")]
        [InlineData("azure_pg_admin")]
        [InlineData("cloudsqlsuperuser")]
        [InlineData("alloydbsuperuser")]
        [InlineData("neon_superuser")]
        public void Every_privileged_role_is_reported(string role) => SqlAssert.Reports(Id, "GRANT [|" + role + "|] TO app");

        [Theory]
        [InlineData("GRANT [|pg_execute_server_program|], pg_monitor, [|PG_WRITE_SERVER_FILES|] TO app WITH ADMIN OPTION")]
        [InlineData("grant [|\"pg_read_all_data\"|] to app")]
        [InlineData("GRANT [|pg_read_all_data|] TO app WITH INHERIT FALSE, SET FALSE GRANTED BY admin")]
        [InlineData("CREATE ROLE app LOGIN IN ROLE [|pg_read_server_files|]")]
        [InlineData("CREATE USER app IN GROUP readers, [|pg_write_all_data|] PASSWORD NULL")]
        [InlineData("ALTER GROUP [|rds_superuser|] ADD USER app, bob")]
        [InlineData("DO $$ BEGIN EXECUTE 'GRANT [|rds_superuser|] TO ' || quote_ident(u); END $$")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("GRANT pg_monitor, pg_signal_backend TO app")]
        [InlineData("GRANT SELECT ON pg_read_all_data TO app")]
        [InlineData("GRANT EXECUTE ON FUNCTION pg_read_file(text) TO app")]
        [InlineData("REVOKE pg_read_server_files FROM app")]
        [InlineData("GRANT \"PG_READ_ALL_DATA\" TO app")]
        [InlineData("CREATE ROLE app ROLE pg_read_all_data ADMIN rds_superuser")]
        [InlineData("CREATE ROLE pg_read_server_files_copy")]
        [InlineData("ALTER GROUP rds_superuser DROP USER app")]
        [InlineData("ALTER GROUP readers ADD USER rds_superuser")]
        [InlineData("SELECT 'GRANT pg_read_all_data TO app'")]
        [InlineData("-- GRANT pg_read_all_data TO app")]
        [InlineData("SELECT pg_has_role('pg_read_all_data', 'member')")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Message_names_the_member_and_the_role()
        {
            Assert.Equal(
                "Role 'app, bob' is made a member of 'pg_read_server_files', a role with server-level or administrative power",
                SqlAssert.Message(Id, "GRANT pg_read_server_files TO App, \"bob\""));
            Assert.Equal(
                "Role 'app' is made a member of 'rds_superuser', a role with server-level or administrative power",
                SqlAssert.Message(Id, "CREATE ROLE app IN ROLE rds_superuser"));
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "GRANT pg_monitor TO app;\nGRANT {|#0:pg_read_server_files|} TO app;\n",
            SqlVerifier.Diagnostic(Descriptors.PrivilegedRoleMembership).WithLocation(0).WithArguments("app", "pg_read_server_files"));

        [Fact]
        public Task Reported_in_every_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("GRANT {|PG0101:pg_execute_server_program|} TO app"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("GRANT SELECT ON TABLE pg_read_all_data TO app"));
    }
}
