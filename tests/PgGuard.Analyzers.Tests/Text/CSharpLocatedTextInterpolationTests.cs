using System;
using PgGuard.Analyzers.Text;
using static PgGuard.Analyzers.Tests.Text.Snippet;

namespace PgGuard.Analyzers.Tests.Text
{
    /// <summary>Interpolated strings of every form: text parts, constant holes as text, other holes.</summary>
    public class CSharpLocatedTextInterpolationTests
    {
        private const string DbConst = "const string Db = \"d\\u0062\";";

        [Fact]
        public void Non_constant_interpolation_is_one_hole_spanning_the_braces()
        {
            var text = Compile(Method("""var target = $"Host={p};Port=5432";""")).Build();

            Assert.Equal("Host=" + Hole + ";Port=5432", text.Text);
            Assert.Equal(new[] { 5 }, Holes(text));
            Assert.Equal("{p}", SourceOf(text, 5));
            Assert.Equal("Port=5432", MappedSource(text, 7, 9));
        }

        [Fact]
        public void Regular_interpolated_text_decodes_escapes_and_doubled_braces()
        {
            var text = Compile(Method("""var target = $"a{{b}}\x41\"{n}";""")).Build();

            Assert.Equal("a{b}A\"" + Hole, text.Text);
            Assert.Equal("{{", SourceOf(text, 1));
            Assert.Equal("}}", SourceOf(text, 3));
            Assert.Equal("\\x41", SourceOf(text, 4));
            Assert.Equal("\\\"", SourceOf(text, 5));
            Assert.Equal("{n}", SourceOf(text, 6));
        }

        [Theory]
        [InlineData("$@")]
        [InlineData("@$")]
        public void Verbatim_interpolated_text_decodes_doubled_quotes_and_braces(string prefix)
        {
            var text = Compile(Method("var target = " + prefix + "\"C:\\{{x}} \"\"{p}\"\"\";")).Build();

            Assert.Equal("C:\\{x} \"" + Hole + "\"", text.Text);
            Assert.Equal("\\", SourceOf(text, 2));
            Assert.Equal("{{", SourceOf(text, 3));
            Assert.Equal("\"\"", SourceOf(text, 7));
            Assert.Equal("{p}", SourceOf(text, 8));
        }

        [Fact]
        public void Constant_literal_hole_is_text_mapped_into_the_literal()
        {
            var text = Compile(Method("""var target = $"Host={"d\u0062"};";""")).Build();

            Assert.Equal("Host=db;", text.Text);
            Assert.False(text.HasHoles);
            Assert.Equal("d", SourceOf(text, 5));
            Assert.Equal("\\u0062", SourceOf(text, 6));
            Assert.Equal(";", SourceOf(text, 7));
        }

        [Fact]
        public void Const_hole_is_text_mapped_into_the_declaration()
        {
            var snippet = Compile(Method("""var target = $"Host={Db};";""", DbConst));
            var text = snippet.Build();

            Assert.Equal("Host=db;", text.Text);
            Assert.Equal("\\u0062", SourceOf(text, 6));
            var declaration = snippet.Tree(0).GetText().ToString().IndexOf("const string Db", StringComparison.Ordinal);
            Assert.True(text.SourceSpanAt(5).Start > declaration && text.SourceSpanAt(5).Start < declaration + 30);
        }

        [Fact]
        public void Const_hole_with_alignment_or_format_is_a_hole()
        {
            var text = Compile(Method("""var target = $"a{Db,5}b{Db:X}c{Db}";""", DbConst)).Build();

            Assert.Equal("a" + Hole + "b" + Hole + "cdb", text.Text);
            Assert.Equal("{Db,5}", SourceOf(text, 1));
            Assert.Equal("{Db:X}", SourceOf(text, 3));
        }

        [Fact]
        public void Non_string_constant_hole_is_a_hole()
        {
            var text = Compile(Method("""var target = $"Port={5432};x={'c'}";""")).Build();

            Assert.Equal("Port=" + Hole + ";x=" + Hole, text.Text);
            Assert.Equal("{5432}", SourceOf(text, 5));
        }

        [Fact]
        public void Nameof_and_constant_concatenation_holes_are_text()
        {
            var text = Compile(Method("""var target = $"{nameof(p)}={"a" + Db}";""", DbConst)).Build();

            Assert.Equal("p=adb", text.Text);
            Assert.Equal("nameof(p)", SourceOf(text, 0));
            Assert.Equal("a", SourceOf(text, 2));
            Assert.Equal("\\u0062", SourceOf(text, 4));
        }

        [Fact]
        public void Raw_interpolated_single_line()
        {
            var text = Compile(Method("var target = $\"\"\"Host=\"{p}\";x={\"y\"}\"\"\";")).Build();

            Assert.Equal("Host=\"" + Hole + "\";x=y", text.Text);
            Assert.Equal("{p}", SourceOf(text, 6));
            Assert.Equal("\"", SourceOf(text, 7));
            Assert.Equal("y", SourceOf(text, 11));
        }

        [Fact]
        public void Raw_interpolated_with_two_dollars_keeps_single_braces_as_text()
        {
            var text = Compile(Method("var target = $$\"\"\"{\"a\":{{p}},\"b\":\"{{Db}}\"}\"\"\";", DbConst)).Build();

            Assert.Equal("{\"a\":" + Hole + ",\"b\":\"db\"}", text.Text);
            Assert.Equal("{", SourceOf(text, 0));
            Assert.Equal("{{p}}", SourceOf(text, 5));
            Assert.Equal("}", SourceOf(text, text.Length - 1));
            Assert.Equal("d", SourceOf(text, 12));
            Assert.Equal("\\u0062", SourceOf(text, 13));
        }

        [Fact]
        public void Raw_interpolated_multi_line_removes_indentation_around_holes()
        {
            var source = Method(
                "var target = $\"\"\"\n" +
                "        Host={p};\n" +
                "          SSL Mode=Disable;{q}\n" +
                "\n" +
                "        {Db}\n" +
                "        \"\"\";",
                DbConst);
            var snippet = Compile(source);
            var text = snippet.Build();

            Assert.Equal("Host=" + Hole + ";\n  SSL Mode=Disable;" + Hole + "\n\ndb", text.Text);
            Assert.Equal(new[] { 5, 27 }, Holes(text));
            Assert.Equal("{p}", SourceOf(text, 5));
            Assert.Equal("{q}", SourceOf(text, 27));
            Assert.Equal("SSL Mode=Disable", MappedSource(text, 10, 16));
            var sourceText = snippet.Tree(0).GetText().ToString();
            Assert.Equal(sourceText.IndexOf("  SSL", StringComparison.Ordinal), text.SourceSpanAt(8).Start);
            Assert.Equal("\\u0062", SourceOf(text, text.Length - 1));
        }

        [Fact]
        public void Raw_interpolated_multi_line_with_crlf_and_a_hole_at_a_line_start()
        {
            var source = Method("var target = $$\"\"\"\r\n    {{p}}=1;\r\n    {x}\r\n    \"\"\";");
            var text = Compile(source).Build();

            Assert.Equal(Hole + "=1;\r\n{x}", text.Text);
            Assert.Equal("{{p}}", SourceOf(text, 0));
            Assert.Equal("\r", SourceOf(text, 4));
            Assert.Equal("{x}", MappedSource(text, 6, 3));
        }

        [Fact]
        public void Interpolated_string_without_constant_text_has_no_text()
        {
            Assert.Null(CSharpLocatedText.Build(Compile(Method("var target = $\"{p}{q}\";")).Target, default));
            Assert.Equal(Hole, Compile(Method("var target = $\"{p}\" + \"\";")).Build().Text);
        }

        [Fact]
        public void Nested_interpolated_strings_are_decoded_inside_constant_holes()
        {
            var text = Compile(Method("""var target = $"a{$"b{$"c{Db}"}"}{$"{p}"}";""", DbConst)).Build();

            Assert.Equal("abcdb" + Hole, text.Text);
            Assert.Equal("c", SourceOf(text, 2));
            Assert.Equal("\\u0062", SourceOf(text, 4));
            Assert.Equal("{$\"{p}\"}", SourceOf(text, 5));
        }
    }
}
