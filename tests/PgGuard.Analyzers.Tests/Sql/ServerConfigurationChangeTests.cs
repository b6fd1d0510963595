using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class ServerConfigurationChangeTests
    {
        private const string Id = DiagnosticIds.ServerConfigurationChange;

        [Theory]
        [InlineData("[|ALTER SYSTEM|] SET log_statement = 'none'")]
        [InlineData("[|alter system|] reset all")]
        [InlineData("SELECT [|pg_reload_conf()|]")]
        [InlineData("SELECT [|pg_catalog.pg_reload_conf()|]")]
        [InlineData("[|ALTER SYSTEM|] SET ssl = off; SELECT [|pg_reload_conf()|];")]
        [InlineData("DO $$ BEGIN PERFORM [|pg_reload_conf()|]; END $$")]
        [InlineData("GRANT EXECUTE ON FUNCTION [|pg_reload_conf()|] TO app")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("ALTER DATABASE d SET work_mem = '64MB'")]
        [InlineData("ALTER ROLE system SET work_mem = '64MB'")]
        [InlineData("SELECT 'ALTER SYSTEM SET ssl = off'")]
        [InlineData("-- ALTER SYSTEM SET ssl = off")]
        [InlineData("REVOKE EXECUTE ON FUNCTION pg_reload_conf() FROM app")]
        [InlineData("SELECT pg_reload_conf FROM t")]
        [InlineData("CREATE TABLE system (x int)")]
        [InlineData("SHOW config_file")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Message_names_the_command()
        {
            Assert.Equal(
                "'ALTER SYSTEM' changes the server configuration from the application; manage it as code outside the application",
                SqlAssert.Message(Id, "ALTER SYSTEM SET ssl = off"));
            Assert.Equal(
                "'pg_reload_conf()' changes the server configuration from the application; manage it as code outside the application",
                SqlAssert.Message(Id, "SELECT pg_reload_conf()"));
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "{|#0:ALTER SYSTEM|} SET listen_addresses = '*';\n",
            SqlVerifier.Diagnostic(Descriptors.ServerConfigurationChange).WithLocation(0).WithArguments("ALTER SYSTEM"));

        [Fact]
        public Task Reported_in_every_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("{|PG0107:ALTER SYSTEM|} SET log_statement = 'none'"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("ALTER DATABASE app SET log_statement = 'none'"));
    }
}
