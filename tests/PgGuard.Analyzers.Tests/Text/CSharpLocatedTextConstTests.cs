using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using PgGuard.Analyzers.Text;
using static PgGuard.Analyzers.Tests.Text.Snippet;

namespace PgGuard.Analyzers.Tests.Text
{
    /// <summary>Const fields and locals map into their declarations, in this file or another one.</summary>
    public class CSharpLocatedTextConstTests
    {
        private static int IndexIn(SyntaxTree tree, string needle) => tree.GetText().ToString().IndexOf(needle, StringComparison.Ordinal);

        [Fact]
        public void Const_field_in_the_same_file_maps_into_its_initializer()
        {
            var snippet = Compile(Method(
                "var target = Cs + \";Pooling=false\";",
                "const string Cs = Host + \";\\u0053SL Mode=Disable\"; const string Host = \"Host=db\";"));
            var text = snippet.Build();

            Assert.Equal("Host=db;SSL Mode=Disable;Pooling=false", text.Text);
            Assert.Same(snippet.Tree(0), text.SourceAt(0));
            Assert.Equal(IndexIn(snippet.Tree(0), "Host=db"), text.SourceSpanAt(0).Start);
            Assert.Equal("\\u0053", SourceOf(text, 8));
            Assert.Equal("\\u0053SL Mode=Disable", MappedSource(text, 8, 16));
            Assert.Equal(";Pooling=false", MappedSource(text, 24, 14));
        }

        [Fact]
        public void Const_local_maps_into_its_declaration()
        {
            var snippet = Compile(Method("const string a = \"A=1\"; const string b = a + \";B=\\x32\"; var target = b;"));
            var text = snippet.Build();

            Assert.Equal("A=1;B=2", text.Text);
            Assert.Equal(IndexIn(snippet.Tree(0), "A=1"), text.SourceSpanAt(0).Start);
            Assert.Equal("\\x32", SourceOf(text, 6));
        }

        [Fact]
        public void Const_in_another_file_maps_into_that_file()
        {
            var snippet = Compile(
                Method("var target = Settings.Cs + \";x=\" + p;"),
                "static class Settings { public const string Cs = @\"Host=\"\"db\"\";\" + \"\\u0053SL Mode=Disable\"; }");
            var text = snippet.Build();

            Assert.Equal("Host=\"db\";SSL Mode=Disable;x=" + Hole, text.Text);
            Assert.Same(snippet.Tree(1), text.SourceAt(0));
            Assert.Equal("\"\"", SourceOf(text, 5));
            Assert.Equal("\\u0053", SourceOf(text, 10));
            Assert.Equal("\\u0053SL Mode=Disable", MappedSource(text, 10, 16));
            Assert.Same(snippet.Tree(0), text.SourceAt(26));
            Assert.Equal(2, text.Sources.Length);
            // A range crossing files maps to the part in the first character's file.
            var (source, span) = text.Map(19, 10);
            Assert.Same(snippet.Tree(1), source);
            Assert.Equal("Disable", snippet.Tree(1).GetText().ToString(span));
        }

        [Fact]
        public void Const_chain_across_three_files_with_qualified_names()
        {
            var snippet = Compile(
                Method("var target = Outer.Config.Full;"),
                "namespace Outer { static class Config { public const string Full = Base + $\"{Inner.Part}\" + Lib.Parts.Tail; const string Base = \"A=1;\"; static class Inner { public const string Part = \"B=2;\"; } } }",
                "namespace Outer.Lib { static class Parts { public const string Tail = $$\"\"\"C={{Outer.Lib.Parts.Value}}\"\"\"; public const string Value = \"3\"; } }");
            var text = snippet.Build();

            Assert.Equal("A=1;B=2;C=3", text.Text);
            Assert.Same(snippet.Tree(1), text.SourceAt(0));
            Assert.Equal(IndexIn(snippet.Tree(1), "A=1;"), text.SourceSpanAt(0).Start);
            Assert.Equal(IndexIn(snippet.Tree(1), "B=2;"), text.SourceSpanAt(4).Start);
            Assert.Same(snippet.Tree(2), text.SourceAt(8));
            Assert.Equal(IndexIn(snippet.Tree(2), "C="), text.SourceSpanAt(8).Start);
            Assert.Equal(IndexIn(snippet.Tree(2), "\"3\"") + 1, text.SourceSpanAt(10).Start);
            Assert.Equal(new object[] { snippet.Tree(1), snippet.Tree(2) }, text.Sources.ToArray());
        }

        [Fact]
        public void Partial_class_const_and_base_class_const_in_other_files()
        {
            var snippet = Compile(
                "partial class C : B { void M() { var target = Mine; } }",
                "partial class C { const string Mine = Inherited + \"x\"; }",
                "class B { protected const string Inherited = \"\\x41\"; }");
            var text = snippet.Build();

            Assert.Equal("Ax", text.Text);
            Assert.Same(snippet.Tree(2), text.SourceAt(0));
            Assert.Equal("\\x41", SourceOf(text, 0));
            Assert.Same(snippet.Tree(1), text.SourceAt(1));
        }

        [Fact]
        public void Const_in_another_file_that_syntax_cannot_decode_maps_to_the_whole_initializer()
        {
            // "using static" is not followed by the syntactic decoder: the value is still exact, the spans coarse.
            var snippet = Compile(
                Method("var target = Other.Cs;"),
                "using static Third; static class Other { public const string Cs = Value + nameof(Other); }",
                "static class Third { public const string Value = \"v=\"; }");
            var text = snippet.Build();

            Assert.Equal("v=Other", text.Text);
            Assert.Same(snippet.Tree(1), text.SourceAt(0));
            Assert.Equal("Value + nameof(Other)", SourceOf(text, 0));
            Assert.Equal("Value + nameof(Other)", SourceOf(text, 6));
        }

        [Fact]
        public void Const_from_metadata_maps_to_the_reference()
        {
            var text = Compile(Method("var target = \"type=\" + System.Net.Mime.MediaTypeNames.Text.Plain;")).Build();

            Assert.Equal("type=text/plain", text.Text);
            Assert.Equal("System.Net.Mime.MediaTypeNames.Text.Plain", SourceOf(text, 5));
        }

        [Fact]
        public void Non_const_fields_and_locals_are_holes()
        {
            var text = Compile(Method(
                "var local = \"l\"; var target = \"a\" + Field + ReadOnly + local + string.Empty;",
                "static string Field = \"f\"; static readonly string ReadOnly = \"r\";")).Build();

            Assert.Equal("a" + Hole + Hole + Hole + Hole, text.Text);
            Assert.Equal(new[] { "Field", "ReadOnly", "local", "string.Empty" }, Holes(text).Select(i => SourceOf(text, i)));
        }

        [Fact]
        public void Const_cycle_is_a_hole_and_never_throws()
        {
            var snippet = Compile(new[] { Method("var target = A + \"x\";", "const string A = B; const string B = A;") }, allowErrors: true);
            var text = snippet.Build();

            Assert.Equal(Hole + "x", text.Text);
            Assert.Equal("A", SourceOf(text, 0));
        }

        [Fact]
        public void Const_cycle_across_files_never_throws()
        {
            var snippet = Compile(
                new[] { Method("var target = \"a\" + Other.A;"), "static class Other { public const string A = B + \"x\"; const string B = A; }" },
                allowErrors: true);
            Assert.Equal("a" + Hole, snippet.Build().Text);
        }

        [Fact]
        public void Invalid_const_initializer_never_throws()
        {
            var snippet = Compile(
                new[] { Method("var target = Other.A + Other.B;"), "static class Other { public const string A = \"abc; public const string B = 1 + ; }" },
                allowErrors: true);
            CSharpLocatedText.Build(snippet.Target, default);
            CSharpLocatedText.MayContain(snippet.Target, 'a');
        }

        [Fact]
        public void Deep_const_chain_stays_exact()
        {
            static string Members(string modifier)
            {
                var members = new StringBuilder(modifier + " const string K0 = \"0\";");
                for (var i = 1; i <= 40; i++)
                {
                    members.Append($" {modifier} const string K{i} = K{i - 1} + \"-{i}\";");
                }

                return members.ToString();
            }

            var expected = "0" + string.Concat(Enumerable.Range(1, 40).Select(i => "-" + i));
            var sameFile = Compile(Method("var target = K40;", Members("private")));
            Assert.Equal(expected, sameFile.Build().Text);

            var otherFile = Compile(Method("var target = Other.K40;"), "static class Other { " + Members("public") + " }");
            var text = otherFile.Build();
            Assert.Equal(expected, text.Text);
            Assert.Same(otherFile.Tree(1), text.SourceAt(0));
        }

        [Fact]
        public void Exponential_const_graph_is_refused_not_expanded()
        {
            // E17 is 64 * 2^17 characters: more than MaxLength, so no located text (the compiler folds it happily).
            // Below the limit, a const used twice is copied with its spans.
            var members = new StringBuilder("const string E0 = \"" + new string('x', 64) + "\";");
            for (var i = 1; i <= 17; i++)
            {
                members.Append($" const string E{i} = E{i - 1} + E{i - 1};");
            }

            var snippet = Compile(Method("var target = E17;", members.ToString()));
            Assert.Null(CSharpLocatedText.Build(snippet.Target, default));
            Assert.True(CSharpLocatedText.MayContain(snippet.Target, 'x'));

            var small = Compile(Method("var target = E2 + E1;", members.ToString()));
            var text = small.Build();
            Assert.Equal(new string('x', 64 * 6), text.Text);
            var e0 = IndexIn(small.Tree(0), "xxx");
            Assert.All(Enumerable.Range(0, text.Length), i => Assert.Equal(e0 + (i % 64), text.SourceSpanAt(i).Start));

            // 2^24 paths through empty consts: each const is decoded once and copied after, so this is quick.
            var empty = new StringBuilder("public const string F0 = \"\";");
            for (var i = 1; i <= 24; i++)
            {
                empty.Append($" public const string F{i} = F{i - 1} + F{i - 1};");
            }

            var other = Compile(Method("var target = \"a\" + Other.F24 + Other.F23;"), "static class Other { " + empty + " }");
            Assert.Equal("a", other.Build().Text);
        }

        [Fact]
        public void Const_decoded_inside_a_rolled_back_declaration_is_decoded_again()
        {
            // X's syntax decoding reads Inner, then fails on nameof and is rolled back: Inner's second use must not
            // copy the rolled-back characters.
            var snippet = Compile(
                Method("var target = Other.X + Other.Inner;"),
                "static class Other { public const string X = Inner + nameof(Other); public const string Inner = \"in\"; }");
            var text = snippet.Build();

            Assert.Equal("inOtherin", text.Text);
            Assert.Equal("Inner + nameof(Other)", SourceOf(text, 0));
            Assert.Equal("i", SourceOf(text, 7));
            Assert.Equal(IndexIn(snippet.Tree(1), "\"in\"") + 1, text.SourceSpanAt(7).Start);
        }

        [Fact]
        public void Null_const_contributes_nothing()
        {
            var text = Compile(Method("var target = \"a\" + Nothing + \"b\";", "const string Nothing = null;")).Build();
            Assert.Equal("ab", text.Text);
        }
    }
}
