using System.Linq;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class SqlStatementsTests
    {
        /// <summary>Each statement as origin:first..last token text (outer-text spans), joined by " | ".</summary>
        private static string Statements(string sql) => string.Join(" | ", SqlStatements.Parse(sql).Select(s =>
        {
            var span = s.SpanOf(0, s.Count - 1);
            return s.Origin + ":" + sql.Substring(span.Start, span.Length);
        }));

        [Fact]
        public void Splits_on_top_level_semicolons_only()
        {
            Assert.Equal(
                "Script:SELECT ';' | Script:SELECT \"a;b\" | Script:SELECT 1 | Script:SELECT $$;$$",
                Statements("SELECT ';'; SELECT \"a;b\";; -- ;\nSELECT 1 /* ; */; SELECT $$;$$;"));
        }

        [Fact]
        public void Keeps_a_begin_atomic_body_in_one_statement()
        {
            var sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END; BEGIN; COMMIT";
            Assert.Equal(
                "Script:CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END | Script:BEGIN | Script:COMMIT",
                Statements(sql));
        }

        [Fact]
        public void Looks_into_do_bodies_and_splits_plpgsql_control_flow()
        {
            var sql = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles) THEN CREATE ROLE app; END IF; END $$";
            Assert.Equal(
                "Script:DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles) THEN CREATE ROLE app; END IF; END $$"
                + " | DoBody:BEGIN | DoBody:IF NOT EXISTS (SELECT 1 FROM pg_roles) THEN | DoBody:CREATE ROLE app | DoBody:END IF | DoBody:END",
                Statements(sql));
        }

        [Fact]
        public void Does_not_look_into_do_bodies_in_other_languages()
        {
            Assert.Equal("Script:DO LANGUAGE plpython3u $$ CREATE ROLE x $$", Statements("DO LANGUAGE plpython3u $$ CREATE ROLE x $$"));
        }

        [Theory]
        [InlineData("CREATE FUNCTION f() RETURNS void AS $b$ ALTER SYSTEM SET x = 1 $b$ LANGUAGE sql", "FunctionBody:ALTER SYSTEM SET x = 1")]
        [InlineData("CREATE OR REPLACE PROCEDURE p() LANGUAGE plpgsql AS 'BEGIN ALTER SYSTEM SET x = ''on''; END'", "FunctionBody:BEGIN | FunctionBody:ALTER SYSTEM SET x = ''on'' | FunctionBody:END")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS 'obj.so', 'f' LANGUAGE c", "")]
        [InlineData("CREATE FUNCTION f() RETURNS int AS $$ x $$ LANGUAGE plperlu", "")]
        public void Looks_into_function_bodies(string sql, string expectedNested)
        {
            var nested = string.Join(" | ", Statements(sql).Split(" | ").Skip(1));
            Assert.Equal(expectedNested, nested);
        }

        [Fact]
        public void Parses_execute_strings_with_operands_as_holes_mapped_to_the_outer_text()
        {
            var sql = "DO $$ BEGIN EXECUTE 'CREATE ROLE ' || quote_ident(r) || ' SUPERUSER'; END $$";
            var dynamic = SqlStatements.Parse(sql).Single(s => s.Origin == SqlStatementOrigin.DynamicSql);
            Assert.Equal(4, dynamic.Count);
            Assert.True(dynamic[2].HasHole);
            Assert.Equal("quote_ident(r)", sql.Substring(dynamic[2].Span.Start, dynamic[2].Span.Length));
            Assert.Equal("SUPERUSER", sql.Substring(dynamic[3].Span.Start, dynamic[3].Span.Length));
            Assert.Equal(2, dynamic.Depth);
        }

        [Fact]
        public void Parses_format_strings_with_specifiers_as_holes()
        {
            var sql = "DO $$ BEGIN EXECUTE format('CREATE USER %I PASSWORD %L', n, p); END $$";
            var dynamic = SqlStatements.Parse(sql).Single(s => s.Origin == SqlStatementOrigin.DynamicSql);
            Assert.Equal("CREATE USER ? PASSWORD ?", string.Join(" ", dynamic.Tokens.Select(t => t.HasHole ? "?" : sql.Substring(t.Span.Start, t.Span.Length))));
            Assert.Equal("%L", sql.Substring(dynamic[4].Span.Start, dynamic[4].Span.Length));
        }

        [Fact]
        public void Unescapes_quotes_in_dynamic_strings_and_maps_back()
        {
            var sql = "DO $$ BEGIN EXECUTE 'ALTER ROLE x PASSWORD ''secret'''; END $$";
            var dynamic = SqlStatements.Parse(sql).Single(s => s.Origin == SqlStatementOrigin.DynamicSql);
            Assert.Equal("secret", dynamic.GetString(4));
            Assert.Equal("''secret''", sql.Substring(dynamic[4].Span.Start, dynamic[4].Span.Length));
        }

        [Theory]
        [InlineData("SELECT 'CREATE ROLE x SUPERUSER'")]
        [InlineData("INSERT INTO t VALUES ($$CREATE ROLE x SUPERUSER$$)")]
        [InlineData("COMMENT ON ROLE x IS 'ALTER ROLE x SUPERUSER'")]
        [InlineData("EXECUTE 'CREATE ROLE x SUPERUSER'")]
        [InlineData("SELECT format('CREATE ROLE %I SUPERUSER', n)")]
        [InlineData("DO $$ BEGIN RAISE NOTICE 'CREATE ROLE x SUPERUSER'; END $$")]
        public void Never_looks_into_data_strings(string sql)
        {
            Assert.DoesNotContain(SqlStatements.Parse(sql), s => s.Origin == SqlStatementOrigin.DynamicSql);
            Assert.DoesNotContain(SqlStatements.Parse(sql), s => s.IsKeyword(0, "create") || s.IsKeyword(0, "alter"));
        }

        [Fact]
        public void Stops_following_bodies_at_the_maximum_depth()
        {
            // Each level wraps the next in a DO body; the innermost CREATE ROLE sits deeper than MaxDepth.
            var sql = "CREATE ROLE deep";
            for (var i = 0; i <= SqlStatements.MaxDepth; i++)
            {
                sql = "DO $l" + i + "$ BEGIN " + sql + "; END $l" + i + "$";
            }

            Assert.DoesNotContain(SqlStatements.Parse(sql), s => s.IsKeyword(0, "create"));
            Assert.Equal(SqlStatements.MaxDepth, SqlStatements.Parse(sql).Max(s => s.Depth));
        }

        [Fact]
        public void An_empty_or_comment_only_text_has_no_statement()
        {
            Assert.Empty(SqlStatements.Parse(""));
            Assert.Empty(SqlStatements.Parse(" ;; -- x\n/* y */ ;"));
        }
    }
}
