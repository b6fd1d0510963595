using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class UntrustedExtensionTests
    {
        private const string Id = DiagnosticIds.UntrustedExtension;

        [Theory]
        [InlineData("dblink")]
        [InlineData("file_fdw")]
        [InlineData("adminpack")]
        [InlineData("postgres_fdw")]
        [InlineData("pageinspect")]
        [InlineData("pg_buffercache")]
        [InlineData("plpython3u")]
        [InlineData("plpythonu")]
        [InlineData("plpython2u")]
        [InlineData("plperlu")]
        [InlineData("pltclu")]
        public void Every_untrusted_extension_is_reported(string name) => SqlAssert.Reports(Id, "CREATE EXTENSION [|" + name + "|]");

        [Theory]
        [InlineData("CREATE EXTENSION IF NOT EXISTS [|\"file_fdw\"|] WITH SCHEMA ext CASCADE")]
        [InlineData("create extension [|DBLINK|]")]
        [InlineData("CREATE [|LANGUAGE plperlu|]")]
        [InlineData("CREATE OR REPLACE [|TRUSTED PROCEDURAL LANGUAGE plv8|] HANDLER plv8_call_handler")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS 'obj', 'f' [|LANGUAGE c|] STRICT")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS 'MODULE_PATHNAME' [|LANGUAGE 'C'|]")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS 'int4in' [|LANGUAGE internal|]")]
        [InlineData("CREATE OR REPLACE FUNCTION f() RETURNS void AS $$ import os $$ [|LANGUAGE plpython3u|]")]
        [InlineData("CREATE PROCEDURE p() [|LANGUAGE plperlu|] AS $$ system('id') $$")]
        [InlineData("DO [|LANGUAGE plpython3u|] $$ import os $$")]
        [InlineData("DO $$ import os $$ [|LANGUAGE plpython3u|]")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("CREATE EXTENSION pg_trgm")]
        [InlineData("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"")]
        [InlineData("CREATE EXTENSION pgcrypto WITH SCHEMA ext")]
        [InlineData("CREATE EXTENSION \"DBLINK\"")]
        [InlineData("DROP EXTENSION dblink")]
        [InlineData("COMMENT ON EXTENSION dblink IS 'x'")]
        [InlineData("SELECT 'CREATE EXTENSION dblink'")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS $$ return 1 $$ LANGUAGE plperl")]
        [InlineData("DO $$ BEGIN END $$")]
        [InlineData("DO LANGUAGE plpgsql $$ BEGIN END $$")]
        [InlineData("SELECT * FROM pg_language WHERE lanname = 'c'")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Message_names_the_extension_or_language()
        {
            Assert.Equal(
                "'CREATE EXTENSION dblink' needs superuser rights and lets code reach beyond the database; install it in a migration run by an administrator",
                SqlAssert.Message(Id, "CREATE EXTENSION DbLink"));
            Assert.Equal(
                "'LANGUAGE c' needs superuser rights and lets code reach beyond the database; install it in a migration run by an administrator",
                SqlAssert.Message(Id, "CREATE FUNCTION f() RETURNS int AS 'o', 'f' LANGUAGE C"));
            Assert.Equal(
                "'CREATE LANGUAGE plv8' needs superuser rights and lets code reach beyond the database; install it in a migration run by an administrator",
                SqlAssert.Message(Id, "CREATE TRUSTED LANGUAGE plv8"));
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE EXTENSION IF NOT EXISTS {|#0:dblink|};\n",
            SqlVerifier.Diagnostic(Descriptors.UntrustedExtension).WithLocation(0).WithArguments("CREATE EXTENSION dblink"));

        [Fact]
        public Task Reported_in_every_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("CREATE EXTENSION IF NOT EXISTS {|PG0108:dblink|}"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("CREATE EXTENSION IF NOT EXISTS pg_trgm"));
    }
}
