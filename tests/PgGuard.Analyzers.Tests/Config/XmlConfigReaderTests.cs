using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Config;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Tests.Config
{
    public class XmlConfigReaderTests
    {
        private const string FilePath = @"C:\src\App\Web.config";

        private static XmlConfigDocument Read(string xml) => XmlConfigReader.Read(xml, FilePath);

        private static string Configuration(string body) => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n" + body + "\n</configuration>\n";

        private static string[] Origins(LocatedText value, string file)
        {
            return Enumerable.Range(0, value.Length).Select(i => file.Substring(value.SourceSpanAt(i).Start, value.SourceSpanAt(i).Length)).ToArray();
        }

        [Fact]
        public void ReadsAConnectionStringWithNameProviderAndExactSpan()
        {
            var xml = Configuration(
                "  <connectionStrings>\n" +
                "    <add name=\"Default\" connectionString=\"Host=db;SSL Mode=Disable\" providerName=\"Npgsql\" />\n" +
                "  </connectionStrings>");
            var doc = Read(xml);

            Assert.Null(doc.ErrorPosition);
            var entry = Assert.Single(doc.Entries);
            Assert.Equal(XmlConfigSection.ConnectionStrings, entry.Section);
            Assert.Equal("Default", entry.Name);
            Assert.Equal("Npgsql", entry.ProviderName);
            Assert.Equal("Host=db;SSL Mode=Disable", entry.Text);
            Assert.Equal(FilePath, entry.FilePath);
            Assert.Equal(new TextSpan(xml.IndexOf("Host=", StringComparison.Ordinal), 24), entry.ValueSpan);

            var located = entry.Value;
            Assert.Equal(entry.Text, located.Text);
            Assert.Equal(FilePath, Assert.Single(located.Sources));
            var (_, span) = located.Map(located.Text.IndexOf("SSL", StringComparison.Ordinal), 16);
            Assert.Equal("SSL Mode=Disable", xml.Substring(span.Start, span.Length));
        }

        [Fact]
        public void ReadsAppSettingsKeysAndValues()
        {
            var xml = Configuration("<appSettings><add key=\"Db\" value=\"Host=h\"/><add key=\"Mode\" value=\"fast\"/></appSettings>");
            var doc = Read(xml);

            Assert.Equal(new[] { "Db=Host=h", "Mode=fast" }, doc.Entries.Select(e => e.Name + "=" + e.Text));
            Assert.All(doc.Entries, e => Assert.Equal(XmlConfigSection.AppSettings, e.Section));
            Assert.All(doc.Entries, e => Assert.Null(e.ProviderName));
        }

        [Fact]
        public void DecodesEntitiesAndMapsEachToAllItsCharacters()
        {
            var xml = Configuration("<appSettings><add key=\"k\" value=\"a&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x4a;\"/></appSettings>");
            var doc = Read(xml);

            Assert.Null(doc.ErrorPosition);
            var entry = Assert.Single(doc.Entries);
            Assert.Equal("a&<>\"'ABJ", entry.Text);
            Assert.Equal(entry.Text, entry.Value.Text);
            Assert.Equal(
                new[] { "a", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x42;", "&#x4a;" },
                Origins(entry.Value, xml));
        }

        [Fact]
        public void CharacterReferenceAboveTheBmpIsASurrogatePairMappedToTheWholeReference()
        {
            var xml = Configuration("<appSettings><add key=\"k\" value=\"&#x1F600;&#128512;\"/></appSettings>");
            var entry = Assert.Single(Read(xml).Entries);

            Assert.Equal("\U0001F600\U0001F600", entry.Text);
            Assert.Equal(new[] { "&#x1F600;", "&#x1F600;", "&#128512;", "&#128512;" }, Origins(entry.Value, xml));
        }

        [Fact]
        public void EntityOnlyADtdCouldDefineIsAHole()
        {
            var xml = Configuration("<connectionStrings><add name=\"A\" connectionString=\"Host=&dbhost;;SSL Mode=Disable\"/></connectionStrings>");
            var entry = Assert.Single(Read(xml).Entries);

            Assert.Equal("Host=\uFFFF;SSL Mode=Disable", entry.Text);
            Assert.Equal(entry.Text, entry.Value.Text);
            Assert.True(entry.Value.IsHole(5));
            Assert.False(entry.Value.IsHole(4));
            Assert.Equal("&dbhost;", Origins(entry.Value, xml)[5]);
        }

        [Fact]
        public void AcceptsBothQuoteKindsAndWhitespaceAroundEquals()
        {
            var xml = Configuration(
                "<connectionStrings>\n  <add\n    name = 'A'\n    connectionString\t=\r\n'Password=a\"b'\n    providerName =\"Npgsql\"></add>\n</connectionStrings>");
            var entry = Assert.Single(Read(xml).Entries);

            Assert.Equal("A", entry.Name);
            Assert.Equal("Password=a\"b", entry.Text);
            Assert.Equal(xml.IndexOf("Password", StringComparison.Ordinal), entry.ValueSpan.Start);
        }

        [Fact]
        public void LineBreaksInsideAValueStayAsTheyAre()
        {
            // Verified: System.Configuration does not normalise attribute whitespace ("Host=a;\r\n\tUsername=b").
            var xml = Configuration("<connectionStrings><add name=\"A\" connectionString=\"Host=a;\r\n\tUsername=b\"/></connectionStrings>");
            var entry = Assert.Single(Read(xml).Entries);

            Assert.Equal("Host=a;\r\n\tUsername=b", entry.Text);
            var start = entry.ValueSpan.Start;
            Assert.Equal(Enumerable.Range(start, entry.Text.Length), Enumerable.Range(0, entry.Text.Length).Select(i => entry.Value.SourceSpanAt(i).Start));
        }

        [Fact]
        public void IgnoresCommentsCdataProcessingInstructionsAndDoctype()
        {
            var xml = "\uFEFF<?xml version=\"1.0\"?>\r\n" +
                      "<!DOCTYPE configuration [ <!ENTITY h \"x>y\"> ]>\r\n" +
                      "<configuration>\r\n" +
                      "  <!-- <connectionStrings><add name=\"C\" connectionString=\"Host=comment\"/></connectionStrings> -->\r\n" +
                      "  <connectionStrings>\r\n" +
                      "    <?pi <add name=\"P\" connectionString=\"Host=pi\"/> ?>\r\n" +
                      "    <![CDATA[ <add name=\"D\" connectionString=\"Host=cdata\"/> ]]>\r\n" +
                      "    <add name=\"Real\" connectionString=\"Host=real\"/>\r\n" +
                      "  </connectionStrings>\r\n" +
                      "</configuration>\r\n";
            var doc = Read(xml);

            Assert.Null(doc.ErrorPosition);
            var entry = Assert.Single(doc.Entries);
            Assert.Equal("Real", entry.Name);
            Assert.Equal(xml.IndexOf("Host=real", StringComparison.Ordinal), entry.ValueSpan.Start);
        }

        [Fact]
        public void OnlyAddElementsDirectlyInsideTheSectionsCount()
        {
            var xml = Configuration(
                "<system.web><httpModules><add name=\"M\" connectionString=\"Host=module\"/></httpModules></system.web>\n" +
                "<add name=\"Top\" connectionString=\"Host=top\"/>\n" +
                "<connectionStrings><group><add name=\"Deep\" connectionString=\"Host=deep\"/></group></connectionStrings>\n" +
                "<location path=\"admin\"><appSettings><add key=\"K\" value=\"Host=location\"/></appSettings></location>");

            var entry = Assert.Single(Read(xml).Entries);
            Assert.Equal("Host=location", entry.Text);
        }

        [Fact]
        public void ElementAndAttributeNamesAreCaseSensitive()
        {
            // System.Configuration: "Unrecognized attribute 'connectionstring'. Note that attribute names are case-sensitive."
            var xml = Configuration(
                "<ConnectionStrings><add name=\"A\" connectionString=\"Host=a\"/></ConnectionStrings>\n" +
                "<connectionStrings><Add name=\"B\" connectionString=\"Host=b\"/><add name=\"C\" connectionstring=\"Host=c\"/></connectionStrings>");

            Assert.Empty(Read(xml).Entries);
        }

        [Fact]
        public void AnAddWithoutAValueIsSkippedAndOneWithoutANameHasAnEmptyName()
        {
            // A transform that only changes the provider has no connectionString of its own.
            var xml = Configuration(
                "<connectionStrings xmlns:xdt=\"http://schemas.microsoft.com/XML-Document-Transform\">" +
                "<add name=\"A\" providerName=\"Npgsql\" xdt:Transform=\"SetAttributes\" xdt:Locator=\"Match(name)\"/>" +
                "<add connectionString=\"Host=n\"/></connectionStrings>");

            var entry = Assert.Single(Read(xml).Entries);
            Assert.Equal(string.Empty, entry.Name);
            Assert.Null(entry.ProviderName);
        }

        [Fact]
        public void TransformEntriesAreRead()
        {
            var xml = "<configuration xmlns:xdt=\"http://schemas.microsoft.com/XML-Document-Transform\"><connectionStrings>" +
                      "<add name=\"Db\" connectionString=\"Host=prod;SSL Mode=Require\" xdt:Transform=\"SetAttributes\" xdt:Locator=\"Match(name)\"/>" +
                      "</connectionStrings></configuration>";

            Assert.Equal("Host=prod;SSL Mode=Require", Assert.Single(XmlConfigReader.Read(xml, "Web.Release.config").Entries).Text);
        }

        [Fact]
        public void LaterAddOfTheSameNameWinsCaseInsensitively()
        {
            var xml = Configuration(
                "<connectionStrings><add name=\"A\" connectionString=\"one\"/><add name=\"B\" connectionString=\"b\"/><add name=\"a\" connectionString=\"two\"/></connectionStrings>" +
                "<appSettings><add key=\"A\" value=\"app\"/></appSettings>");
            var doc = Read(xml);

            // Sections keep separate names: appSettings "A" does not replace connection string "a".
            Assert.Equal(new[] { "B=b", "a=two", "A=app" }, doc.Entries.Select(e => e.Name + "=" + e.Text));
            Assert.Equal(xml.IndexOf("two", StringComparison.Ordinal), doc.Entries[1].ValueSpan.Start);
        }

        [Fact]
        public void RemoveAndClearDropEarlierEntriesOfTheirSection()
        {
            // Verified: add A, remove A, add B, clear, add C leaves only C.
            var xml = Configuration(
                "<connectionStrings><add name=\"A\" connectionString=\"1\"/><remove name=\"a\"/><add name=\"B\" connectionString=\"2\"/>" +
                "<add name=\"X\" connectionString=\"x\"/><remove name=\"X\"></remove><clear/><add name=\"C\" connectionString=\"3\"/></connectionStrings>" +
                "<appSettings><add key=\"K\" value=\"k\"/><add key=\"L\" value=\"l\"/><remove key=\"k\"/></appSettings>");

            Assert.Equal(new[] { "C=3", "L=l" }, Read(xml).Entries.Select(e => e.Name + "=" + e.Text));
        }

        [Fact]
        public void AConfigSourceFileWithTheSectionAsRootIsRead()
        {
            var xml = "<connectionStrings>\n  <add name=\"A\" connectionString=\"Host=a\" providerName=\"Npgsql\"/>\n</connectionStrings>";

            Assert.Equal("Host=a", Assert.Single(XmlConfigReader.Read(xml, "connections.config").Entries).Text);
        }

        [Theory]
        [InlineData("", 0)]                                                     // no root element
        [InlineData("  <!-- only a comment -->  ", 27)]
        [InlineData("<configuration>", 15)]                                     // unclosed element: the end
        [InlineData("<configuration><!-- open", 15)]                            // unterminated comment: its start
        [InlineData("<configuration><![CDATA[ open", 15)]
        [InlineData("<?xml version=\"1.0\"", 0)]
        [InlineData("<!DOCTYPE configuration [ <!ENTITY a \"b\"> ", 0)]
        [InlineData("<configuration></config>", 15)]                           // mismatched end tag
        [InlineData("</configuration>", 0)]
        [InlineData("<configuration></configuration", 15)]
        [InlineData("<configuration><1/></configuration>", 15)]
        [InlineData("<configuration>< a/></configuration>", 15)]
        [InlineData("<configuration a=\"x<y\"></configuration>", 19)]          // '<' inside an attribute value
        [InlineData("<configuration a=\"x/>", 17)]                             // unterminated attribute value: its quote
        [InlineData("<configuration a></configuration>", 16)]                  // attribute without a value
        [InlineData("<configuration a=x></configuration>", 17)]
        [InlineData("<configuration a=\"x\"", 0)]                              // unterminated tag: its start
        [InlineData("<configuration a=\"x\" / ></configuration>", 21)]
        public void MalformedXmlReportsWhereReadingStopped(string xml, int errorPosition)
        {
            Assert.Equal(errorPosition, Read(xml).ErrorPosition);
        }

        [Theory]
        [InlineData("a&b")]                  // '&' without a reference
        [InlineData("a&amp")]
        [InlineData("a&;")]
        [InlineData("a&#;")]
        [InlineData("a&#x;")]
        [InlineData("a&#12a;")]
        [InlineData("a&#xZZ;")]
        [InlineData("a&#xD800;")]             // a surrogate is not a character
        [InlineData("a&#x110000;")]
        [InlineData("a&#99999999999999;")]
        [InlineData("a&1x;")]
        [InlineData("a&#X41;")]               // only a lower-case x introduces hex
        public void MalformedReferenceInAnEntryStopsReadingAtItsAmpersand(string value)
        {
            var xml = Configuration("<appSettings><add key=\"ok\" value=\"Host=ok\"/><add key=\"K\" value=\"" + value + "\"/></appSettings>");
            var doc = Read(xml);

            Assert.Equal(xml.IndexOf("a&", StringComparison.Ordinal) + 1, doc.ErrorPosition);
            Assert.Equal("ok", Assert.Single(doc.Entries).Name);
        }

        [Fact]
        public void MalformedReferenceInANameOrProviderStopsReadingToo()
        {
            var xml = Configuration("<connectionStrings><add name=\"A\" connectionString=\"Host=a\" providerName=\"N&pgsql\"/></connectionStrings>");
            var doc = Read(xml);

            Assert.Equal(xml.IndexOf("N&", StringComparison.Ordinal) + 1, doc.ErrorPosition);
            Assert.Empty(doc.Entries);
        }

        [Fact]
        public void EntriesReadBeforeAnErrorAreKept()
        {
            var xml = "<configuration><connectionStrings><add name=\"A\" connectionString=\"Host=a\"/><add name=\"B\" connectionString=\"Host=b";
            var doc = Read(xml);

            Assert.Equal(xml.LastIndexOf('"'), doc.ErrorPosition);
            Assert.Equal("A", Assert.Single(doc.Entries).Name);
        }

        [Fact]
        public void LocatedValueIsBuiltOnceAndCached()
        {
            var entry = Assert.Single(Read(Configuration("<appSettings><add key=\"k\" value=\"x=1\"/></appSettings>")).Entries);

            Assert.Same(entry.Value, entry.Value);
        }
    }
}
