using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class GrantToPublicTests
    {
        private const string Id = DiagnosticIds.GrantToPublic;

        [Theory]
        [InlineData("GRANT SELECT ON t TO [|PUBLIC|]")]
        [InlineData("GRANT CREATE ON SCHEMA public TO [|PUBLIC|]")]
        [InlineData("grant all privileges on all tables in schema app to [|public|]")]
        [InlineData("GRANT USAGE ON SCHEMA s TO app, [|\"public\"|]")]
        [InlineData("GRANT SELECT, UPDATE (a) ON t TO [|GROUP PUBLIC|]")]
        [InlineData("GRANT EXECUTE ON FUNCTION f(int) TO [|PUBLIC|]")]
        [InlineData("GRANT CONNECT ON DATABASE d TO [|PUBLIC|] WITH GRANT OPTION")]
        [InlineData("ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO [|PUBLIC|]")]
        [InlineData("ALTER DEFAULT PRIVILEGES FOR ROLE owner GRANT EXECUTE ON FUNCTIONS TO [|Public|]")]
        [InlineData("DO $$ BEGIN EXECUTE format('GRANT ALL ON %I TO [|PUBLIC|]', t); END $$")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("REVOKE CREATE ON SCHEMA public FROM PUBLIC")]
        [InlineData("GRANT USAGE ON SCHEMA public TO app")]
        [InlineData("GRANT SELECT ON public.t TO app")]
        [InlineData("GRANT SELECT ON t TO \"PUBLIC\"")]
        [InlineData("GRANT SELECT ON t TO app GRANTED BY public")]
        [InlineData("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")]
        [InlineData("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app")]
        [InlineData("SELECT 'GRANT ALL TO PUBLIC'")]
        [InlineData("-- GRANT ALL ON t TO PUBLIC")]
        [InlineData("CREATE TABLE public.t (public int)")]
        [InlineData("COMMENT ON SCHEMA public IS 'GRANT ALL ON t TO PUBLIC'")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Message_names_the_privileges()
        {
            Assert.Equal(
                "'CREATE ON SCHEMA public' is granted to PUBLIC, so every role holds it, including roles created later; grant it to a named role instead",
                SqlAssert.Message(Id, "GRANT CREATE ON SCHEMA public TO PUBLIC"));
            Assert.Equal(
                "'SELECT, UPDATE (a) ON t' is granted to PUBLIC, so every role holds it, including roles created later; grant it to a named role instead",
                SqlAssert.Message(Id, "GRANT SELECT, UPDATE (a) ON t TO PUBLIC"));
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC;\nGRANT CREATE ON SCHEMA public TO {|#0:PUBLIC|};\n",
            SqlVerifier.Diagnostic(Descriptors.GrantToPublic).WithLocation(0).WithArguments("CREATE ON SCHEMA public"));

        [Fact]
        public Task Reported_in_every_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("GRANT ALL ON t TO {|PG0103:PUBLIC|}"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("REVOKE ALL ON t FROM PUBLIC; GRANT SELECT ON t TO app"));
    }
}
