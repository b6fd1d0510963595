using System.Linq;
using Microsoft.CodeAnalysis;
using PgGuard.Analyzers.Text;
using static PgGuard.Analyzers.Tests.Text.Snippet;

namespace PgGuard.Analyzers.Tests.Text
{
    /// <summary>Regular, verbatim and raw literals: decoded text and the exact source of each character.</summary>
    public class CSharpLocatedTextLiteralTests
    {
        [Fact]
        public void Plain_literal_maps_each_character_to_itself()
        {
            var snippet = Compile(Method("""var target = "Host=db;SSL Mode=Disable";"""));
            var text = snippet.Build();

            Assert.Equal("Host=db;SSL Mode=Disable", text.Text);
            Assert.False(text.HasHoles);
            Assert.Same(snippet.Tree(0), text.SourceAt(0));
            Assert.Equal("SSL Mode=Disable", MappedSource(text, 8, 16));
            var literalStart = snippet.Target.Syntax.SpanStart;
            Assert.Equal(literalStart + 1, text.SourceSpanAt(0).Start);
            Assert.Equal(1, text.SourceSpanAt(0).Length);
        }

        [Fact]
        public void Unicode_escape_maps_to_its_six_source_characters()
        {
            var text = Compile(Method("""var target = "\u0053SL Mode=Disable";""")).Build();

            Assert.Equal("SSL Mode=Disable", text.Text);
            Assert.Equal("\\u0053", SourceOf(text, 0));
            Assert.Equal(6, text.SourceSpanAt(0).Length);
            Assert.Equal("S", SourceOf(text, 1));
            Assert.Equal("\\u0053SL Mode=Disable", MappedSource(text, 0, 16));
            Assert.Equal("Mode", MappedSource(text, 4, 4));
        }

        [Theory]
        [InlineData("\\'", '\'')]
        [InlineData("\\\"", '"')]
        [InlineData("\\\\", '\\')]
        [InlineData("\\0", '\0')]
        [InlineData("\\a", '\a')]
        [InlineData("\\b", '\b')]
        [InlineData("\\f", '\f')]
        [InlineData("\\n", '\n')]
        [InlineData("\\r", '\r')]
        [InlineData("\\t", '\t')]
        [InlineData("\\v", '\v')]
        [InlineData("\\e", '\u001b')]
        [InlineData("\\u0041", 'A')]
        [InlineData("\\U00000041", 'A')]
        [InlineData("\\x41", 'A')]
        [InlineData("\\x041", 'A')]
        [InlineData("\\x0041", 'A')]
        public void Each_escape_decodes_to_one_character_spanning_the_escape(string escape, char expected)
        {
            var text = Compile(Method("var target = \"a" + escape + "z\";")).Build();

            Assert.Equal("a" + expected + "z", text.Text);
            Assert.Equal("a", SourceOf(text, 0));
            Assert.Equal(escape, SourceOf(text, 1));
            Assert.Equal("z", SourceOf(text, 2));
        }

        [Fact]
        public void Hex_escape_takes_up_to_four_hex_digits()
        {
            // \x41BC is one character (U+41BC); \x0041BC is "A" then "BC"; \x41G stops at the first non-hex digit.
            var greedy = Compile(Method("""var target = "\x41BC!";""")).Build();
            Assert.Equal("\u41BC!", greedy.Text);
            Assert.Equal("\\x41BC", SourceOf(greedy, 0));

            var fourDigits = Compile(Method("""var target = "\x0041BC";""")).Build();
            Assert.Equal("ABC", fourDigits.Text);
            Assert.Equal("\\x0041", SourceOf(fourDigits, 0));
            Assert.Equal("B", SourceOf(fourDigits, 1));

            var short1 = Compile(Method("""var target = "\x41G";""")).Build();
            Assert.Equal("AG", short1.Text);
            Assert.Equal("\\x41", SourceOf(short1, 0));
        }

        [Fact]
        public void Long_unicode_escape_above_the_BMP_gives_a_surrogate_pair_mapped_to_the_whole_escape()
        {
            var text = Compile(Method("""var target = "a\U0001F600b";""")).Build();

            Assert.Equal("a\U0001F600b", text.Text);
            Assert.Equal(4, text.Length);
            Assert.Equal("\\U0001F600", SourceOf(text, 1));
            Assert.Equal("\\U0001F600", SourceOf(text, 2));
            Assert.Equal("b", SourceOf(text, 3));
        }

        [Fact]
        public void Verbatim_literal_keeps_backslashes_and_maps_doubled_quotes()
        {
            var text = Compile(Method("var target = @\"C:\\x \"\"q\"\"\r\nend\";")).Build();

            Assert.Equal("C:\\x \"q\"\r\nend", text.Text);
            Assert.Equal("\\", SourceOf(text, 2));
            Assert.Equal("\"\"", SourceOf(text, 5));
            Assert.Equal("q", SourceOf(text, 6));
            Assert.Equal("\r", SourceOf(text, 8));
            Assert.Equal("\n", SourceOf(text, 9));
            Assert.Equal("e", SourceOf(text, 10));
        }

        [Fact]
        public void Single_line_raw_literal_is_taken_as_written()
        {
            var text = Compile(Method("var target = \"\"\"\"Host=\"db\" \\n \"\"\" x\"\"\"\";")).Build();

            Assert.Equal("Host=\"db\" \\n \"\"\" x", text.Text);
            Assert.Equal("\\n \"\"\"", MappedSource(text, 10, 6));
            Assert.Equal("x", SourceOf(text, 17));
        }

        [Fact]
        public void Multi_line_raw_literal_removes_the_closing_line_indentation()
        {
            var source = Method(
                "        var target = \"\"\"\n" +
                "            Host=db;\n" +
                "              SSL Mode=Disable\n" +
                "          \n" +
                "\n" +
                "            Port=5432\n" +
                "            \"\"\";");
            var snippet = Compile(source);
            var text = snippet.Build();

            Assert.Equal("Host=db;\n  SSL Mode=Disable\n\n\nPort=5432", text.Text);
            var sourceText = snippet.Tree(0).GetText().ToString();
            Assert.Equal(sourceText.IndexOf("Host", System.StringComparison.Ordinal), text.SourceSpanAt(0).Start);
            Assert.Equal(sourceText.IndexOf("  SSL", System.StringComparison.Ordinal), text.SourceSpanAt(9).Start);
            Assert.Equal("SSL Mode=Disable", MappedSource(text, 11, 16));
            Assert.Equal(sourceText.IndexOf("Port", System.StringComparison.Ordinal), text.SourceSpanAt(text.Text.IndexOf('P')).Start);
            Assert.Equal("\n", SourceOf(text, 8));
        }

        [Fact]
        public void Multi_line_raw_literal_keeps_crlf_line_breaks_and_tab_indentation()
        {
            var source = Method("var target = \"\"\"\r\n\t\tA=1;\r\n\t\tB=2\r\n\t\t\"\"\";");
            var text = Compile(source).Build();

            Assert.Equal("A=1;\r\nB=2", text.Text);
            Assert.Equal("\r", SourceOf(text, 4));
            Assert.Equal("\n", SourceOf(text, 5));
            Assert.Equal("B=2", MappedSource(text, 6, 3));
        }

        [Fact]
        public void Multi_line_raw_literal_with_more_quotes_and_empty_content()
        {
            var quoted = Compile(Method("var target = \"\"\"\"\n  say \"\"\"hi\"\"\"\n  \"\"\"\";")).Build();
            Assert.Equal("say \"\"\"hi\"\"\"", quoted.Text);
            Assert.Equal("h", SourceOf(quoted, 7));

            // One blank content line: the value is empty (no line at all would be error CS9002).
            var empty = Compile(Method("var target = \"\"\"\n\n  \"\"\";")).Build();
            Assert.Equal(string.Empty, empty.Text);
        }

        [Fact]
        public void Empty_literal_gives_empty_text_but_null_gives_no_text()
        {
            Assert.Equal(string.Empty, Compile(Method("var target = \"\";")).Build().Text);
            Assert.Null(CSharpLocatedText.Build(Compile(Method("string target = null;")).Target, default));
            Assert.Null(CSharpLocatedText.Build(Compile(Method("string target = default;")).Target, default));
        }

        [Fact]
        public void Utf8_literal_is_not_a_string()
        {
            var snippet = Compile(Method("var target = \"Host=db\"u8;"));
            Assert.Null(CSharpLocatedText.Build(snippet.Target, default));
            Assert.False(CSharpLocatedText.MayContain(snippet.Target, '='));
        }

        [Fact]
        public void Megabyte_literal_is_decoded_and_observes_cancellation()
        {
            var value = new string('a', 1_000_000) + "\\u0053";
            var snippet = Compile(Method("var target = \"" + value + "\";"));

            var text = snippet.Build();
            Assert.Equal(1_000_001, text.Length);
            Assert.Equal("\\u0053", SourceOf(text, 1_000_000));

            using var cancelled = new System.Threading.CancellationTokenSource();
            cancelled.Cancel();
            Assert.ThrowsAny<System.OperationCanceledException>(() => CSharpLocatedText.Build(snippet.Target, cancelled.Token));
        }

        [Fact]
        public void Text_longer_than_the_limit_is_refused()
        {
            var snippet = Compile(Method("var target = \"" + new string('a', CSharpLocatedText.MaxLength) + "\" + p + \"b\";"));
            Assert.Null(CSharpLocatedText.Build(snippet.Target, default));
            Assert.True(CSharpLocatedText.MayContain(snippet.Target, 'b'));
        }

        [Theory]
        [InlineData("var target = \"abc")] // unterminated, at the end of the file
        [InlineData("var target = \"abc\n;")] // newline in constant
        [InlineData("var target = \"ab\\q\";")] // unknown escape
        [InlineData("var target = \"ab\\x\";")] // \x without digits
        [InlineData("var target = \"ab\\u12\";")] // short \u
        [InlineData("var target = \"ab\\U00110000\";")] // beyond U+10FFFF
        [InlineData("var target = @\"abc")] // unterminated verbatim
        [InlineData("var target = \"\"\"abc")] // unterminated raw
        [InlineData("var target = \"\"\"\n  abc\n \"\"\";")] // raw line not starting with the indentation
        [InlineData("var target = \"\"\"abc\"\"\"\";")] // raw with too many closing quotes
        public void Invalid_literals_never_throw_and_keep_the_compiler_value(string statement)
        {
            var snippet = Compile(new[] { "class C { void M() { " + statement }, allowErrors: true);
            var text = CSharpLocatedText.Build(snippet.Target, default);

            Assert.NotNull(text);
            for (var i = 0; i < text!.Length; i++)
            {
                // Every character still maps into the expression.
                Assert.True(snippet.Target.Syntax.FullSpan.Contains(text.SourceSpanAt(i)) || text.SourceSpanAt(i).IsEmpty);
            }

            var literal = snippet.Target.Syntax.DescendantNodesAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>().First();
            Assert.StartsWith(literal.Token.ValueText, text.Text, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("var target = \"a\" + ;")]
        [InlineData("var target = \"a\" + \"b")]
        [InlineData("var target = $\"a{")]
        [InlineData("var target = $\"\"\"\n  a{p}\n b\n  \"\"\";")]
        [InlineData("var target = \"a\" + (\"b\" + ")]
        public void Incomplete_expressions_never_throw(string statement)
        {
            var snippet = Compile(new[] { "class C { void M(string p) { " + statement }, allowErrors: true);
            var text = CSharpLocatedText.Build(snippet.Target, default);

            // Code being typed: whatever is built, it is the compiler's view of the constant parts.
            Assert.True(text == null || text.Text.Replace(Hole, string.Empty).Length <= snippet.Target.Syntax.Span.Length);
            CSharpLocatedText.MayContain(snippet.Target, '=');
            CSharpLocatedText.FindStringRoot(snippet.Target);
        }

        [Fact]
        public void Invalid_escape_falls_back_to_the_whole_literal()
        {
            var snippet = Compile(new[] { Method("var target = \"ab\\qc\";") }, allowErrors: true);
            var text = snippet.Build();

            // The compiler's value, every character mapped to the whole literal token.
            Assert.Equal(snippet.Target.Syntax.Span, text.SourceSpanAt(0));
            Assert.Equal(snippet.Target.Syntax.Span, text.SourceSpanAt(text.Length - 1));
        }
    }
}
