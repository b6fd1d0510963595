using System;
using System.Linq;
using System.Text;
using System.Threading;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Tests.Sql
{
    /// <summary>Hostile input: the lexer, splitter and rules never throw, and always finish (timing is measured in bench/).</summary>
    public class SqlRobustnessTests
    {
        [Theory]
        [InlineData("'")]
        [InlineData("E'\\")]
        [InlineData("E'abc\\'")]
        [InlineData("U&'\\")]
        [InlineData("U&'\\+")]
        [InlineData("\"")]
        [InlineData("U&\"")]
        [InlineData("$$")]
        [InlineData("$a$")]
        [InlineData("$a")]
        [InlineData("$")]
        [InlineData("/*")]
        [InlineData("/* /* */")]
        [InlineData("--")]
        [InlineData("'a'\n")]
        [InlineData("'a'\n--x")]
        [InlineData("DO")]
        [InlineData("DO $$")]
        [InlineData("DO $$ BEGIN EXECUTE")]
        [InlineData("DO $$ BEGIN EXECUTE '")]
        [InlineData("DO $$ BEGIN EXECUTE 'x' ||")]
        [InlineData("DO $$ BEGIN EXECUTE format(")]
        [InlineData("DO $$ BEGIN EXECUTE format('%")]
        [InlineData("DO $$ BEGIN EXECUTE format('%1$")]
        [InlineData("CREATE FUNCTION")]
        [InlineData("CREATE FUNCTION f(")]
        [InlineData("CREATE FUNCTION f() AS")]
        [InlineData("CREATE FUNCTION f() SECURITY DEFINER")]
        [InlineData("CREATE FUNCTION f() BEGIN ATOMIC SELECT 1;")]
        [InlineData("CREATE ROLE")]
        [InlineData("CREATE ROLE x WITH")]
        [InlineData("CREATE ROLE x PASSWORD")]
        [InlineData("CREATE ROLE x IN ROLE")]
        [InlineData("CREATE ROLE x IN ROLE a,")]
        [InlineData("CREATE ROLE x CONNECTION LIMIT -")]
        [InlineData("ALTER ROLE x IN DATABASE")]
        [InlineData("ALTER GROUP g ADD USER")]
        [InlineData("CREATE USER MAPPING FOR u SERVER s OPTIONS (password")]
        [InlineData("GRANT")]
        [InlineData("GRANT x TO")]
        [InlineData("ALTER DEFAULT PRIVILEGES GRANT")]
        [InlineData("COPY")]
        [InlineData("COPY (")]
        [InlineData("COPY t (a")]
        [InlineData("COPY t FROM")]
        [InlineData("COPY t FROM PROGRAM")]
        [InlineData("SET")]
        [InlineData("SET SESSION")]
        [InlineData("SET SESSION AUTHORIZATION")]
        [InlineData("SELECT set_config(")]
        [InlineData("SELECT set_config('role'")]
        [InlineData("SELECT lo_export(")]
        [InlineData("SELECT lo_export(1,")]
        [InlineData("SELECT pg_read_file(")]
        [InlineData(".pg_read_file(")]
        [InlineData("CREATE EXTENSION")]
        [InlineData("CREATE EXTENSION IF NOT")]
        [InlineData("CREATE TRUSTED")]
        [InlineData("\0\uFFFF\uD800")]
        public void Truncated_and_unterminated_input_never_throws(string sql)
        {
            var findings = SqlAssert.Findings(sql);
            Assert.NotNull(findings);
            foreach (var token in SqlLexer.Tokenize(sql))
            {
                Assert.InRange(token.Span.End, token.Span.Start, sql.Length);
            }
        }

        [Fact]
        public void Every_prefix_of_a_rich_script_is_analysed_without_exception()
        {
            const string Script = @"CREATE ROLE a WITH LOGIN SUPERUSER PASSWORD E'x\'y' IN ROLE pg_read_all_data;
DO $do$ BEGIN EXECUTE 'GRANT ALL ON t TO PUBLIC' || quote_ident(x); EXECUTE format('ALTER USER %I PASSWORD %L', a, b); END $do$;
CREATE FUNCTION f(a int) RETURNS TABLE (x int) LANGUAGE sql SECURITY DEFINER BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; END;
COPY t (program) FROM PROGRAM U&'\0041' /* nested /* comment */ */; SET ROLE ""postgres""; -- done
SELECT set_config('role', $q$postgres$q$, false), lo_export(1, '/tmp/x'), pg_reload_conf();";
            for (var i = 0; i <= Script.Length; i++)
            {
                SqlAssert.Findings(Script.Substring(0, i));
            }

            Assert.Equal(10, SqlAssert.Findings(Script).Count);
        }

        [Fact]
        public void Random_input_never_throws()
        {
            const string Alphabet = "'\"$/*-\\E&U;()[],.:@=|%0aA \n\tBEGIN ATOMIC END DO EXECUTE format ROLE CREATE SUPERUSER ";
            var random = new Random(12345);
            for (var n = 0; n < 2000; n++)
            {
                var builder = new StringBuilder();
                var length = random.Next(1, 80);
                for (var i = 0; i < length; i++)
                {
                    builder.Append(Alphabet[random.Next(Alphabet.Length)]);
                }

                SqlAssert.Findings(builder.ToString());
            }
        }

        [Fact]
        public void Holes_anywhere_never_throw()
        {
            const string Script = "DO $a$ BEGIN EXECUTE 'CREATE ROLE x SUPERUSER PASSWORD ''p'''; END $a$; COPY t FROM 'f'; SET ROLE postgres";
            for (var i = 0; i < Script.Length; i++)
            {
                var builder = new LocatedTextBuilder();
                builder.AppendVerbatim(Script.Substring(0, i), "code", 0);
                builder.AppendHole("code", i, i + 1);
                builder.AppendVerbatim(Script.Substring(i), "code", i + 1);
                var text = builder.ToLocatedText();
                var findings = SqlRules.Analyze(SqlText.FromLocatedText(text), PgGuardOptions.Default, CancellationToken.None);
                Assert.All(findings, f => Assert.InRange(f.Span.End, f.Span.Start, text.Length));
            }
        }

        [Fact]
        public void A_ten_megabyte_script_is_analysed_completely()
        {
            // Every statement kind the rules look at, repeated up to 10 MB; the last statement must still be seen.
            const string Chunk = "CREATE TABLE t (id int, program text); -- SUPERUSER\n"
                + "INSERT INTO t VALUES (1, 'GRANT ALL ON t TO PUBLIC'), (2, $$ALTER SYSTEM$$);\n"
                + "DO $$ BEGIN IF true THEN EXECUTE 'SELECT 1'; END IF; END $$;\n"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = pg_catalog SECURITY DEFINER AS 'SELECT 1';\n"
                + "COPY t FROM STDIN; /* comment */ SET ROLE tenant;\n";
            var builder = new StringBuilder(10 * 1024 * 1024 + 100);
            while (builder.Length < 10 * 1024 * 1024)
            {
                builder.Append(Chunk);
            }

            builder.Append("ALTER ROLE last SUPERUSER;");
            var findings = SqlAssert.Findings(builder.ToString());
            var finding = Assert.Single(findings);
            Assert.Equal("PG0100", finding.Descriptor.Id);
            Assert.Equal(builder.Length - "SUPERUSER;".Length, finding.Span.Start);
        }

        [Fact]
        public void A_ten_megabyte_unterminated_quote_or_comment_is_one_token()
        {
            var body = new string('x', 10 * 1024 * 1024);
            foreach (var opener in new[] { "'", "E'", "\"", "$$", "$t$", "/*", "--" })
            {
                var token = Assert.Single(SqlLexer.Tokenize("SELECT " + opener + body).Skip(1));
                Assert.Equal(7 + opener.Length + body.Length, token.End);
            }
        }

        [Fact]
        public void Cancellation_is_observed()
        {
            using var cancellation = new CancellationTokenSource();
            cancellation.Cancel();
            var script = string.Concat(Enumerable.Repeat("SELECT 1;", 10_000));
            Assert.ThrowsAny<OperationCanceledException>(() =>
                SqlRules.Analyze(SqlText.FromString(script), PgGuardOptions.Default, cancellation.Token));
        }
    }
}
