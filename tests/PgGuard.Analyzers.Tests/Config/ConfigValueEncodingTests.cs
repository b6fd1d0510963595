using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Config;

namespace PgGuard.Analyzers.Tests.Config
{
    /// <summary>Writing decoded text back into JSON strings and XML attributes, and edits confined to one value.</summary>
    public class ConfigValueEncodingTests
    {
        [Theory]
        [InlineData("SSL Mode=VerifyFull", "SSL Mode=VerifyFull")]
        [InlineData("a\"b\\c/d", "a\\\"b\\\\c/d")]
        [InlineData("\b\f\n\r\t", "\\b\\f\\n\\r\\t")]
        [InlineData("\u0000\u001F\u007F", "\\u0000\\u001F\u007F")]
        [InlineData("é €😀", "é €😀")]
        [InlineData("", "")]
        public void Json_escapes_quotes_backslashes_controls_and_lone_surrogates(string text, string expected)
        {
            Assert.Equal(expected, ConfigValueEncoding.EncodeJson(text));
        }

        // xunit cannot carry lone surrogates in InlineData: they arrive as U+FFFD.
        [Fact]
        public void Lone_surrogates_are_escaped_in_json_and_refused_in_xml()
        {
            Assert.Equal("x\\uD800y", ConfigValueEncoding.EncodeJson("x\uD800y"));
            Assert.Equal("\\uDC00\\uD83D", ConfigValueEncoding.EncodeJson("\uDC00\uD83D"));
            Assert.Null(ConfigValueEncoding.EncodeXmlAttribute("x\uD800", '"'));
            Assert.Null(ConfigValueEncoding.EncodeXmlAttribute("\uDC00x", '"'));
        }

        [Theory]
        [InlineData("a\"b'c", '"', "a&quot;b'c")]
        [InlineData("a\"b'c", '\'', "a\"b&apos;c")]
        [InlineData("R&D <x> ;", '"', "R&amp;D &lt;x> ;")]
        [InlineData("a\tb\nc\rd", '"', "a&#x9;b&#xA;c&#xD;d")]
        [InlineData("é😀", '\'', "é😀")]
        [InlineData("", '"', "")]
        public void Xml_escapes_markup_the_quote_in_use_and_line_breaks(string text, char quote, string expected)
        {
            Assert.Equal(expected, ConfigValueEncoding.EncodeXmlAttribute(text, quote));
        }

        [Theory]
        [InlineData("a\u0000b")]
        [InlineData("\u001F")]
        [InlineData("\uFFFE")]
        [InlineData("\uFFFF")]
        public void Xml_refuses_characters_xml_cannot_carry(string text)
        {
            Assert.Null(ConfigValueEncoding.EncodeXmlAttribute(text, '"'));
        }

        [Fact]
        public void Encoded_text_reads_back_as_the_original()
        {
            const string Text = "q\"a'p&l<g>\\ \t\n\r\b é😀 \u0001";
            var json = "{ \"A\": \"" + ConfigValueEncoding.EncodeJson(Text) + "\" }";
            Assert.Equal(Text, Assert.Single(JsonConfigReader.Read(json, "appsettings.json").Values).Text);

            var xmlText = Text.Replace("\b", "", StringComparison.Ordinal).Replace("\u0001", "", StringComparison.Ordinal);
            foreach (var quote in new[] { '"', '\'' })
            {
                var xml = "<configuration><appSettings><add key=\"A\" value=" + quote + ConfigValueEncoding.EncodeXmlAttribute(xmlText, quote) + quote + " /></appSettings></configuration>";
                Assert.Equal(xmlText, Assert.Single(XmlConfigReader.Read(xml, "app.config").Entries).Text);
            }
        }

        [Theory]
        [InlineData("db", "db2", "db2", "db")]
        [InlineData("\\u0044isable", "a\"b", "a\\\"b", "Disable")]
        [InlineData(";Pooling=false", "", "", ";Pooling=false")]
        public void Json_edit_covers_whole_decoded_characters(string replaced, string newText, string encoded, string decoded)
        {
            var file = "{ \"A\": \"Host=db;SSL Mode=\\u0044isable;Pooling=false\" }";
            var span = new TextSpan(file.IndexOf(replaced, StringComparison.Ordinal), replaced.Length);

            Assert.True(ConfigValueEdits.TryCreate("/src/appsettings.json", file, span, newText, out var edit));

            Assert.Equal(new TextChange(span, encoded), edit.Change);
            Assert.Equal(decoded, edit.ReplacedText);
        }

        [Fact]
        public void Insertion_at_the_end_of_a_value_is_inside_it()
        {
            const string File = "{ \"A\": \"Host=db\" }";
            var end = File.IndexOf("\" }", StringComparison.Ordinal);

            Assert.True(ConfigValueEdits.TryCreate("appsettings.json", File, new TextSpan(end, 0), ";X=\"1\"", out var edit));

            Assert.Equal(new TextChange(new TextSpan(end, 0), ";X=\\\"1\\\""), edit.Change);
            Assert.Equal("", edit.ReplacedText);
        }

        [Theory]
        [InlineData("u0044isable")]     // starts inside the escape
        [InlineData("\\u00")]           // ends inside the escape
        [InlineData("false\" }")]       // leaves the string
        [InlineData("\"A\": \"Host")]   // starts outside any value
        public void Json_edit_that_cuts_an_escape_or_leaves_the_value_is_refused(string cut)
        {
            const string File = "{ \"A\": \"Host=db;SSL Mode=\\u0044isable;Pooling=false\" }";
            var span = new TextSpan(File.IndexOf(cut, StringComparison.Ordinal), cut.Length);

            Assert.False(ConfigValueEdits.TryCreate("appsettings.json", File, span, "x", out _));
        }

        [Theory]
        [InlineData("\"", "&amp;", "a\"b", "a&quot;b", "&")]
        [InlineData("'", "&amp;", "a'b\"", "a&apos;b\"", "&")]
        [InlineData("\"", "&#68;isable", "<x>", "&lt;x>", "Disable")]
        public void Xml_edit_encodes_for_the_quote_in_use(string quote, string replaced, string newText, string encoded, string decoded)
        {
            var file = "<configuration><connectionStrings><add name=\"A\" connectionString=" + quote + "Host=db;Application Name=R&amp;D;SSL Mode=&#68;isable" + quote + " /></connectionStrings></configuration>";
            var span = new TextSpan(file.IndexOf(replaced, StringComparison.Ordinal), replaced.Length);

            Assert.True(ConfigValueEdits.TryCreate("Web.config", file, span, newText, out var edit));

            Assert.Equal(new TextChange(span, encoded), edit.Change);
            Assert.Equal(decoded, edit.ReplacedText);
        }

        [Theory]
        [InlineData("amp;D")]           // starts inside an entity
        [InlineData("R&am")]            // ends inside an entity
        [InlineData("&custom;")]        // an entity only a DTD defines: its value is unknown
        [InlineData("isable' /")]       // leaves the attribute
        public void Xml_edit_that_cuts_an_entity_or_leaves_the_attribute_is_refused(string cut)
        {
            const string File = "<configuration><connectionStrings><add name='A' connectionString='Host=db;Application Name=R&amp;D&custom;;SSL Mode=&#68;isable' /></connectionStrings></configuration>";
            var span = new TextSpan(File.IndexOf(cut, StringComparison.Ordinal), cut.Length);

            Assert.False(ConfigValueEdits.TryCreate("Web.config", File, span, "x", out _));
        }

        [Fact]
        public void Never_throws_on_hostile_files_or_spans()
        {
            var random = new Random(7);
            const string Alphabet = "{}[]\"\\:,=;&<>'u0#x ab";
            var junk = new string(Enumerable.Range(0, 200_000).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            foreach (var (path, text) in new[] { ("appsettings.json", junk), ("web.config", junk), ("appsettings.json", "{\"A\":\"x\\u00"), ("app.config", "<add value='&#xD800;") })
            {
                var edits = ConfigValueEdits.Read(path, text)!;
                for (var i = 0; i < 2000; i++)
                {
                    var start = random.Next(text.Length + 1);
                    edits.TryCreate(new TextSpan(start, random.Next(text.Length - start + 1)), "x\"<&\u0001", out _);
                }
            }
        }

        [Fact]
        public void Refuses_text_xml_cannot_carry_other_files_and_spans_beyond_the_text()
        {
            const string Xml = "<configuration><appSettings><add key='A' value='Host=db' /></appSettings></configuration>";
            var value = new TextSpan(Xml.IndexOf("db", StringComparison.Ordinal), 2);
            Assert.False(ConfigValueEdits.TryCreate("app.config", Xml, value, "\u0001", out _));
            Assert.True(ConfigValueEdits.TryCreate("app.config", Xml, value, "x", out _));
            Assert.False(ConfigValueEdits.TryCreate("settings.config", Xml, value, "x", out _));
            Assert.False(ConfigValueEdits.TryCreate("app.config", Xml, new TextSpan(Xml.Length, 1), "x", out _));
        }
    }
}
