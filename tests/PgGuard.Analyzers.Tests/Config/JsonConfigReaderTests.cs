using System.Linq;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Config;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Tests.Config
{
    public class JsonConfigReaderTests
    {
        private const string FilePath = "/src/App/appsettings.json";

        private static JsonConfigDocument Read(string json) => JsonConfigReader.Read(json, FilePath);

        /// <summary>The file text each decoded character of <paramref name="value"/> came from.</summary>
        private static string[] Origins(LocatedText value, string file)
        {
            return Enumerable.Range(0, value.Length).Select(i => file.Substring(value.SourceSpanAt(i).Start, value.SourceSpanAt(i).Length)).ToArray();
        }

        [Fact]
        public void ReadsConnectionStringWithPathAndExactSpan()
        {
            var json = "{\n  \"ConnectionStrings\": {\n    \"Default\": \"Host=db;SSL Mode=Disable\"\n  }\n}\n";
            var doc = Read(json);

            Assert.Null(doc.ErrorPosition);
            var value = Assert.Single(doc.Values);
            Assert.Equal("ConnectionStrings:Default", value.Path);
            Assert.Equal("Default", value.Key);
            Assert.Equal("Host=db;SSL Mode=Disable", value.Text);
            Assert.Equal(FilePath, value.FilePath);
            var start = json.IndexOf("Host=", System.StringComparison.Ordinal);
            Assert.Equal(new TextSpan(start, 24), value.ContentSpan);

            var located = value.Value;
            Assert.Equal("Host=db;SSL Mode=Disable", located.Text);
            Assert.Equal(FilePath, Assert.Single(located.Sources));
            Assert.False(located.HasHoles);
            var ssl = located.Text.IndexOf("SSL Mode=Disable", System.StringComparison.Ordinal);
            var (source, span) = located.Map(ssl, 16);
            Assert.Equal(FilePath, source);
            Assert.Equal("SSL Mode=Disable", json.Substring(span.Start, span.Length));
        }

        [Fact]
        public void DecodesEveryEscapeAndMapsItToAllItsCharacters()
        {
            var json = "{\"A\":\"\\u0053x\\\\\\\"\\/\\b\\f\\n\\r\\t\\u00e9\\u00C9\"}";
            var value = Assert.Single(Read(json).Values);

            Assert.Equal("Sx\\\"/\b\f\n\r\t\u00e9\u00c9", value.Text);
            Assert.Equal(value.Text, value.Value.Text);
            Assert.Equal(
                new[] { "\\u0053", "x", "\\\\", "\\\"", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u00C9" },
                Origins(value.Value, json));
        }

        [Fact]
        public void EscapedSurrogatePairIsTwoCharactersOfSixSourceCharactersEach()
        {
            var json = "{\"A\":\"\\ud83d\\uDE00!\"}";
            var value = Assert.Single(Read(json).Values);

            Assert.Equal("\U0001F600!", value.Text);
            Assert.Equal(new[] { "\\ud83d", "\\uDE00", "!" }, Origins(value.Value, json));
        }

        [Fact]
        public void RawNonAsciiCharactersMapOneToOne()
        {
            var json = "{\"A\":\"\U0001F600é\"}";
            var value = Assert.Single(Read(json).Values);

            Assert.Equal("\U0001F600é", value.Text);
            Assert.Equal(new TextSpan(6, 3), value.ContentSpan);
            Assert.Equal(new[] { 6, 7, 8 }, Enumerable.Range(0, 3).Select(i => value.Value.SourceSpanAt(i).Start));
        }

        [Fact]
        public void MapsASettingWrittenWithEscapesBackToTheEscapedText()
        {
            var json = "{\"ConnectionStrings\":{\"Db\":\"Host=a;\\u0053SL Mode=Disable\"}}";
            var located = Assert.Single(Read(json).Values).Value;

            var (_, span) = located.Map(located.Text.IndexOf("SSL", System.StringComparison.Ordinal), "SSL Mode=Disable".Length);

            Assert.Equal("\\u0053SL Mode=Disable", json.Substring(span.Start, span.Length));
        }

        [Fact]
        public void PositionsCountTheByteOrderMarkAndCrLfLineBreaks()
        {
            var json = "\uFEFF{\r\n  \"A\": \"one\",\r\n  \"B\": \"two\"\r\n}\r\n";
            var doc = Read(json);

            Assert.Null(doc.ErrorPosition);
            Assert.Equal(new[] { "A", "B" }, doc.Values.Select(v => v.Path));
            Assert.Equal(json.IndexOf("one", System.StringComparison.Ordinal), doc.Values[0].ContentSpan.Start);
            Assert.Equal(json.IndexOf("two", System.StringComparison.Ordinal), doc.Values[1].Value.SourceSpanAt(0).Start);
        }

        [Fact]
        public void SkipsLineAndBlockCommentsEverywhereBetweenTokens()
        {
            var json = "// {\"X\":\"line\"}\n" +
                       "/* \"Y\": \"block\" */ { // after brace\n" +
                       "  \"A\" /* k */ : /* v */ \"a=1\" /* after */ , // next\n" +
                       "  /* \"Z\": \"no\" */ \"B\": [ /* c */ \"b=1\" /* c */ ] // end\n" +
                       "} // trailing comment\n/* and a block */";
            var doc = Read(json);

            Assert.Null(doc.ErrorPosition);
            Assert.Equal(new[] { "A=a=1", "B:0=b=1" }, doc.Values.Select(v => v.Path + "=" + v.Text));
            Assert.Equal(json.IndexOf("a=1", System.StringComparison.Ordinal), doc.Values[0].ContentSpan.Start);
        }

        [Fact]
        public void CommentMarkersInsideStringsAreText()
        {
            var json = "{\"A\":\"Host=h;/* not a comment */ // nor this\"}";

            Assert.Equal("Host=h;/* not a comment */ // nor this", Assert.Single(Read(json).Values).Text);
        }

        [Fact]
        public void AcceptsTrailingCommasInObjectsAndArrays()
        {
            var doc = Read("{\"A\":{\"B\":\"x\",},\"C\":[\"y\",],}");

            Assert.Null(doc.ErrorPosition);
            Assert.Equal(new[] { "A:B", "C:0" }, doc.Values.Select(v => v.Path));
        }

        [Fact]
        public void PathsJoinNestedSectionsAndArrayIndexesWithColons()
        {
            var json = "{\"A\":{\"B\":{\"C\":\"1\"}},\"L\":[\"x\",7,{\"K\":\"y\"},[\"z\"],true,null,\"w\"]}";
            var doc = Read(json);

            Assert.Null(doc.ErrorPosition);
            Assert.Equal(
                new[] { "A:B:C=1", "L:0=x", "L:2:K=y", "L:3:0=z", "L:6=w" },
                doc.Values.Select(v => v.Path + "=" + v.Text));
            Assert.Equal("0", doc.Values[1].Key);
        }

        [Fact]
        public void KeysAreDecodedAndMayBeEmpty()
        {
            // Verified with M.E.Configuration.Json: {"":"x","B":{"":"y"}} gives the keys "" and "B:".
            var doc = Read("{\"Conn\\u0065ctionStrings\":{\"A\":\"1\"},\"\":\"x\",\"B\":{\"\":\"y\"}}");

            Assert.Equal(new[] { "ConnectionStrings:A", "", "B:" }, doc.Values.Select(v => v.Path));
        }

        [Fact]
        public void NumbersBooleansAndNullAreNotStringValues()
        {
            var doc = Read("{\"A\":-1.5e+3,\"B\":0,\"C\":true,\"D\":false,\"E\":null,\"F\":\"s\"}");

            Assert.Null(doc.ErrorPosition);
            Assert.Equal("F", Assert.Single(doc.Values).Path);
        }

        [Fact]
        public void DuplicateKeyLastValueWins()
        {
            var json = "{\"A\":\"first\",\"B\":\"b\",\"A\":\"second\"}";
            var doc = Read(json);

            Assert.Equal(new[] { "B=b", "A=second" }, doc.Values.Select(v => v.Path + "=" + v.Text));
            Assert.Equal(json.IndexOf("second", System.StringComparison.Ordinal), doc.Values[1].ContentSpan.Start);
        }

        [Fact]
        public void DuplicateKeysCompareCaseInsensitivelyAndKeepTheFirstSpelling()
        {
            var doc = Read("{\"ConnectionStrings\":{\"Db\":\"one\"},\"connectionstrings\":{\"DB\":\"two\"}}");

            var value = Assert.Single(doc.Values);
            Assert.Equal("ConnectionStrings:Db", value.Path);
            Assert.Equal("two", value.Text);
        }

        [Theory]
        [InlineData("{\"A\":\"s\",\"A\":1}")]
        [InlineData("{\"A\":\"s\",\"A\":null}")]
        [InlineData("{\"A\":\"s\",\"A\":{}}")]
        [InlineData("{\"A\":\"s\",\"A\":[]}")]
        [InlineData("{\"L\":[\"s\"],\"L\":[false]}")]
        public void ALaterValueOfAnotherKindReplacesAString(string json)
        {
            var doc = Read(json);

            Assert.Null(doc.ErrorPosition);
            Assert.Empty(doc.Values);
        }

        [Fact]
        public void ALaterSectionOfTheSameNameKeepsTheStringAndMergesKeys()
        {
            // M.E.Configuration keeps both "A" and "A:B" (and merges "A:x" with "A:y").
            var doc = Read("{\"A\":\"s\",\"A\":{\"B\":\"t\"},\"S\":{\"x\":\"1\"},\"S\":{\"y\":\"2\"}}");

            Assert.Equal(new[] { "A=s", "A:B=t", "S:x=1", "S:y=2" }, doc.Values.Select(v => v.Path + "=" + v.Text));
        }

        [Fact]
        public void EmptyStringIsAValueWithAnEmptySpan()
        {
            var json = "{\"A\":\"\"}";
            var value = Assert.Single(Read(json).Values);

            Assert.Equal(string.Empty, value.Text);
            Assert.Equal(new TextSpan(6, 0), value.ContentSpan);
            Assert.Equal(0, value.Value.Length);
        }

        [Theory]
        [InlineData("", 0)]
        [InlineData("   \r\n", 5)]
        [InlineData("// only a comment\n", 18)]
        [InlineData("[\"x\"]", 0)]                          // the root must be an object (M.E.Configuration)
        [InlineData("\"x\"", 0)]
        [InlineData("{\"A\":\"x\"} x", 10)]                 // content after the root object
        [InlineData("{\"A\":\"x\"}{}", 9)]
        [InlineData("{,}", 1)]
        [InlineData("{\"A\":\"x\",,}", 9)]
        [InlineData("[1,,]", 0)]
        [InlineData("{\"A\":[1,,2]}", 8)]
        [InlineData("{\"A\" \"x\"}", 5)]                    // missing colon
        [InlineData("{\"A\":\"x\" \"B\":\"y\"}", 9)]           // missing comma
        [InlineData("{\"A\":}", 5)]
        [InlineData("{\"A\":\"x\"]", 8)]                    // wrong closer
        [InlineData("{\"A\":[\"x\"}", 9)]
        [InlineData("{A:\"x\"}", 1)]                        // unquoted key
        [InlineData("{'A':\"x\"}", 1)]                      // single quotes
        [InlineData("{\"A\":'x'}", 5)]
        [InlineData("{\"A\":01}", 6)]                       // leading zero
        [InlineData("{\"A\":1.}", 7)]
        [InlineData("{\"A\":1e}", 7)]
        [InlineData("{\"A\":-}", 5)]
        [InlineData("{\"A\":+1}", 5)]
        [InlineData("{\"A\":tru}", 5)]
        [InlineData("{\"A\":truex}", 9)]
        [InlineData("{\"A\":NaN}", 5)]
        [InlineData("{\"A\":\"x\ty\"}", 7)]                 // raw control character in a string
        [InlineData("{\"A\":\"x\ny\"}", 7)]
        [InlineData("{\"A\":\"x\\qy\"}", 7)]                // unknown escape
        [InlineData("{\"A\":\"x\\u12G4\"}", 7)]
        [InlineData("{\"A\":\"x\\u12\"}", 7)]
        [InlineData("{\"A\":\"x\\", 5)]                     // unterminated string: its opening quote
        [InlineData("{\"A\":\"x", 5)]
        [InlineData("{\"A", 1)]
        [InlineData("{\"A\":\"x\" /* open", 9)]              // unterminated comment: its start
        [InlineData("{\"A\":\"x\" / ", 9)]
        [InlineData("{\"A\":\"x\"", 8)]                      // unexpected end
        [InlineData("{\"A\":", 5)]
        [InlineData("{\"A\":\"x\"}\uFEFF", 9)]               // a byte order mark is only skipped at the start
        public void InvalidJsonReportsWhereReadingStopped(string json, int errorPosition)
        {
            Assert.Equal(errorPosition, Read(json).ErrorPosition);
        }

        [Fact]
        public void ValuesReadBeforeAnErrorAreKept()
        {
            var json = "{\"ConnectionStrings\":{\"A\":\"Host=a\",\"B\":[\"x\",\"y\" \"z\"]}}";
            var doc = Read(json);

            Assert.Equal(json.IndexOf("\"z\"", System.StringComparison.Ordinal), doc.ErrorPosition);
            Assert.Equal(new[] { "ConnectionStrings:A", "ConnectionStrings:B:0", "ConnectionStrings:B:1" }, doc.Values.Select(v => v.Path));
        }

        [Fact]
        public void NestingFollowsTheSixtyFourLevelLimitOfMicrosoftExtensionsConfiguration()
        {
            // Verified: 64 nested containers load, 65 fail ("Could not parse the JSON file").
            static string Nested(int depth) => "{" + string.Concat(Enumerable.Repeat("\"a\":{", depth - 1)) + "\"k\":\"v\"" + new string('}', depth);

            var ok = Read(Nested(64));
            Assert.Null(ok.ErrorPosition);
            Assert.Equal(string.Join(":", Enumerable.Repeat("a", 63)) + ":k", Assert.Single(ok.Values).Path);

            var tooDeep = Nested(65);
            var failed = Read(tooDeep);
            Assert.Equal(1 + (63 * 5) + 4, failed.ErrorPosition); // the 65th '{'
            Assert.Equal('{', tooDeep[failed.ErrorPosition!.Value]);
            Assert.Empty(failed.Values);
        }

        [Fact]
        public void LoneSurrogateEscapesAreKeptAsTheyAre()
        {
            // M.E.Configuration fails on these when it reads the value; a tolerant reader keeps the character.
            var value = Assert.Single(Read("{\"A\":\"\\ud800x\"}").Values);

            Assert.Equal("\ud800x", value.Text);
        }

        [Fact]
        public void LocatedValueIsBuiltOnceAndCached()
        {
            var value = Assert.Single(Read("{\"A\":\"x=1\"}").Values);

            Assert.Same(value.Value, value.Value);
        }
    }
}
