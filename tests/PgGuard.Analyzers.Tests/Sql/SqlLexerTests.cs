using System.Linq;
using PgGuard.Analyzers.Sql;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Tests.Sql
{
    public class SqlLexerTests
    {
        private static string Tokens(string sql) =>
            string.Join(" ", SqlLexer.Tokenize(sql).Select(t => t.Kind + (t.IsTerminated ? "" : "!") + ":" + sql.Substring(t.Start, t.Length)));

        [Theory]
        [InlineData("select", "Identifier:select")]
        [InlineData("_x1$y", "Identifier:_x1$y")]
        [InlineData("größe", "Identifier:größe")]
        [InlineData("foo$$", "Identifier:foo$$")]
        [InlineData("\"My \"\"Table\"\"\"", "QuotedIdentifier:\"My \"\"Table\"\"\"")]
        [InlineData("U&\"d\\0061t\"", "QuotedIdentifier:U&\"d\\0061t\"")]
        [InlineData("'it''s'", "String:'it''s'")]
        [InlineData("N'nat'", "String:N'nat'")]
        [InlineData("E'a\\'b'", "EscapeString:E'a\\'b'")]
        [InlineData("e'\\\\'", "EscapeString:e'\\\\'")]
        [InlineData("U&'\\0041'", "UnicodeString:U&'\\0041'")]
        [InlineData("B'0101' X'1F'", "BitString:B'0101' BitString:X'1F'")]
        [InlineData("$$a ' \" -- $$", "DollarString:$$a ' \" -- $$")]
        [InlineData("$fn$ $$x$$ $fn$", "DollarString:$fn$ $$x$$ $fn$")]
        [InlineData("$Tag$x$tag$y$Tag$", "DollarString:$Tag$x$tag$y$Tag$")]
        [InlineData("42 3.14 .5 1e10 2.5E-3 1_000 0x1F", "Number:42 Number:3.14 Number:.5 Number:1e10 Number:2.5E-3 Number:1_000 Number:0x1F")]
        [InlineData("$1 @name :p", "Parameter:$1 Parameter:@name Parameter::p")]
        [InlineData("a::text", "Identifier:a DoubleColon::: Identifier:text")]
        [InlineData("x := 1", "Identifier:x Operator::= Number:1")]
        [InlineData("a[1:2]", "Identifier:a OpenBracket:[ Number:1 Colon:: Number:2 CloseBracket:]")]
        [InlineData("(a, b.c);", "OpenParen:( Identifier:a Comma:, Identifier:b Dot:. Identifier:c CloseParen:) Semicolon:;")]
        [InlineData("a<>b || c", "Identifier:a Operator:<> Identifier:b Operator:|| Identifier:c")]
        [InlineData("a=-1", "Identifier:a Operator:= Operator:- Number:1")]
        [InlineData("a@-1", "Identifier:a Operator:@- Number:1")]
        [InlineData("a+--c\nb", "Identifier:a Operator:+ LineComment:--c Identifier:b")]
        [InlineData("a*/*c*/b", "Identifier:a Operator:* BlockComment:/*c*/ Identifier:b")]
        [InlineData("-- only a comment", "LineComment:-- only a comment")]
        [InlineData("/* a /* nested */ still */ x", "BlockComment:/* a /* nested */ still */ Identifier:x")]
        [InlineData("\\copy t", "Unknown:\\ Identifier:copy Identifier:t")]
        [InlineData("$ x", "Unknown:$ Identifier:x")]
        public void Token_kinds(string sql, string expected) => Assert.Equal(expected, Tokens(sql));

        [Theory]
        [InlineData("'abc", "String!:'abc")]
        [InlineData("E'abc\\'", "EscapeString!:E'abc\\'")]
        [InlineData("\"abc", "QuotedIdentifier!:\"abc")]
        [InlineData("$$ body", "DollarString!:$$ body")]
        [InlineData("$a$ body $b$", "DollarString!:$a$ body $b$")]
        [InlineData("/* a /* b */", "BlockComment!:/* a /* b */")]
        [InlineData("x '", "Identifier:x String!:'")]
        [InlineData("U&'", "UnicodeString!:U&'")]
        public void Unterminated_forms_run_to_the_end(string sql, string expected) => Assert.Equal(expected, Tokens(sql));

        [Fact]
        public void Whitespace_with_a_newline_continues_a_string_constant()
        {
            Assert.Equal("String:'abc'\n  'def'", Tokens("'abc'\n  'def'"));
            Assert.Equal("String:'abc' -- note\n'def'", Tokens("'abc' -- note\n'def'"));
            Assert.Equal("String:'abc' String:'def'", Tokens("'abc' 'def'"));
        }

        [Fact]
        public void A_word_inside_a_comment_string_or_quoted_identifier_is_not_an_identifier()
        {
            var tokens = SqlLexer.Tokenize("-- SUPERUSER\n/* SUPERUSER */ 'SUPERUSER' \"SUPERUSER\" $$SUPERUSER$$");
            Assert.DoesNotContain(tokens, t => t.Kind == SqlTokenKind.Identifier);
        }

        [Fact]
        public void Spans_are_in_text_coordinates()
        {
            var sql = "ALTER  ROLE x\n\tSUPERUSER;";
            var tokens = SqlLexer.Tokenize(sql);
            Assert.Equal(new[] { "ALTER", "ROLE", "x", "SUPERUSER", ";" }, tokens.Select(t => sql.Substring(t.Span.Start, t.Span.Length)));
            Assert.All(tokens, t => Assert.Equal(t.Start, t.Span.Start));
        }

        [Fact]
        public void A_hole_is_an_unknown_token_and_never_part_of_syntax()
        {
            // "SET ROLE " + name + ";" with name unknown; then a hole right after a quote and inside a dollar tag.
            var text = Located("SET ROLE ", null, "; y'", null, "' $a", null, "$");
            var tokens = SqlLexer.Tokenize(SqlText.FromLocatedText(text));
            Assert.Equal(
                new[] { "Identifier", "Identifier", "Unknown(hole)", "Semicolon", "Identifier", "String(hole)", "Unknown", "Identifier", "Unknown(hole)", "Unknown" },
                tokens.Select(t => t.Kind + (t.HasHole ? "(hole)" : "")));
        }

        [Fact]
        public void A_hole_never_closes_a_dollar_quote()
        {
            var text = Located("$$ a $", null, " $$");
            var token = Assert.Single(SqlLexer.Tokenize(SqlText.FromLocatedText(text)));
            Assert.Equal(SqlTokenKind.DollarString, token.Kind);
            Assert.True(token.IsTerminated);
            Assert.True(token.HasHole);
        }

        [Fact]
        public void The_located_text_of_a_hole_maps_its_span()
        {
            var text = Located("SET ROLE ", null);
            var hole = SqlLexer.Tokenize(SqlText.FromLocatedText(text)).Last();
            Assert.Equal(SqlTokenKind.Unknown, hole.Kind);
            Assert.Equal(9, hole.Span.Start);
            Assert.Equal(1, hole.Span.Length);
        }

        [Theory]
        [InlineData("'it''s'", "it's")]
        [InlineData("'abc'\n'def'", "abcdef")]
        [InlineData("E'a\\nb\\'c\\\\d\\x41\\101\\u0042'", "a\nb'c\\dAAB")]
        [InlineData("U&'d\\0061t\\+000061'", "data")]
        [InlineData("$q$it's \\n$q$", "it's \\n")]
        [InlineData("N'x'", "x")]
        public void String_values_are_decoded(string sql, string expected)
        {
            var statement = Assert.Single(SqlStatements.Parse(sql));
            Assert.Equal(expected, statement.GetString(0));
        }

        [Fact]
        public void Decoded_strings_map_every_character_to_its_source()
        {
            var sql = "E'a\\nb''c'";
            var statement = Assert.Single(SqlStatements.Parse(sql));
            var value = statement.DecodeString(0)!;
            Assert.Equal("a\nb'c", value.Chars);
            Assert.Equal(new[] { "a", "\\n", "b", "''", "c" }, Enumerable.Range(0, value.Length).Select(i =>
            {
                var span = value.ToOuterSpan(i, i + 1);
                return sql.Substring(span.Start, span.Length);
            }));
        }

        [Fact]
        public void Identifier_names_fold_unquoted_and_keep_quoted()
        {
            var statement = Assert.Single(SqlStatements.Parse("ALTER USER \"App\" WITH \"superuser\" SuperUser \"SUPERUSER\""));
            Assert.Equal("App", statement.GetName(2));
            Assert.True(statement.IsName(4, "superuser"));
            Assert.True(statement.IsName(5, "superuser"));
            Assert.False(statement.IsName(6, "superuser"));
            Assert.False(statement.IsKeyword(4, "superuser"));
        }

        internal static LocatedText Located(params string?[] pieces)
        {
            // Each piece maps to its own offset; null is a hole.
            var builder = new LocatedTextBuilder();
            var offset = 0;
            foreach (var piece in pieces)
            {
                if (piece == null)
                {
                    builder.AppendHole("code", offset, offset + 1);
                    offset++;
                }
                else
                {
                    builder.AppendVerbatim(piece, "code", offset);
                    offset += piece.Length;
                }
            }

            return builder.ToLocatedText();
        }
    }
}
