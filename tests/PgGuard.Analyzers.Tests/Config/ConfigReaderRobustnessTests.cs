using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using PgGuard.Analyzers.Config;

namespace PgGuard.Analyzers.Tests.Config
{
    /// <summary>Hostile and broken input: the readers never throw, never hang, and keep only complete values.</summary>
    public class ConfigReaderRobustnessTests
    {
        private const int TenMegabytes = 10 * 1024 * 1024;

        // Generous: linear reading takes well under a second; a quadratic one would take hours.
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

        private const string SampleJson = "\uFEFF// comment\r\n{\r\n  \"ConnectionStrings\": {\r\n" +
            "    \"Default\": \"Host=db.example.com;Username=app;Password=s\\u0065cret;SSL Mode=Disable\", /* block */\r\n" +
            "    \"Nested\": { \"Inner\": \"Host=\\\"q\\\"\\\\x\\/y\" },\r\n  },\r\n" +
            "  \"List\": [ \"a=1\", 2, true, null, -1.5e3, { \"K\": \"b=2\" }, [ \"c=3\", ], ],\r\n" +
            "  \"Emoji\": \"\\ud83d\\ude00=\U0001F600\"\r\n}\r\n";

        private const string SampleXml = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!-- comment <add> -->\r\n" +
            "<!DOCTYPE configuration [ <!ENTITY e \"v\"> ]>\r\n<configuration>\r\n  <connectionStrings>\r\n" +
            "    <add name=\"Default\" connectionString=\"Host=db;Password=a&amp;b&#x41;&#65;&e;\" providerName=\"Npgsql\" />\r\n" +
            "    <add name = 'Other' connectionString = 'Data Source=x;\"q\"' ></add>\r\n    <![CDATA[ <add> ]]>\r\n  </connectionStrings>\r\n" +
            "  <appSettings><?pi ?><add key=\"Db\" value=\"Host=h\"/><remove key=\"none\"/></appSettings>\r\n</configuration>\r\n";

        [Fact]
        public void JsonTruncatedAtEveryPositionKeepsOnlyCompleteValues()
        {
            var full = JsonConfigReader.Read(SampleJson, "appsettings.json");
            Assert.Null(full.ErrorPosition);
            Assert.Equal(6, full.Values.Length);
            var rootEnd = SampleJson.LastIndexOf('}') + 1;

            for (var length = 0; length <= SampleJson.Length; length++)
            {
                var doc = JsonConfigReader.Read(SampleJson.Substring(0, length), "appsettings.json");

                Assert.Equal(length < rootEnd, doc.ErrorPosition.HasValue);
                Assert.InRange(doc.ErrorPosition ?? 0, 0, length);
                foreach (var value in doc.Values)
                {
                    Assert.Contains(full.Values, v => v.Path == value.Path && v.Text == value.Text && v.ContentSpan == value.ContentSpan);
                    Assert.Equal(value.Text, value.Value.Text);
                }
            }
        }

        [Fact]
        public void XmlTruncatedAtEveryPositionKeepsOnlyCompleteEntries()
        {
            var full = XmlConfigReader.Read(SampleXml, "web.config");
            Assert.Null(full.ErrorPosition);
            Assert.Equal(new[] { "Default", "Other", "Db" }, full.Entries.Select(e => e.Name));
            Assert.Equal("Host=db;Password=a&bAA\uFFFF", full.Entries[0].Text);
            var rootEnd = SampleXml.LastIndexOf('>') + 1;

            for (var length = 0; length <= SampleXml.Length; length++)
            {
                var doc = XmlConfigReader.Read(SampleXml.Substring(0, length), "web.config");

                Assert.Equal(length < rootEnd, doc.ErrorPosition.HasValue);
                Assert.InRange(doc.ErrorPosition ?? 0, 0, length);
                foreach (var entry in doc.Entries)
                {
                    Assert.Contains(full.Entries, e => e.Name == entry.Name && e.Text == entry.Text && e.ValueSpan == entry.ValueSpan);
                    Assert.Equal(entry.Text, entry.Value.Text);
                }
            }
        }

        [Fact]
        public void TenMegabytesOfJsonAreReadInLinearTime()
        {
            var builder = new StringBuilder("{\"ConnectionStrings\":{");
            var count = 0;
            while (builder.Length < TenMegabytes)
            {
                builder.Append("\"K").Append(count++).Append("\":\"Host=h\\u0041;Password=p\",// c\n");
            }

            builder.Append("}}");
            var stopwatch = Stopwatch.StartNew();
            var doc = JsonConfigReader.Read(builder.ToString(), "appsettings.json");
            var candidates = ConfigConnectionStringCandidates.Find(doc);

            Assert.Null(doc.ErrorPosition);
            Assert.Equal(count, doc.Values.Length);
            Assert.Equal(count, candidates.Length);
            Assert.True(stopwatch.Elapsed < Budget, stopwatch.Elapsed.ToString());
        }

        [Fact]
        public void TenMegabyteStringValueAndUnterminatedStringOrComment()
        {
            var big = new string('x', TenMegabytes);

            var value = Assert.Single(JsonConfigReader.Read("{\"A\":\"" + big + "\"}", "appsettings.json").Values);
            Assert.Equal(TenMegabytes, value.Text.Length);

            Assert.Equal(5, JsonConfigReader.Read("{\"A\":\"" + big, "appsettings.json").ErrorPosition);
            Assert.Equal(8, JsonConfigReader.Read("{\"A\":\"x\"/*" + big, "appsettings.json").ErrorPosition);
            Assert.Null(JsonConfigReader.Read("{\"A\":\"x\"}//" + big, "appsettings.json").ErrorPosition);
        }

        [Fact]
        public void HugeKeyAboveManyValuesDoesNotMultiplyTheirCost()
        {
            // Paths are built only when asked for: reading and picking candidates never copy the long key per value.
            var builder = new StringBuilder("{\"").Append('k', 2 * 1024 * 1024).Append("\":{");
            for (var i = 0; i < 200_000; i++)
            {
                builder.Append("\"").Append(i).Append("\":\"=\",");
            }

            builder.Append("}}");
            var stopwatch = Stopwatch.StartNew();
            var candidates = ConfigConnectionStringCandidates.Find("appsettings.json", builder.ToString());

            Assert.Equal(200_000, candidates.Length);
            Assert.True(stopwatch.Elapsed < Budget, stopwatch.Elapsed.ToString());
        }

        [Fact]
        public void TenMegabytesOfXmlAreReadInLinearTime()
        {
            var builder = new StringBuilder("<configuration><connectionStrings>");
            var count = 0;
            while (builder.Length < TenMegabytes)
            {
                builder.Append("<add name=\"K").Append(count++).Append("\" connectionString=\"Host=h&amp;;Password=p\"/><!-- c -->\n");
            }

            builder.Append("</connectionStrings></configuration>");
            var stopwatch = Stopwatch.StartNew();
            var doc = XmlConfigReader.Read(builder.ToString(), "web.config");
            var candidates = ConfigConnectionStringCandidates.Find(doc);

            Assert.Null(doc.ErrorPosition);
            Assert.Equal(count, doc.Entries.Length);
            Assert.Equal(count, candidates.Length);
            Assert.True(stopwatch.Elapsed < Budget, stopwatch.Elapsed.ToString());
        }

        [Fact]
        public void UnterminatedXmlConstructsOverTenMegabytes()
        {
            var big = new string('x', TenMegabytes);

            Assert.Equal(15, XmlConfigReader.Read("<configuration><!--" + big, "web.config").ErrorPosition);
            Assert.Equal(15, XmlConfigReader.Read("<configuration><![CDATA[" + big, "web.config").ErrorPosition);
            Assert.Equal(15, XmlConfigReader.Read("<configuration><?pi" + big, "web.config").ErrorPosition);
            Assert.Equal(17, XmlConfigReader.Read("<configuration a=\"" + big, "web.config").ErrorPosition);
            Assert.Equal(0, XmlConfigReader.Read("<!DOCTYPE [" + big, "web.config").ErrorPosition);
            Assert.Equal(TenMegabytes + 15, XmlConfigReader.Read("<configuration>" + big, "web.config").ErrorPosition);

            var entries = XmlConfigReader.Read("<appSettings><add key=\"k\" value=\"" + big + "&e;\"/></appSettings>", "app.config").Entries;
            Assert.Equal(TenMegabytes + 1, Assert.Single(entries).Text.Length);
        }

        [Fact]
        public void HundredThousandLevelsOfNesting()
        {
            const int Depth = 100_000;

            var objects = JsonConfigReader.Read("{" + string.Concat(Enumerable.Repeat("\"a\":{", Depth)), "appsettings.json");
            Assert.Equal(1 + (63 * 5) + 4, objects.ErrorPosition);

            var arrays = JsonConfigReader.Read("{\"a\":" + new string('[', Depth) + new string(']', Depth) + "}", "appsettings.json");
            Assert.Equal(5 + 63, arrays.ErrorPosition);

            var xml = string.Concat(Enumerable.Repeat("<a>", Depth)) + "<connectionStrings><add name=\"A\" connectionString=\"Host=deep\"/></connectionStrings>" +
                      string.Concat(Enumerable.Repeat("</a>", Depth));
            var deep = XmlConfigReader.Read(xml, "web.config");
            Assert.Null(deep.ErrorPosition);
            Assert.Equal("Host=deep", Assert.Single(deep.Entries).Text);

            Assert.Equal(3 * Depth, XmlConfigReader.Read(string.Concat(Enumerable.Repeat("<a>", Depth)), "web.config").ErrorPosition);
        }

        [Fact]
        public void RandomJunkNeverThrows()
        {
            var random = new Random(20240601);
            const string Alphabet = "{}[]:,\"\\/*uU0123456789abcdefnrt-+.eE \t\r\n<>!?&#;='xX\u0000\uFEFF\ud800\udc00";
            for (var round = 0; round < 2000; round++)
            {
                var chars = new char[random.Next(0, 200)];
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(Alphabet.Length)];
                }

                var text = new string(chars);
                Exercise(text);
                Exercise("{\"ConnectionStrings\":{\"A\":\"" + text);
                Exercise("<configuration><connectionStrings><add name=\"A\" connectionString=\"" + text);
            }
        }

        [Fact]
        public void TenMegabytesOfBinaryJunkNeverThrow()
        {
            var random = new Random(7);
            var bytes = new byte[TenMegabytes];
            random.NextBytes(bytes);

            // The same bytes as text through two decoders, and behind valid openings so the readers get past the first char.
            foreach (var text in new[] { Encoding.UTF8.GetString(bytes), Encoding.Latin1.GetString(bytes) })
            {
                Exercise(text);
                Exercise("{\"A\":" + text);
                Exercise("<configuration><connectionStrings>" + text.Replace('<', ' ').Replace('&', ' ') + "</connectionStrings></configuration>");
            }
        }

        /// <summary>Reads the text as both kinds of file and touches every result, which must not throw.</summary>
        private static void Exercise(string text)
        {
            var json = JsonConfigReader.Read(text, "appsettings.json");
            Assert.InRange(json.ErrorPosition ?? 0, 0, text.Length);
            foreach (var value in json.Values)
            {
                Assert.Equal(value.Text, value.Value.Text);
                _ = value.Path;
            }

            var xml = XmlConfigReader.Read(text, "web.config");
            Assert.InRange(xml.ErrorPosition ?? 0, 0, text.Length);
            foreach (var entry in xml.Entries)
            {
                Assert.Equal(entry.Text, entry.Value.Text);
            }

            foreach (var candidate in ConfigConnectionStringCandidates.Find(json).Concat(ConfigConnectionStringCandidates.Find(xml)))
            {
                _ = candidate.Name;
                _ = candidate.Provider;
            }
        }
    }
}
