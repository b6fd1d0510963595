using System;
using System.Linq;
using System.Text;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Tests.Verifiers;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>No analyzer exception on hostile C#: huge, deep, malformed or non-compiling code.</summary>
    public class RobustnessTests
    {
        private static void Run(string source) =>
            AnalyzerRunner.Run(new[] { new CSharpConnectionStringAnalyzer() }, new[] { ("Hostile.cs", source) });

        [Fact]
        public void Survives_a_one_megabyte_literal()
        {
            var big = string.Concat(Enumerable.Repeat("Host=db.example.com;SSL Mode=Disable;", 30_000));
            Run(Code.Connection("\"" + big + "\""));
        }

        [Fact]
        public void Survives_deeply_nested_concatenation()
        {
            var parts = string.Join(" + ", Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? "\"Host=db;\"" : "host"));
            Run(Code.Connection(parts));
        }

        [Theory]
        [InlineData("        using var c = new NpgsqlConnection(\"Host=db;SSL Mode=Disable);")]
        [InlineData("        using var c = new NpgsqlConnection(\"Host=db;\" + );")]
        [InlineData("        using var c = new NpgsqlConnection($\"Host={;SSL Mode=Disable\");")]
        [InlineData("        using var c = new NpgsqlConnection(@\"Host=db;Password='x\");")]
        [InlineData("        using var c = new NpgsqlConnection(\"\"\"\nHost=db\n  \"\"\");")]
        [InlineData("        var b = new NpgsqlConnectionStringBuilder { SslMode = , Host = };")]
        [InlineData("        var b = new NpgsqlConnectionStringBuilder(); b[null] = \"x\"; b[\"\"] = 3;")]
        [InlineData("        NpgsqlDataSource.Create(Undefined.Value + \"SSL Mode=Disable\");")]
        public void Survives_code_that_does_not_compile(string statement) => Run(Code.InMethod(statement));

        [Fact]
        public void Survives_cyclic_consts() => Run(Code.Connection("A", "    const string A = B + \"x=1\"; const string B = A;"));

        [Fact]
        public void Survives_random_connection_strings_in_a_sink()
        {
            var random = new Random(12345);
            const string alphabet = "=;'\" \t\\{}[]:,/@HostSLMdeabl0123\u0001\u00e9";
            var sb = new StringBuilder();
            for (var i = 0; i < 300; i++)
            {
                var length = random.Next(0, 60);
                var chars = new char[length];
                for (var j = 0; j < length; j++)
                {
                    chars[j] = alphabet[random.Next(alphabet.Length)];
                }

                var literal = new string(chars).Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");
                sb.AppendLine("        using var c" + i + " = new NpgsqlConnection($\"" + literal + "{host}\");");
            }

            Run(Code.InMethod(sb.ToString()));
        }
    }
}
