using System.Linq;
using System.Text;
using PgGuard.Analyzers.Text;
using static PgGuard.Analyzers.Tests.Text.Snippet;

namespace PgGuard.Analyzers.Tests.Text
{
    /// <summary>String <c>+</c>: constant operands are text, others are holes spanning the operand.</summary>
    public class CSharpLocatedTextConcatenationTests
    {
        [Fact]
        public void Concatenation_across_lines_with_holes()
        {
            var snippet = Compile(Method("var target = \"Host=\" + p +\n    \";SSL Mode=\"\n    + \"Dis\\u0061ble\";"));
            var text = snippet.Build();

            Assert.Equal("Host=" + Hole + ";SSL Mode=Disable", text.Text);
            Assert.Equal(new[] { 5 }, Holes(text));
            Assert.Equal("p", SourceOf(text, 5));
            Assert.Equal("\\u0061", SourceOf(text, 19));
            // A range across two literals maps from its first character to the end of its last one.
            Assert.Equal("SSL Mode=\"\n    + \"Dis\\u0061ble", MappedSource(text, 7, 16));
        }

        [Fact]
        public void Parenthesized_and_right_nested_concatenation_keeps_order()
        {
            var text = Compile(Method("var target = (\"a\" + (\"b\" + (p + \"c\"))) + (\"d\");")).Build();

            Assert.Equal("ab" + Hole + "cd", text.Text);
            Assert.Equal("b", SourceOf(text, 1));
            Assert.Equal("p", SourceOf(text, 2));
            Assert.Equal("d", SourceOf(text, 4));
        }

        [Fact]
        public void Non_string_operands_are_holes_and_null_is_nothing()
        {
            var text = Compile(Method("var target = \"a\" + n + null + 'c' + o + M2() + \"z\";", "static string M2() => \"\";")).Build();

            Assert.Equal("a" + Hole + Hole + Hole + Hole + "z", text.Text);
            Assert.Equal(new[] { "n", "'c'", "o", "M2()" }, Holes(text).Select(i => SourceOf(text, i)));
        }

        [Fact]
        public void Object_typed_string_operand_is_still_text()
        {
            var text = Compile(Method("var target = \"a\" + (object)\"b\";")).Build();
            Assert.Equal("ab", text.Text);
            Assert.Equal("b", SourceOf(text, 1));
        }

        [Fact]
        public void Interpolated_strings_inside_a_concatenation()
        {
            var text = Compile(Method("var target = \"a\" + $\"b{p}\" + $@\"\"\"\";")).Build();
            Assert.Equal("ab" + Hole + "\"", text.Text);
            Assert.Equal("\"\"", SourceOf(text, 3));
        }

        [Fact]
        public void Expression_without_constant_part_has_no_text()
        {
            Assert.Null(CSharpLocatedText.Build(Compile(Method("var target = p;")).Target, default));
            Assert.Null(CSharpLocatedText.Build(Compile(Method("var target = p + q;")).Target, default));
            Assert.Null(CSharpLocatedText.Build(Compile(Method("var target = p.Trim();")).Target, default));
            Assert.Null(CSharpLocatedText.Build(Compile(Method("var target = n;")).Target, default));
        }

        [Fact]
        public void Conversion_to_object_at_the_top_is_seen_through()
        {
            var snippet = Compile(Method("var target = (object)(\"a=\" + p);"));
            Assert.Equal("a=" + Hole, snippet.Build().Text);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Two_thousand_deep_chain_does_not_overflow_the_stack(bool withHoles)
        {
            var source = new StringBuilder("var target = \"k0=\"");
            var expected = new StringBuilder("k0=");
            for (var i = 1; i < 2000; i++)
            {
                source.Append(i % 100 == 0 ? "\n" : string.Empty);
                if (withHoles && i % 2 == 0)
                {
                    source.Append(" + p");
                    expected.Append(Hole);
                }
                else
                {
                    source.Append(" + \";k" + i + "=\"");
                    expected.Append(";k" + i + "=");
                }
            }

            source.Append(';');
            var snippet = Compile(Method(source.ToString()));
            var text = snippet.Build();

            Assert.Equal(expected.ToString(), text.Text);
            Assert.Equal(";k1999=", MappedSource(text, text.Length - 7, 7));
            Assert.Equal(withHoles ? "p" : "=", SourceOf(text, text.Length - 8));
            Assert.Equal(withHoles, text.IsHole(text.Length - 8));
            Assert.True(CSharpLocatedText.MayContain(snippet.Target, '='));
            Assert.False(CSharpLocatedText.MayContain(snippet.Target, '#'));
        }
    }
}
