using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PgGuard.Analyzers.Text;
using static PgGuard.Analyzers.Tests.Text.Snippet;

namespace PgGuard.Analyzers.Tests.Text
{
    /// <summary><see cref="CSharpLocatedText.MayContain"/> and <see cref="CSharpLocatedText.FindStringRoot"/>.</summary>
    public class CSharpLocatedTextFilterTests
    {
        private const string Consts = "const string Cs = \"Host=db\"; const string Plain = \"db\";";

        [Theory]
        [InlineData("\"Host=db\"", true)]
        [InlineData("\"Host db\"", false)]
        [InlineData("@\"a=\"", true)]
        [InlineData("\"\"\"a=\"\"\"", true)]
        [InlineData("\"a\\u003D\"", true)] // the decoded value counts, not the source
        [InlineData("$\"a{p}b\"", false)]
        [InlineData("$\"a={p}\"", true)]
        [InlineData("$\"{p}{Cs}\"", true)]
        [InlineData("$\"{p}{Cs,5}\"", false)] // a hole for Build too
        [InlineData("$\"{p}{Cs:X}\"", false)]
        [InlineData("$\"{p}{\"=\"}\"", true)]
        [InlineData("p + \"x=\"", true)]
        [InlineData("\"a\" + p + \"b\"", false)]
        [InlineData("p + q", false)]
        [InlineData("p + Cs", true)]
        [InlineData("p + Plain", false)]
        [InlineData("Cs", true)]
        [InlineData("p", false)]
        [InlineData("p + n + \"=\"", true)]
        [InlineData("(object)(p + \"=\")", true)]
        [InlineData("p.Trim() + $\"{p}\" + (p + (q + \"=\"))", true)]
        public void May_contain_looks_at_every_constant_part(string expression, bool expected)
        {
            var snippet = Compile(Method("var target = " + expression + ";", Consts));
            Assert.Equal(expected, CSharpLocatedText.MayContain(snippet.Target, '='));

            // It is a filter for Build: whenever it says no, the built text indeed has no '='.
            var text = CSharpLocatedText.Build(snippet.Target, default);
            if (!expected)
            {
                Assert.True(text == null || !text.Text.Contains('='));
            }
            else
            {
                Assert.Contains('=', text!.Text);
            }
        }

        [Fact]
        public void May_contain_is_conservative_on_very_deep_right_nesting()
        {
            var source = new StringBuilder("var target = \"a\"");
            for (var i = 0; i < 40; i++)
            {
                source.Append(" + (\"b\"");
            }

            source.Append(" + p").Append(')', 40).Append(';');
            var snippet = Compile(Method(source.ToString()));

            Assert.True(CSharpLocatedText.MayContain(snippet.Target, '='));
            Assert.DoesNotContain('=', snippet.Build().Text);
        }

        [Fact]
        public void Root_of_each_literal_in_a_concatenation_is_the_whole_concatenation()
        {
            var snippet = Compile(Method("var target = \"a\" + p + $\"b{\"c\"}\" + (object)\"d\";"));
            var literals = snippet.Target.DescendantsAndSelf().OfType<ILiteralOperation>().Where(l => l.Type?.SpecialType == SpecialType.System_String).ToList();

            Assert.Equal(4, literals.Count); // "a", the text part "b", "c", "d"
            Assert.All(literals, literal => Assert.Same(snippet.Target, CSharpLocatedText.FindStringRoot(literal)));
            var interpolated = snippet.Target.DescendantsAndSelf().OfType<IInterpolatedStringOperation>().Single();
            Assert.Same(snippet.Target, CSharpLocatedText.FindStringRoot(interpolated));
        }

        [Fact]
        public void Root_of_a_text_part_and_of_a_constant_hole_is_the_interpolated_string()
        {
            var snippet = Compile(Method("var target = $\"x{\"y\"}z{\"w\",5}\";"));
            var literals = snippet.Target.DescendantsAndSelf().OfType<ILiteralOperation>().Where(l => l.Type?.SpecialType == SpecialType.System_String).ToList();

            Assert.Same(snippet.Target, CSharpLocatedText.FindStringRoot(literals.Single(l => l.Syntax.ToString() == "x")));
            Assert.Same(snippet.Target, CSharpLocatedText.FindStringRoot(literals.Single(l => l.Syntax.ToString() == "\"y\"")));
            // With an alignment the hole is not text of the whole, so its literal is a root of its own.
            var aligned = literals.Single(l => l.Syntax.ToString() == "\"w\"");
            Assert.Same(aligned, CSharpLocatedText.FindStringRoot(aligned));
        }

        [Fact]
        public void Root_stops_at_arguments_and_conversions_to_other_types()
        {
            var snippet = Compile(Method("object target = Use(\"a\") + \"b\";", "static string Use(string s) => s;"));
            var literals = snippet.Target.DescendantsAndSelf().OfType<ILiteralOperation>().ToList();

            var argument = literals.Single(l => l.Syntax.ToString() == "\"a\"");
            Assert.Same(argument, CSharpLocatedText.FindStringRoot(argument));
            var concatenation = CSharpLocatedText.FindStringRoot(literals.Single(l => l.Syntax.ToString() == "\"b\""));
            Assert.IsAssignableFrom<IBinaryOperation>(concatenation);
            Assert.Equal("Use(\"a\") + \"b\"", concatenation!.Syntax.ToString());
        }

        [Fact]
        public void Root_of_a_non_string_or_of_a_format_clause_is_null()
        {
            var snippet = Compile(Method("var target = $\"a={n:X4}\";"));
            var literals = snippet.Target.DescendantsAndSelf().OfType<ILiteralOperation>().ToList();

            Assert.Null(CSharpLocatedText.FindStringRoot(literals.Single(l => l.Syntax.ToString() == ":X4")));
            Assert.Same(snippet.Target, CSharpLocatedText.FindStringRoot(literals.Single(l => l.Syntax.ToString() == "a=")));
            Assert.Null(CSharpLocatedText.FindStringRoot(Compile(Method("var target = 1;")).Target));
        }

        [Fact]
        public void Root_of_the_innermost_literal_of_a_deep_chain()
        {
            var source = new StringBuilder("var target = \"first\"");
            for (var i = 0; i < 1000; i++)
            {
                source.Append(" + \"x\" + p");
            }

            var snippet = Compile(Method(source.Append(';').ToString()));
            var first = snippet.Target.DescendantsAndSelf().OfType<ILiteralOperation>().Single(l => l.Syntax.ToString() == "\"first\"");

            Assert.Same(snippet.Target, CSharpLocatedText.FindStringRoot(first));
        }
    }
}
