using System.Linq;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    /// <summary>Spans, settings and holes. Plain-text behaviour is also covered against Npgsql in <see cref="ParserParityTests"/>.</summary>
    public class ConnectionStringParserTests
    {
        private const char Hole = LocatedText.HoleChar;

        [Fact]
        public void SettingsCarryExactSpans()
        {
            //                                            0         1         2         3
            //                                            0123456789012345678901234567890123
            var parsed = ConnectionStringParser.Parse("Host = db ; Password='p;w' ;Port=");
            Assert.False(parsed.HasSyntaxError);
            Assert.Equal(3, parsed.Settings.Length);

            var host = parsed.Settings[0];
            Assert.Equal(("Host", "db", QuoteKind.None), (host.Key, host.Value, host.Quote));
            Assert.Same(NpgsqlKeywords.Host, host.Keyword);
            Assert.Equal((new TextSpan(0, 4), new TextSpan(7, 2), new TextSpan(0, 11)), (host.KeySpan, host.ValueSpan, host.SegmentSpan));
            Assert.Equal(new TextSpan(0, 9), host.SettingSpan);

            var password = parsed.Settings[1];
            Assert.Equal(("Password", "p;w", QuoteKind.Single), (password.Key, password.Value, password.Quote));
            Assert.Equal((new TextSpan(12, 8), new TextSpan(21, 5), new TextSpan(11, 17)), (password.KeySpan, password.ValueSpan, password.SegmentSpan));

            var port = parsed.Settings[2];
            Assert.Equal(("Port", (string?)null), (port.Key, port.Value));
            Assert.Equal((new TextSpan(28, 4), new TextSpan(33, 0), new TextSpan(28, 5)), (port.KeySpan, port.ValueSpan, port.SegmentSpan));
            Assert.True(parsed.GetEffective(NpgsqlKeywords.Port).IsAbsent);
            Assert.Equal("db", parsed.GetEffective(NpgsqlKeywords.Host).Text);
        }

        [Fact]
        public void EmptyValueSpanSitsAfterTheWhiteSpace()
        {
            var setting = Assert.Single(ConnectionStringParser.Parse("Password=  ;").Settings);
            Assert.Null(setting.Value);
            Assert.Equal(new TextSpan(11, 0), setting.ValueSpan);
            Assert.Equal(new TextSpan(0, 12), setting.SegmentSpan);
        }

        [Fact]
        public void QuotedValuesAreUnescapedAndEmptyQuotesAreEmptyStrings()
        {
            var parsed = ConnectionStringParser.Parse("Password=\"say \"\"hi\"\"\";Options='';Host=it''s");
            Assert.Equal(new[] { "say \"hi\"", string.Empty, "it''s" }, parsed.Settings.Select(s => s.Value));
            Assert.Equal(new[] { QuoteKind.Double, QuoteKind.Single, QuoteKind.None }, parsed.Settings.Select(s => s.Quote));
            Assert.Equal(new TextSpan(9, 12), parsed.Settings[0].ValueSpan);
        }

        [Fact]
        public void DoubledEqualsInAKeyIsALiteralEquals()
        {
            var setting = Assert.Single(ConnectionStringParser.Parse("Pass==word=x").Settings);
            Assert.Equal(("Pass=word", "x", new TextSpan(0, 10)), (setting.Key, setting.Value, setting.KeySpan));
            Assert.Null(setting.Keyword);
        }

        [Fact]
        public void ConversionErrorsNameTheProblem()
        {
            var parsed = ConnectionStringParser.Parse("Port=abc;SSL Mode=verify-full;Pooling=yes;Password=yes;Foo=1");
            Assert.Equal(
                new[] { "expected an integer", "expected one of Disable, Allow, Prefer, Require, VerifyCA, VerifyFull", "expected true or false", null, null },
                parsed.Settings.Select(s => s.ConversionError));
            Assert.Null(parsed.Settings[4].Keyword);
        }

        [Theory]
        [InlineData("Host=h;Port", 7)]
        [InlineData("Host=h;Password='x", 7)]
        [InlineData("Host=h;Password=x'", 7)]
        [InlineData("Host=h\u0001", 6)]
        [InlineData("=x", 0)]
        public void SyntaxErrorsKeepThePairsBefore(string text, int index)
        {
            var parsed = ConnectionStringParser.Parse(text);
            Assert.Equal(index, parsed.SyntaxErrorIndex);
            Assert.Equal(text.StartsWith("Host", System.StringComparison.Ordinal) ? 1 : 0, parsed.Settings.Length);
        }

        [Fact]
        public void HoleStandingForABaseStringEndsAtTheSemicolon()
        {
            var parsed = ConnectionStringParser.Parse(Located("{baseConnectionString};Pooling=false"));
            Assert.False(parsed.HasSyntaxError);
            Assert.Equal(2, parsed.Settings.Length);
            var opaque = parsed.Settings[0];
            Assert.True(opaque.KeyHasHole);
            Assert.Null(opaque.Keyword);
            Assert.Null(opaque.Value);
            Assert.Equal((Hole.ToString(), new TextSpan(0, 1), new TextSpan(1, 0), new TextSpan(0, 2)), (opaque.Key, opaque.KeySpan, opaque.ValueSpan, opaque.SegmentSpan));
            Assert.Same(NpgsqlKeywords.Pooling, parsed.Settings[1].Keyword);
            Assert.Equal(new TextSpan(2, 13), parsed.Settings[1].SegmentSpan);
            Assert.True(parsed.HasOpaqueHole);
            Assert.True(parsed.GetEffective(NpgsqlKeywords.Pooling).IsKnown);
            Assert.Equal(ValueState.Unknown, parsed.GetEffective(NpgsqlKeywords.Host).State);
        }

        [Fact]
        public void HoleAfterSettingsMakesThemUnknown()
        {
            var parsed = ConnectionStringParser.Parse(Located("Pooling=false;{extra}"));
            Assert.Equal(2, parsed.Settings.Length);
            Assert.True(parsed.Settings[1].KeyHasHole);
            Assert.Equal(new TextSpan(14, 1), parsed.Settings[1].SegmentSpan);
            Assert.Equal(ValueState.Unknown, parsed.GetEffective(NpgsqlKeywords.Pooling).State);
        }

        [Fact]
        public void HolesInValuesAreKeptAndNeverConverted()
        {
            var parsed = ConnectionStringParser.Parse(Located("Host={h};Port=5{p};Password='{pwd}';SSL Mode={mode}"));
            Assert.False(parsed.HasSyntaxError);
            Assert.All(parsed.Settings, s => Assert.True(s.ValueHasHole));
            Assert.All(parsed.Settings, s => Assert.False(s.KeyHasHole));
            Assert.All(parsed.Settings, s => Assert.Null(s.ConversionError));
            Assert.Equal(new[] { Hole.ToString(), "5" + Hole, Hole.ToString(), Hole.ToString() }, parsed.Settings.Select(s => s.Value));
            Assert.Equal(new TextSpan(5, 1), parsed.Settings[0].ValueSpan);
            Assert.Equal(new TextSpan(24, 3), parsed.Settings[2].ValueSpan);
            Assert.Equal(ValueState.Unknown, parsed.GetEffective(NpgsqlKeywords.SslMode).State);
        }

        [Fact]
        public void HoleInKeyWithValue()
        {
            var parsed = ConnectionStringParser.Parse(Located("{key}=v;Port=1"));
            var opaque = parsed.Settings[0];
            Assert.Equal((true, (NpgsqlKeyword?)null, "v", new TextSpan(0, 1), new TextSpan(2, 1)), (opaque.KeyHasHole, opaque.Keyword, opaque.Value, opaque.KeySpan, opaque.ValueSpan));
            Assert.Same(NpgsqlKeywords.Port, parsed.Settings[1].Keyword);
        }

        [Theory]
        [InlineData("Password='{p}")]
        [InlineData("Password='{p};Host=h")]
        [InlineData("Host=ab{x}'")]
        [InlineData("Host='a'{x}")]
        [InlineData("Ho{x}st")]
        [InlineData("{x}\u0001=1")]
        [InlineData("{k}=\u0001")]
        [InlineData("Host=h\0{x}")]
        [InlineData("Host='h'\0 {x}")]
        [InlineData("{a}{b}")]
        [InlineData("{k}='a'b;Port=1")]
        public void HolesNeverCauseSyntaxErrors(string template)
        {
            var parsed = ConnectionStringParser.Parse(Located(template));
            Assert.False(parsed.HasSyntaxError);
            Assert.Contains(parsed.Settings, s => s.KeyHasHole || s.ValueHasHole);
            Assert.All(parsed.Settings, s => Assert.Null(s.ConversionError));
        }

        [Fact]
        public void RecoveredValueRunsToTheNextSemicolon()
        {
            var parsed = ConnectionStringParser.Parse(Located("Password='x'{y} ;Port=1"));
            Assert.Equal(2, parsed.Settings.Length);
            var password = parsed.Settings[0];
            Assert.Equal(("'x'" + Hole, true, QuoteKind.Single, new TextSpan(9, 4), new TextSpan(0, 15)), (password.Value, password.ValueHasHole, password.Quote, password.ValueSpan, password.SegmentSpan));
            Assert.Equal("1", parsed.Settings[1].Value);
        }

        [Fact]
        public void ErrorsAwayFromHolesAreStillReported()
        {
            // Indexes are into the located text, where the hole is one character: "Host=\uFFFF;Port".
            Assert.Equal(7, ConnectionStringParser.Parse(Located("Host={h};Port")).SyntaxErrorIndex);
            Assert.Equal(7, ConnectionStringParser.Parse(Located("Host={h};Password=x'")).SyntaxErrorIndex);
            Assert.Equal("expected an integer", ConnectionStringParser.Parse(Located("Host={h};Port=x")).Settings[1].ConversionError);
        }

        [Fact]
        public void HoleCharWrittenInTheTextIsNotAHole()
        {
            var setting = Assert.Single(ConnectionStringParser.Parse("Host=\uFFFF;").Settings);
            Assert.False(setting.ValueHasHole);
            Assert.Equal("\uFFFF", setting.Value);
        }

        [Fact]
        public void SpansMapBackToTheSource()
        {
            // "Host=" from one literal, the hole from the expression at source 20..30, ";Port=1" from another literal.
            var builder = new LocatedTextBuilder();
            builder.AppendVerbatim("Host=", "file.cs", 100);
            builder.AppendHole("file.cs", 120, 130);
            builder.AppendVerbatim(";Port=1", "file.cs", 140);
            var parsed = ConnectionStringParser.Parse(builder.ToLocatedText());
            var host = parsed.Settings[0];
            Assert.Equal(new TextSpan(120, 10), parsed.Text!.Map(host.ValueSpan.Start, host.ValueSpan.Length).Span);
            var port = parsed.Settings[1];
            Assert.Equal(new TextSpan(141, 6), parsed.Text.Map(port.SettingSpan.Start, port.SettingSpan.Length).Span);
        }

        /// <summary>Text where each <c>{name}</c> is one hole; every character maps to its own position in the template.</summary>
        internal static LocatedText Located(string template)
        {
            var builder = new LocatedTextBuilder();
            for (var i = 0; i < template.Length; i++)
            {
                if (template[i] == '{')
                {
                    var close = template.IndexOf('}', i);
                    builder.AppendHole("template", i, close + 1);
                    i = close;
                }
                else
                {
                    builder.Append(template[i], "template", i, i + 1);
                }
            }

            return builder.ToLocatedText();
        }
    }
}
