using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    /// <summary>
    /// Our parser against Npgsql 10.0.3 itself: every vector of shared/npgsql/vectors.json and of <see cref="OwnVectors"/>
    /// is parsed by both, and acceptance, syntax error index, normalized values and tokenizer pairs must agree.
    /// </summary>
    public class ParserParityTests
    {
        /// <summary>Deliberate differences from Npgsql, by vector id, with the reason. None today.</summary>
        private static readonly IReadOnlyDictionary<string, string> KnownDifferences = new Dictionary<string, string>();

        public static IEnumerable<object[]> SharedVectorIds() =>
            SharedFiles.Vectors.GetProperty("vectors").EnumerateArray().Select(v => new object[] { v.GetProperty("id").GetString()! });

        public static IEnumerable<object[]> OwnVectorIds() => OwnVectors.All.Keys.Select(id => new object[] { id });

        [Fact]
        public void SharedVectorFileIsComplete()
        {
            Assert.Equal(SharedFiles.Vectors.GetProperty("count").GetInt32(), SharedVectorIds().Count());
            Assert.True(SharedVectorIds().Count() >= 285);
            Assert.True(OwnVectors.All.Count >= 80);
        }

        [Theory]
        [MemberData(nameof(SharedVectorIds))]
        public void SharedVectorMatchesRecordedResult(string id)
        {
            var vector = FindVector(id);
            var text = vector.GetProperty("connectionString").GetString()!;
            var parsed = ConnectionStringParser.Parse(text);
            var ours = Ours.Outcome(parsed);

            Assert.Equal(vector.GetProperty("parsesOk").GetBoolean(), ours.Accepted);
            if (ours.Accepted)
            {
                var expected = vector.GetProperty("normalized").EnumerateObject()
                    .ToDictionary(p => p.Name, p => JsonText(p.Value), StringComparer.Ordinal);
                Assert.Equal(Sorted(expected), Sorted(ours.Normalized!));
            }
            else
            {
                var message = vector.GetProperty("error").GetProperty("message").GetString()!;
                Assert.Equal(SyntaxIndexIn(message), parsed.SyntaxErrorIndex);
            }

            var rawPairs = vector.GetProperty("rawPairs");
            if (rawPairs.ValueKind == JsonValueKind.Array)
            {
                var expected = rawPairs.EnumerateArray().Select(p => new RawPair(
                    p.GetProperty("key").GetString()!,
                    p.GetProperty("value").ValueKind == JsonValueKind.Null ? null : p.GetProperty("value").GetString(),
                    p.GetProperty("segmentStart").GetInt32(),
                    p.GetProperty("segmentLength").GetInt32())).ToList();
                Assert.Equal(expected, Ours.RawPairs(parsed));
            }
            else
            {
                Assert.True(parsed.HasSyntaxError);
            }
        }

        [Theory]
        [MemberData(nameof(SharedVectorIds))]
        public void SharedVectorMatchesNpgsqlLive(string id) =>
            AssertMatchesLive(id, FindVector(id).GetProperty("connectionString").GetString()!);

        [Theory]
        [MemberData(nameof(OwnVectorIds))]
        public void OwnVectorMatchesNpgsqlLive(string id) => AssertMatchesLive(id, OwnVectors.All[id]);

        /// <summary>Random strings over the characters that matter to the grammar, checked against Npgsql live.</summary>
        [Fact]
        public void GeneratedStringsMatchNpgsqlLive()
        {
            var random = new Random(20251201);
            string[] atoms =
            {
                "Host", "host", "Port", "SSL Mode", "sslmode", "Pooling", "Password", "Foo", "Require Auth", "Target Session Attributes",
                "=", "==", ";", ";;", " ", "\t", "'", "''", "\"", "\"\"", "\0", "\u0001", "\u0085", "\u00A0", "a", "h", "1", "-1", "+3",
                "true", "False", "Require", "verify-full", "Allow,Prefer", "!MD5", "Password", "any", ",", "ſ", "\uD800", "{x}",
            };
            var mismatches = new List<string>();
            for (var i = 0; i < 5000; i++)
            {
                var length = random.Next(1, 12);
                var text = string.Concat(Enumerable.Range(0, length).Select(_ => atoms[random.Next(atoms.Length)]));
                var live = NpgsqlOracle.Parse(text);
                var ours = Ours.Parse(text);
                if (live.Describe() != ours.Describe())
                {
                    mismatches.Add(Outcome.Escape(text) + ": Npgsql " + live.Describe() + ", ours " + ours.Describe());
                }
                else if (live.Accepted && !NpgsqlOracle.Tokenize(text).Pairs!.SequenceEqual(Ours.RawPairs(ConnectionStringParser.Parse(text))))
                {
                    mismatches.Add(Outcome.Escape(text) + ": pairs differ");
                }
            }

            Assert.Empty(mismatches.Take(20));
        }

        private static void AssertMatchesLive(string id, string text)
        {
            if (KnownDifferences.ContainsKey(id))
            {
                return;
            }

            var parsed = ConnectionStringParser.Parse(text);
            var ours = Ours.Outcome(parsed);
            var live = NpgsqlOracle.Parse(text);
            Assert.Equal(live.Describe(), ours.Describe());
            if (live.Accepted)
            {
                Assert.Equal(Sorted(live.Normalized!), Sorted(ours.Normalized!));
            }

            // The tokenizer alone: the same pairs and segments, or the same syntax error index.
            var (pairs, errorIndex) = NpgsqlOracle.Tokenize(text);
            Assert.Equal(errorIndex, parsed.SyntaxErrorIndex);
            if (pairs is not null)
            {
                Assert.Equal(pairs, Ours.RawPairs(parsed));
            }
        }

        private static JsonElement FindVector(string id) =>
            SharedFiles.Vectors.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

        /// <summary>The text Convert.ToString gives for a recorded typed value (JSON true → "True").</summary>
        private static string JsonText(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Number => value.GetInt64().ToString(CultureInfo.InvariantCulture),
            _ => value.GetString()!,
        };

        private static int? SyntaxIndexIn(string message)
        {
            const string Prefix = "Format of the initialization string does not conform to specification starting at index ";
            return message.StartsWith(Prefix, StringComparison.Ordinal)
                ? int.Parse(message.Substring(Prefix.Length).TrimEnd('.'), CultureInfo.InvariantCulture)
                : null;
        }

        private static List<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> values) =>
            values.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
    }
}
