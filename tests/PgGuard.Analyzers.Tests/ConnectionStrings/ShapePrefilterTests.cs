using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    /// <summary>
    /// <see cref="ConnectionStringRecognition.MayHaveNpgsqlShape"/> lets the C# analyzer skip a string literal before
    /// building or parsing it. It may say yes too often, never no to a string whose parse has Npgsql's shape.
    /// </summary>
    public class ShapePrefilterTests
    {
        [Theory]
        [InlineData("Host=db;Username=app")]
        [InlineData("  host = db ; port = 5432")]
        [InlineData("Server=db;Database=app")]
        [InlineData("Password='a;b=c' ;Host=db")]
        [InlineData("Password=\"x\";SSL Mode=Disable")]
        [InlineData("ſerver=h;HOſT=i")]
        [InlineData("Host=h;\u212Aeepalive=5")]
        [InlineData("postgres://app:secret@db.example.com/app")]
        [InlineData("  POSTGRESQL://db")]
        public void SaysMaybeToConnectionStrings(string text) => Assert.True(ConnectionStringRecognition.MayHaveNpgsqlShape(text));

        [Theory]
        [InlineData("SELECT id, name FROM orders WHERE id = @id AND status <> 3")]
        [InlineData("UPDATE orders SET status = @status WHERE id = @id")]
        [InlineData("Processing order {OrderId} with status={Status}")]
        [InlineData("a == b")]
        [InlineData("user@example.com")]
        [InlineData("x=1;y=2")]
        [InlineData("Foo Host=db")]
        [InlineData("")]
        public void SaysNoToOtherStrings(string text) => Assert.False(ConnectionStringRecognition.MayHaveNpgsqlShape(text));

        [Fact]
        public void NeverSaysNoToAStringWithNpgsqlShape()
        {
            var texts = SharedFiles.Vectors.GetProperty("vectors").EnumerateArray().Select(v => v.GetProperty("connectionString").GetString()!)
                .Concat(OwnVectors.All.Values)
                .Concat(Generated(50_000))
                .ToList();

            var withShape = 0;
            var missed = new List<string>();
            foreach (var text in texts)
            {
                var model = ConnectionStringParser.Parse(text);
                if (!ConnectionStringRecognition.HasNpgsqlShape(model) && PostgresUri.Scheme(text) is null)
                {
                    continue;
                }

                withShape++;
                if (!ConnectionStringRecognition.MayHaveNpgsqlShape(text))
                {
                    missed.Add(Outcome.Escape(text));
                }
            }

            Assert.Empty(missed.Take(20));

            // The implication is only worth something if both sides occur often.
            Assert.True(withShape > 2_000, $"{withShape} strings with Npgsql's shape");
            Assert.True(texts.Count - withShape > 2_000, $"{texts.Count - withShape} strings without it");
        }

        [Fact]
        public void StaysLinearOnHostileText()
        {
            // Rescanning the leading white space or a long run for every '=' would take minutes here.
            var text = new string(' ', 200_000) + "x" + string.Concat(Enumerable.Repeat("=a", 100_000)) +
                       ";" + string.Concat(Enumerable.Repeat(" =", 100_000));
            var watch = Stopwatch.StartNew();
            Assert.False(ConnectionStringRecognition.MayHaveNpgsqlShape(text));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        }

        /// <summary>Random strings over the characters that matter to the grammar and to the prefilter.</summary>
        private static IEnumerable<string> Generated(int count)
        {
            var random = new Random(20261201);
            string[] atoms =
            {
                "Host", "host", "Port", "SSL Mode", "sslmode", "Pooling", "Password", "Server", "Database", "Foo", "Include Error Detail",
                "=", "==", ";", ";;", " ", "\t", "'", "''", "\"", "\"\"", "\0", "\u0085", "\u00A0", "a", "h", "1", "true", "Require",
                "@", "postgres://", " postgresql://", "ſ", "\u212A", "\uD800", "SELECT", "WHERE id", "@id",
            };
            for (var i = 0; i < count; i++)
            {
                var length = random.Next(1, 14);
                yield return string.Concat(Enumerable.Range(0, length).Select(_ => atoms[random.Next(atoms.Length)]));
            }
        }
    }
}
