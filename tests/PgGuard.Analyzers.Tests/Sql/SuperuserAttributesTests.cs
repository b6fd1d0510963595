using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class SuperuserAttributesTests
    {
        private const string Id = DiagnosticIds.SuperuserAttributes;

        [Theory]
        [InlineData("CREATE ROLE admin WITH [|SUPERUSER|] LOGIN PASSWORD 'x'")]
        [InlineData("create user app [|superuser|]")]
        [InlineData("ALTER USER \"App\" WITH [|\"superuser\"|]")]
        [InlineData("ALTER ROLE CURRENT_USER [|CREATEROLE|]")]
        [InlineData("CREATE USER legacy [|CREATEUSER|]")]
        [InlineData("CREATE GROUP g [|BypassRLS|]")]
        [InlineData("ALTER ROLE r WITH LOGIN [|REPLICATION|] NOCREATEDB [|BYPASSRLS|]")]
        [InlineData("CREATE USER app WITH LOGIN PASSWORD 'x' CONNECTION LIMIT -1 VALID UNTIL 'infinity' [|SUPERUSER|]")]
        [InlineData("CREATE ROLE superuser [|SUPERUSER|]")]
        [InlineData("CREATE ROLE x IN ROLE superuser, replication [|SUPERUSER|]")]
        [InlineData("CREATE ROLE a; /* setup */ ALTER ROLE a [|SUPERUSER|];\nSELECT 1")]
        [InlineData("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'a') THEN CREATE ROLE a [|SUPERUSER|]; END IF; END $$")]
        [InlineData("DO $$ BEGIN EXECUTE 'ALTER ROLE ' || quote_ident(r) || ' [|SUPERUSER|]'; END $$")]
        [InlineData("DO $$ BEGIN EXECUTE format('ALTER USER %I WITH [|SUPERUSER|]', r); END $$")]
        [InlineData("CREATE FUNCTION mk() RETURNS void LANGUAGE plpgsql AS $f$ BEGIN CREATE ROLE x [|CREATEROLE|]; END $f$")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("CREATE ROLE superuser")]
        [InlineData("CREATE ROLE \"SUPERUSER\"")]
        [InlineData("ALTER ROLE app NOSUPERUSER NOCREATEROLE NOBYPASSRLS NOREPLICATION NOCREATEDB")]
        [InlineData("CREATE USER app WITH PASSWORD NULL")]
        [InlineData("SELECT rolname FROM pg_roles WHERE rolsuper")]
        [InlineData("COMMENT ON ROLE x IS 'SUPERUSER'")]
        [InlineData("-- ALTER ROLE x SUPERUSER")]
        [InlineData("/* ALTER ROLE x SUPERUSER */ SELECT 1")]
        [InlineData("ALTER ROLE x WITH \"SUPERUSER\"")]
        [InlineData("ALTER ROLE x RENAME TO superuser")]
        [InlineData("CREATE ROLE x ROLE superuser, replication ADMIN createrole")]
        [InlineData("CREATE ROLE x IN GROUP createrole")]
        [InlineData("ALTER ROLE x PASSWORD 'superuser'")]
        [InlineData("ALTER ROLE x SET search_path = superuser")]
        [InlineData("CREATE USER MAPPING FOR superuser SERVER s")]
        [InlineData("CREATE TABLE superuser (replication int, bypassrls bool)")]
        [InlineData("SELECT 'CREATE ROLE x SUPERUSER'")]
        [InlineData("DO $$ BEGIN RAISE NOTICE 'ALTER ROLE x SUPERUSER'; END $$")]
        [InlineData("CREATE ROLE x CREATEDB LOGIN INHERIT")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Message_names_the_role_and_the_attribute()
        {
            Assert.Equal(
                "Role 'admin' is given the SUPERUSER attribute; application roles must not hold superuser-level attributes",
                SqlAssert.Message(Id, "CREATE ROLE Admin superuser"));
            Assert.Equal(
                "Role 'My App' is given the CREATEUSER attribute; application roles must not hold superuser-level attributes",
                SqlAssert.Message(Id, "ALTER USER \"My App\" CREATEUSER"));
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "-- create the app role\nCREATE ROLE app WITH LOGIN {|#0:SUPERUSER|};\nCOMMENT ON ROLE app IS 'not SUPERUSER';\n",
            SqlVerifier.Diagnostic(Descriptors.SuperuserAttributes).WithLocation(0).WithArguments("app", "SUPERUSER"));

        [Fact]
        public Task Reported_in_every_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("CREATE ROLE app {|PG0100:SUPERUSER|}"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("ALTER ROLE superuser NOSUPERUSER -- SUPERUSER"));

        [Fact]
        public Task A_hole_in_the_name_does_not_hide_the_attribute() => SqlVerifier.VerifyCSharpAsync(SqlCode.InMethod(@"
        new NpgsqlCommand(""CREATE ROLE app_"" + name + "" {|PG0100:SUPERUSER|}"");
        new NpgsqlCommand($""ALTER ROLE {name} WITH {|PG0100:CREATEROLE|}"");
        new NpgsqlCommand(""ALTER ROLE app "" + name);"));
    }
}
