using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    /// <summary>The parser never throws, never hangs and keeps its spans consistent, whatever the input.</summary>
    public class ParserRobustnessTests
    {
        private static readonly string[] Seeds = SharedFiles.Vectors.GetProperty("vectors").EnumerateArray()
            .Select(v => v.GetProperty("connectionString").GetString()!)
            .Concat(OwnVectors.All.Values.Where(v => v.Length < 1000))
            .ToArray();

        [Fact]
        public void TwentyThousandRandomAndMutatedStrings()
        {
            var random = new Random(12345);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 20_000; i++)
            {
                var text = i % 2 == 0 ? RandomText(random) : Mutate(Seeds[random.Next(Seeds.Length)], random);
                var parsed = ConnectionStringParser.Parse(random.Next(3) == 0 ? WithHoles(text, random) : LocatedText.FromString(text));
                AssertConsistent(parsed);
            }

            // Typically well under a second; the bound only catches super-linear behaviour on a busy machine.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), watch.Elapsed.ToString());
        }

        [Theory]
        [InlineData("a")]
        [InlineData("=")]
        [InlineData("'")]
        [InlineData("''")]
        [InlineData("a=''")]
        [InlineData(";")]
        [InlineData("a=b;")]
        [InlineData("\0")]
        [InlineData("\uD800")]
        [InlineData("==")]
        [InlineData("a= ")]
        [InlineData("\u0001")]
        public void OneMegabyteOfOnePattern(string pattern)
        {
            var text = new StringBuilder().Insert(0, pattern, (1 << 20) / pattern.Length).ToString();
            var watch = Stopwatch.StartNew();
            AssertConsistent(ConnectionStringParser.Parse(text));
            AssertConsistent(ConnectionStringParser.Parse("Host=h;Password='" + text));
            AssertConsistent(ConnectionStringParser.Parse("SSL Mode=" + text.Replace(';', ',')));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        }

        [Fact]
        public void OneMegabyteOfHoles()
        {
            var builder = new LocatedTextBuilder();
            for (var i = 0; i < 1 << 18; i++)
            {
                builder.AppendHole("x", i, i + 1);
                builder.Append(i % 3 == 0 ? ';' : i % 3 == 1 ? '=' : '\'', "x", i, i + 1);
            }

            AssertConsistent(ConnectionStringParser.Parse(builder.ToLocatedText()));
        }

        private static void AssertConsistent(ParsedConnectionString parsed)
        {
            var text = parsed.Text!;
            var previousEnd = 0;
            foreach (var setting in parsed.Settings)
            {
                Assert.Equal(previousEnd, setting.SegmentSpan.Start);
                Assert.True(setting.SegmentSpan.End <= text.Length);
                Assert.True(setting.SegmentSpan.Length > 0);
                Assert.True(setting.SegmentSpan.Contains(setting.KeySpan));
                Assert.True(setting.ValueSpan.Start >= setting.KeySpan.End && setting.ValueSpan.End <= setting.SegmentSpan.End);
                Assert.True(setting.KeySpan.Length > 0);
                Assert.Equal(setting.KeyHasHole, text.ContainsHole(setting.KeySpan.Start, setting.KeySpan.Length));
                Assert.True(!setting.KeyHasHole || setting.Keyword is null);
                Assert.True(setting.ConversionError is null || (setting.Keyword is not null && !setting.ValueHasHole));
                previousEnd = setting.SegmentSpan.End;
            }

            if (parsed.SyntaxErrorIndex is { } index)
            {
                Assert.InRange(index, previousEnd, text.Length - 1);
            }
        }

        private const string Special = "=;'\" \t\0\u0001\u0085{},";
        private const string Letters = "HostPrtSLMdeqiu";
        private const string Edits = "=;'\"\0\u0001 ,:!";

        private static string RandomText(Random random)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(4) switch
                {
                    0 => Special[random.Next(Special.Length)],
                    1 => (char)random.Next(0x20, 0x7F),
                    2 => (char)random.Next(0, 0x10000),
                    _ => Letters[random.Next(Letters.Length)],
                };
            }

            return new string(chars);
        }

        private static string Mutate(string seed, Random random)
        {
            var text = new StringBuilder(seed);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length + 1);
                var c = Edits[random.Next(Edits.Length)];
                switch (random.Next(3))
                {
                    case 0:
                        text.Insert(at, c);
                        break;
                    case 1 when at < text.Length:
                        text.Remove(at, 1);
                        break;
                    default:
                        if (at < text.Length)
                        {
                            text[at] = c;
                        }

                        break;
                }
            }

            return text.ToString();
        }

        private static LocatedText WithHoles(string text, Random random)
        {
            var builder = new LocatedTextBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                if (random.Next(6) == 0)
                {
                    builder.AppendHole("t", i, i);
                }

                builder.Append(text[i], "t", i, i + 1);
            }

            return builder.ToLocatedText();
        }
    }
}
