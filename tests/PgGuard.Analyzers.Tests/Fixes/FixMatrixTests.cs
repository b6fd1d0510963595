using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyFix = PgGuard.Analyzers.Tests.Verifiers.CodeFixVerifier<PgGuard.Analyzers.Analyzers.CSharpConnectionStringAnalyzer, PgGuard.CodeFixes.ConnectionStringCodeFixProvider>;

namespace PgGuard.Analyzers.Tests.Fixes
{
    /// <summary>
    /// Every connection-string fix on every literal kind: the single fix, then Fix All in document, project and solution
    /// (the testing library runs all four), and the fixed code must compile with the rule silent.
    /// </summary>
    public class FixMatrixTests
    {
        /// <summary>(rule, text with markup, fixed text). The offending setting is never first, so a removal keeps to one literal.</summary>
        private static readonly (string Id, string Before, string After)[] Fixes =
        {
            ("PG0002", "Host=db;{|PG0002:SSL Mode=Disable|};Port=5432", "Host=db;SSL Mode=VerifyFull;Port=5432"),
            ("PG0003", "Host=db;{|PG0003:Trust Server Certificate=true|};Port=5432", "Host=db;Port=5432"),
            ("PG0004", "{|PG0004:Host=db.example.com|};Username=app", "Host=db.example.com;Username=app;SSL Mode=VerifyFull"),
            ("PG0007", "Host=db;{|PG0007:Pooling=false|};Port=5432", "Host=db;Port=5432"),
            ("PG0008", "Host=db.example.com;Username=app;{|PG0008:Maximum Pool Size=500|}", "Host=db.example.com;Username=app;Maximum Pool Size=100"),
            ("PG0009", "Host=db.example.com;{|PG0009:SSL Mode=Require|};Port=5432", "Host=db.example.com;SSL Mode=VerifyFull;Port=5432"),
            ("PG0010", "Host=db;{|PG0010:Include Error Detail=true|};Port=5432", "Host=db;Port=5432"),
            ("PG0011", "Host=db;{|PG0011:Max Pool Size|}=20", "Host=db;Maximum Pool Size=20"),
        };

        private static readonly string[] Kinds = { "regular", "verbatim", "raw", "raw-multiline", "interpolated", "concatenation", "const-in-another-file" };

        public static IEnumerable<object[]> Cases()
        {
            foreach (var (id, before, after) in Fixes)
            {
                foreach (var kind in Kinds)
                {
                    yield return new object[] { id, kind, before, after };
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public Task Fixes_every_literal_kind(string id, string kind, string before, string after)
        {
            const string Members = "    const string Suffix = \"\";";
            if (kind == "const-in-another-file")
            {
                var usage = Code.Connection("Settings.Main", Members);
                var test = VerifyFix.Create(usage, usage, new[] { id });
                test.TestState.Sources.Add(("Settings.cs", "static class Settings { public const string Main = \"" + before + "\"; }"));
                test.FixedState.Sources.Add(("Settings.cs", "static class Settings { public const string Main = \"" + after + "\"; }"));
                if (id == "PG0004")
                {
                    // A missing setting is known only where the whole string is used, so the finding comes from the sink in
                    // another file (non-local for Roslyn): the command line and Fix All apply it, the const's light bulb does not.
                    test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
                }

                return test.RunAsync();
            }

            return VerifyFix.VerifyAsync(Code.Connection(Literal(kind, before), Members), Code.Connection(Literal(kind, after), Members), new[] { id });
        }

        private static string Literal(string kind, string text) => kind switch
        {
            "regular" => "\"" + text + "\"",
            "verbatim" => "@\"" + text + "\"",
            "raw" => "\"\"\"" + text + "\"\"\"",
            "raw-multiline" => "\"\"\"\n            " + text + "\n            \"\"\"",

            // A constant hole is text too; the edit stays in the literal part before it.
            "interpolated" => "$\"" + text + "{Suffix}\"",

            // The offending setting sits in the second piece of a concatenation.
            _ => "\"Application Name=app;\" +\n            \"" + text + "\"",
        };
    }
}
