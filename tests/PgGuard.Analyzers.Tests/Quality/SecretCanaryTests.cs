using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Tests.Verifiers;

namespace PgGuard.Analyzers.Tests.Quality
{
    /// <summary>
    /// Distinctive passwords (<c>PgG-Canary-n</c>) planted everywhere a secret can appear — every C# literal kind,
    /// builders, interpolations, consts in another file, URIs, JSON, XML (entity-encoded too), SQL role passwords and
    /// user mappings — and in broken strings whose error messages might quote them. No diagnostic message, argument or
    /// property may contain one, while the password rules (PG0006, PG0105) still report each secret. The end-to-end
    /// test checks SARIF and build output for its own canary.
    /// </summary>
    public class SecretCanaryTests
    {
        private const string Secrets = @"
namespace Canary
{
    public static class Secrets
    {
        public const string Password = ""PgG-Canary-12"";
    }
}
";

        private const string Program = @"
using Npgsql;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Canary
{
    public static class Program
    {
        public static void Main(string host, string pw, NpgsqlConnection c, MigrationBuilder migrationBuilder)
        {
            using var c1 = new NpgsqlConnection(""Host=db.example.com;Username=app;Password=PgG-Canary-1;SSL Mode=VerifyFull;Maximum Pool Size=20"");
            using var c2 = new NpgsqlConnection(@""Host=db.example.com;Username=app;Password=PgG-Canary-2;SSL Mode=VerifyFull;Maximum Pool Size=20"");
            using var c3 = new NpgsqlConnection(""""""Host=db.example.com;Username=app;Password=PgG-Canary-3;SSL Mode=VerifyFull;Maximum Pool Size=20"""""");
            using var c4 = new NpgsqlConnection($""Host={host};Username=app;Password=PgG-Canary-4;SSL Mode=VerifyFull;Maximum Pool Size=20"");
            using var c5 = new NpgsqlConnection($$""""""
                Host=db.example.com;Username={{pw}};Password=PgG-Canary-5;SSL Mode=VerifyFull;Maximum Pool Size=20
                """""");
            using var c6 = new NpgsqlConnection(""Host=db.example.com;Username=app;Password=PgG\u002DCanary-6;SSL Mode=VerifyFull;Maximum Pool Size=20"");
            using var c7 = new NpgsqlConnection(""Host=db.example.com;Username=app;Password='PgG-Canary-7;x';SSL Mode=VerifyFull;Maximum Pool Size=20"");
            using var c8 = new NpgsqlConnection(""Host=db.example.com;Username=app;Password=\""PgG-Canary-8\"";SSL Mode=VerifyFull;Maximum Pool Size=20"");
            var b9 = new NpgsqlConnectionStringBuilder { Host = ""db.example.com"", Username = ""app"", Password = ""PgG-Canary-9"", SslMode = SslMode.VerifyFull, MaxPoolSize = 20 };
            var b10 = new NpgsqlConnectionStringBuilder(""Host=db.example.com;SSL Mode=VerifyFull"");
            b10.Password = ""PgG-Canary-10"";
            var b11 = new NpgsqlConnectionStringBuilder(""Host=db.example.com;SSL Mode=VerifyFull"");
            b11[""Password""] = ""PgG-Canary-11"";
            using var c12 = new NpgsqlConnection(""Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20;Password="" + Secrets.Password);
            using var c13 = new NpgsqlConnection(""Host=db.example.com;Username=app;Password="" + ""PgG-Canary-13"" + "";SSL Mode=VerifyFull;Maximum Pool Size=20"");
            var uri14 = ""postgres://app:PgG-Canary-14@db.example.com:5432/app?sslmode=verify-full"";
            using var c15 = new NpgsqlConnection(""Host=db.example.com;Username=app;SSL Mode=VerifyFull;SSL Password=PgG-Canary-15;Maximum Pool Size=20"");
            var shape16 = ""Host=db.example.com;Username=app;Password=PgG-Canary-16;SSL Mode=VerifyFull;Maximum Pool Size=20"";
            using var c17 = new NpgsqlConnection(""Host=db.example.com;Username=app;SSL Mode=VerifyFull;Password='PgG-Canary-17"");
            using var c18 = new NpgsqlConnection(""Host=db.example.com;Username=app;Pasword=PgG-Canary-18;SSL Mode=VerifyFull"");
            using var c19 = new NpgsqlConnection(""Host=db.example.com;Username=app;PgG-Canary-19;SSL Mode=VerifyFull"");
            using var c20 = new NpgsqlConnection(""host=db.example.com user=app password=PgG-Canary-20 sslmode=verify-full"");
            using var c21 = new NpgsqlConnection(""postgresql://app:PgG-Canary-21@db.example.com/app"");
            using var c22 = new NpgsqlConnection(""Host=db.example.com;Username=app;PWD=PgG-Canary-22;Password=PgG-Canary-23;SSL Mode=VerifyFull;Maximum Pool Size=20"");
            using var s56 = new NpgsqlCommand(""CREATE ROLE app LOGIN PASSWORD 'PgG-Canary-56'"", c);
            migrationBuilder.Sql(@""ALTER ROLE app WITH ENCRYPTED PASSWORD 'PgG-Canary-57';"");
            using var s58 = new NpgsqlCommand($""CREATE USER MAPPING FOR {host} SERVER remote OPTIONS (user 'app', password 'PgG-Canary-58')"", c);
        }
    }
}
";

        private const string AppSettings = @"{
  ""ConnectionStrings"": {
    ""Main"": ""Host=db.example.com;Username=app;Password=PgG-Canary-30;SSL Mode=VerifyFull;Maximum Pool Size=20"",
    ""Escaped"": ""Host=db.example.com;Username=app;Password=PgG\u002dCanary-31;SSL Mode=VerifyFull;Maximum Pool Size=20"",
    ""Uri"": ""postgres://app:PgG-Canary-32@db.example.com/app"",
    ""Broken"": ""Host=db.example.com;Username=app;SSL Mode=VerifyFull;Password='PgG-Canary-33""
  },
  ""Database"": { ""Connection"": ""Host=db.example.com;Username=app;Password=PgG-Canary-34;SSL Mode=VerifyFull;Maximum Pool Size=20"" }
}
";

        private const string WebConfig = @"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <connectionStrings>
    <add name=""Main"" connectionString=""Host=db.example.com;Username=app;Password=PgG-Canary-40;SSL Mode=VerifyFull;Maximum Pool Size=20"" providerName=""Npgsql"" />
    <add name=""Encoded"" connectionString=""Host=db.example.com;Username=app;Password=PgG&#45;Canary&#x2D;41;SSL Mode=VerifyFull;Maximum Pool Size=20"" providerName=""Npgsql"" />
    <add name=""Quoted"" connectionString=""Host=db.example.com;Username=app;Password=&quot;PgG-Canary-42&quot;;SSL Mode=VerifyFull;Maximum Pool Size=20"" providerName=""Npgsql"" />
  </connectionStrings>
  <appSettings>
    <add key=""Db"" value=""Host=db.example.com;Username=app;Password=PgG-Canary-43;SSL Mode=VerifyFull;Maximum Pool Size=20"" />
  </appSettings>
</configuration>
";

        private const string Script = @"CREATE ROLE app LOGIN PASSWORD 'PgG-Canary-50';
ALTER USER app WITH ENCRYPTED PASSWORD E'PgG-Canary-51';
ALTER ROLE app PASSWORD $pw$PgG-Canary-52$pw$;
CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'app', password 'PgG-Canary-53');
ALTER USER MAPPING FOR app SERVER remote OPTIONS (SET password 'PgG-Canary-54');
DO $$ BEGIN EXECUTE 'CREATE ROLE x LOGIN PASSWORD ''PgG-Canary-55'''; END $$;
CREATE ROLE y LOGIN PASSWORD 'PgG-Canary-59
";

        /// <summary>
        /// Each planted secret: file, its text in that file, and the rule that must report it (null where the string is
        /// broken and only must not leak). A report must overlap the secret's characters.
        /// </summary>
        private static readonly (string File, string Source, string? Id)[] Planted =
        {
            ("Program.cs", "PgG-Canary-1", "PG0006"),
            ("Program.cs", "PgG-Canary-2", "PG0006"),
            ("Program.cs", "PgG-Canary-3", "PG0006"),
            ("Program.cs", "PgG-Canary-4", "PG0006"),
            ("Program.cs", "PgG-Canary-5", "PG0006"),
            ("Program.cs", "PgG\\u002DCanary-6", "PG0006"),
            ("Program.cs", "'PgG-Canary-7;x'", "PG0006"),
            ("Program.cs", "\\\"PgG-Canary-8\\\"", "PG0006"),
            ("Program.cs", "PgG-Canary-9", "PG0006"),
            ("Program.cs", "PgG-Canary-10", "PG0006"),
            ("Program.cs", "PgG-Canary-11", "PG0006"),
            ("Secrets.cs", "PgG-Canary-12", "PG0006"),
            ("Program.cs", "PgG-Canary-13", "PG0006"),
            ("Program.cs", "PgG-Canary-14", "PG0006"),
            ("Program.cs", "PgG-Canary-15", "PG0006"),
            ("Program.cs", "PgG-Canary-16", "PG0006"),
            ("Program.cs", "PgG-Canary-17", null),
            ("Program.cs", "PgG-Canary-18", null),
            ("Program.cs", "PgG-Canary-19", null),
            ("Program.cs", "PgG-Canary-20", null),
            ("Program.cs", "PgG-Canary-21", null),
            ("Program.cs", "PgG-Canary-22", null), // overridden by the Password after it: the effective value is reported
            ("Program.cs", "PgG-Canary-23", "PG0006"),
            ("Program.cs", "PgG-Canary-56", "PG0105"),
            ("Program.cs", "PgG-Canary-57", "PG0105"),
            ("Program.cs", "PgG-Canary-58", "PG0105"),
            ("appsettings.json", "PgG-Canary-30", "PG0006"),
            ("appsettings.json", "PgG\\u002dCanary-31", "PG0006"),
            ("appsettings.json", "PgG-Canary-32", "PG0006"),
            ("appsettings.json", "PgG-Canary-33", null),
            ("appsettings.json", "PgG-Canary-34", "PG0006"),
            ("web.config", "PgG-Canary-40", "PG0006"),
            ("web.config", "PgG&#45;Canary&#x2D;41", "PG0006"),
            ("web.config", "&quot;PgG-Canary-42&quot;", "PG0006"),
            ("web.config", "PgG-Canary-43", "PG0006"),
            ("db/schema.sql", "PgG-Canary-50", "PG0105"),
            ("db/schema.sql", "PgG-Canary-51", "PG0105"),
            ("db/schema.sql", "PgG-Canary-52", "PG0105"),
            ("db/schema.sql", "PgG-Canary-53", "PG0105"),
            ("db/schema.sql", "PgG-Canary-54", "PG0105"),
            ("db/schema.sql", "PgG-Canary-55", "PG0105"),
            ("db/schema.sql", "PgG-Canary-59", null),
        };

        // Internal in Roslyn: the values a message is formatted from, which could carry a secret the format omits.
        private static readonly PropertyInfo? ArgumentsProperty = typeof(Diagnostic).GetProperty("Arguments", BindingFlags.Instance | BindingFlags.NonPublic);

        private static readonly Dictionary<string, string> Files = new Dictionary<string, string>
        {
            ["Program.cs"] = Program,
            ["Secrets.cs"] = Secrets,
            ["appsettings.json"] = AppSettings,
            ["web.config"] = WebConfig,
            ["db/schema.sql"] = Script,
        };

        private static IReadOnlyList<Diagnostic> Analyze() => AnalyzerRunner.Run(
            HostileRunner.Analyzers,
            Files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f.Key, f.Value)),
            Files.Where(f => !f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f.Key, f.Value)));

        [Fact]
        public void No_diagnostic_text_argument_or_property_contains_a_canary()
        {
            var diagnostics = Analyze();

            Assert.NotNull(ArgumentsProperty);
            var leaks = new List<string>();
            foreach (var diagnostic in diagnostics)
            {
                var texts = new List<string?>
                {
                    diagnostic.GetMessage(CultureInfo.InvariantCulture),
                    diagnostic.GetMessage(new CultureInfo("de-DE")),
                    diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture),
                    diagnostic.Descriptor.Description.ToString(CultureInfo.InvariantCulture),
                    diagnostic.Descriptor.HelpLinkUri,
                };
                texts.AddRange(diagnostic.Properties.Keys);
                texts.AddRange(diagnostic.Properties.Values);
                texts.AddRange(((IEnumerable)ArgumentsProperty!.GetValue(diagnostic)!).Cast<object?>().Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)));
                foreach (var text in texts)
                {
                    if (ContainsCanary(text))
                    {
                        leaks.Add(diagnostic.Id + " at " + diagnostic.Location.GetLineSpan() + ": " + text);
                    }
                }
            }

            Assert.True(leaks.Count == 0, "Secrets leaked:\n" + string.Join("\n", leaks));
        }

        [Fact]
        public void Every_planted_secret_is_reported_at_its_characters()
        {
            var diagnostics = Analyze();

            var missed = new List<string>();
            foreach (var (file, source, id) in Planted.Where(p => p.Id is not null))
            {
                var span = new TextSpan(IndexOfCanary(Files[file], source), source.Length);
                if (!diagnostics.Any(d => d.Id == id && d.Location.GetLineSpan().Path == file && d.Location.SourceSpan.OverlapsWith(span)))
                {
                    missed.Add(id + " for " + source + " in " + file);
                }
            }

            Assert.True(missed.Count == 0, "Not reported:\n" + string.Join("\n", missed) + "\nReported:\n" +
                string.Join("\n", diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan())));
        }

        [Fact]
        public void Every_canary_is_planted_once()
        {
            // The checks above rely on each canary being findable: every PgG-Canary in the inputs is listed, and vice versa.
            var planted = Planted.Select(p => Number(p.Source)).OrderBy(n => n).ToList();
            var inInputs = Files.Values
                .SelectMany(text => text.Split("PgG").Skip(1).Select(rest => Number("PgG" + rest.Substring(0, Math.Min(20, rest.Length)))))
                .OrderBy(n => n)
                .ToList();

            Assert.Equal(planted.Distinct(), planted);
            Assert.Equal(planted, inInputs);
        }

        /// <summary>Where <paramref name="source"/> occurs in <paramref name="text"/>, not followed by a digit (Canary-1 is not Canary-10).</summary>
        private static int IndexOfCanary(string text, string source)
        {
            var found = -1;
            for (var i = text.IndexOf(source, StringComparison.Ordinal); i >= 0; i = text.IndexOf(source, i + 1, StringComparison.Ordinal))
            {
                var end = i + source.Length;
                if (end < text.Length && char.IsDigit(text[end]))
                {
                    continue;
                }

                Assert.True(found < 0, source + " occurs twice");
                found = i;
            }

            Assert.True(found >= 0, source + " not found");
            return found;
        }

        private static bool ContainsCanary(string? text) =>
            text is not null && (text.Contains("Canary", StringComparison.OrdinalIgnoreCase) || text.Contains("PgG-", StringComparison.Ordinal) || text.Contains("PgG\\u", StringComparison.Ordinal));

        /// <summary>The n of a canary's source form, whatever encodes its '-' characters.</summary>
        private static int Number(string source)
        {
            var rest = source.Substring(source.IndexOf("Canary", StringComparison.Ordinal) + "Canary".Length);
            rest = rest.StartsWith('&') ? rest.Substring(rest.IndexOf(';') + 1) : rest.Substring(1);
            var digits = new string(rest.TakeWhile(char.IsDigit).ToArray());
            return int.Parse(digits, CultureInfo.InvariantCulture);
        }
    }
}
