using System.Linq;
using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class SecurityDefinerSearchPathTests
    {
        private const string Id = DiagnosticIds.SecurityDefinerSearchPath;

        [Theory]
        [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql [|SECURITY DEFINER|] AS $$ SELECT 1 $$")]
        [InlineData("CREATE OR REPLACE FUNCTION s.f(a int DEFAULT 1) RETURNS TABLE (x int) AS $$ SET search_path = x; SELECT 1 $$ LANGUAGE sql [|security definer|]")]
        [InlineData("CREATE PROCEDURE p() LANGUAGE plpgsql EXTERNAL [|SECURITY DEFINER|] AS $$ BEGIN END $$")]
        [InlineData("CREATE FUNCTION f() RETURNS int [|SECURITY DEFINER|] LANGUAGE sql RETURN 1")]
        [InlineData("CREATE FUNCTION f() RETURNS int [|SECURITY DEFINER|] SET work_mem = '64MB' LANGUAGE sql BEGIN ATOMIC SELECT 1; END")]
        [InlineData("DO $$ BEGIN EXECUTE 'CREATE FUNCTION f() RETURNS int AS ''SELECT 1'' LANGUAGE sql [|SECURITY DEFINER|]'; END $$")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ SELECT 1 $$")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql SET search_path TO admin, pg_temp SECURITY DEFINER")]
        [InlineData("CREATE FUNCTION f() RETURNS int SET \"search_path\" = admin SECURITY DEFINER AS $$ SELECT 1 $$ LANGUAGE sql")]
        [InlineData("CREATE FUNCTION f() RETURNS int SECURITY INVOKER AS $$ SELECT 1 $$ LANGUAGE sql")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql")]
        [InlineData("ALTER FUNCTION f() SECURITY DEFINER")]
        [InlineData("SELECT 'CREATE FUNCTION f() SECURITY DEFINER'")]
        [InlineData("CREATE TABLE security (definer int)")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Message_names_the_routine()
        {
            Assert.Equal(
                "'app.check_password' runs with its owner's rights (SECURITY DEFINER) but does not set search_path; add SET search_path = pg_catalog, pg_temp",
                SqlAssert.Message(Id, "CREATE FUNCTION App.check_password(u text) RETURNS bool SECURITY DEFINER AS $$ SELECT true $$ LANGUAGE sql"));
        }

        [Theory]
        [InlineData(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ SELECT 1 $$")]
        [InlineData(
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql EXTERNAL SECURITY DEFINER",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql EXTERNAL SECURITY DEFINER SET search_path = pg_catalog, pg_temp")]
        public void The_fix_edit_pins_search_path_and_silences_the_rule(string sql, string expected)
        {
            var finding = Assert.Single(SqlAssert.Findings(sql), f => f.Descriptor.Id == Id);
            var edit = Assert.IsType<SqlEdit>(finding.Fix);
            Assert.Equal(0, edit.Span.Length);
            var fixedSql = sql.Substring(0, edit.Span.Start) + edit.NewText + sql.Substring(edit.Span.End);
            Assert.Equal(expected, fixedSql);
            Assert.DoesNotContain(SqlAssert.Findings(fixedSql), f => f.Descriptor.Id == Id);
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "CREATE FUNCTION f() RETURNS int\n  LANGUAGE sql {|#0:SECURITY DEFINER|}\n  AS $f$ SELECT 1 $f$;\n",
            SqlVerifier.Diagnostic(Descriptors.SecurityDefinerSearchPath).WithLocation(0).WithArguments("f"));

        [Fact]
        public void The_sql_file_diagnostic_carries_the_edit_in_its_properties()
        {
            const string Sql = "CREATE FUNCTION f() RETURNS int\n  LANGUAGE sql SECURITY DEFINER\n  AS $$ SELECT 1 $$;\n";
            var diagnostic = Assert.Single(SqlVerifier.RunSqlFile("db/init.sql", Sql));
            var start = int.Parse(diagnostic.Properties[SqlFixProperties.EditStart]!);
            Assert.Equal(Sql.IndexOf("DEFINER") + "DEFINER".Length, start);
            Assert.Equal("0", diagnostic.Properties[SqlFixProperties.EditLength]);
            Assert.Equal(" SET search_path = pg_catalog, pg_temp", diagnostic.Properties[SqlFixProperties.NewText]);
            Assert.Equal("db/init.sql", diagnostic.Location.GetLineSpan().Path);
        }

        [Fact]
        public void Other_rules_carry_no_edit()
        {
            Assert.All(SqlAssert.Findings("CREATE ROLE a SUPERUSER PASSWORD 'x'; GRANT ALL ON t TO PUBLIC"), f => Assert.Null(f.Fix));
            Assert.Equal(2, SqlAssert.Findings("ALTER SYSTEM SET x = 1; SELECT pg_reload_conf()").Count(f => f.Fix == null));
        }

        [Fact]
        public Task Reported_in_every_csharp_sink() => SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql {|PG0106:SECURITY DEFINER|} AS 'SELECT 1'"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() => SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS 'SELECT 1'"));
    }
}
