using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Config;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Sql;
using PgGuard.Analyzers.Tests.Verifiers;
using PgGuard.Analyzers.Text;
using Xunit.Abstractions;

namespace PgGuard.Analyzers.Tests.Quality
{
    /// <summary>
    /// The IDE cancels analysis on every keystroke: loops over large texts must notice. Each text loop is cancelled
    /// midway through megabytes of input; each analyzer is cancelled while it works on a large input and must stop with
    /// <see cref="OperationCanceledException"/> in a fraction of the time the whole input takes.
    /// </summary>
    public class CancellationTests
    {
        private const int Megabyte = 1024 * 1024;

        private readonly ITestOutputHelper _output;

        public CancellationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        // ---------------------------------------------------------------- text loops

        public static readonly TheoryData<string> Loops = new TheoryData<string> { "json", "xml", "candidates", "parser", "sql" };

        [Theory]
        [MemberData(nameof(Loops))]
        public void Text_loop_stops_when_cancelled_midway(string loop)
        {
            // Control: the same loop finishes a smaller input when nothing cancels it.
            Loop(loop, Megabyte)(CancellationToken.None);

            // Sixteen megabytes take far longer than a millisecond on any machine, so the token fires midway; a loop
            // that never looked at it would return normally.
            var run = Loop(loop, 16 * Megabyte);
            using var cancellation = new CancellationTokenSource();
            cancellation.CancelAfter(1);
            Assert.Throws<OperationCanceledException>(() => run(cancellation.Token));
        }

        private static Action<CancellationToken> Loop(string loop, int size)
        {
            switch (loop)
            {
                case "json":
                    var json = Json(size);
                    return token => JsonConfigReader.Read(json, "appsettings.json", token);
                case "xml":
                    var xml = Xml(size);
                    return token => XmlConfigReader.Read(xml, "web.config", token);
                case "candidates":
                    var file = Json(size);
                    return token => ConfigConnectionStringCandidates.Find("appsettings.json", file, token);
                case "parser":
                    var text = LocatedText.FromString(Repeat("Host=h;SSL Mode=Disable;", size / 24));
                    return token => ConnectionStringParser.Parse(text, token);
                default:
                    var sql = SqlText.FromString(Repeat("SELECT 'a;b' FROM t; ", size / 21));
                    return token => SqlStatements.Parse(sql, token).Count();
            }
        }

        // ---------------------------------------------------------------- analyzers

        /// <summary>Every analyzer (found by reflection) against every large input.</summary>
        public static TheoryData<string, string> AnalyzerInputs()
        {
            var data = new TheoryData<string, string>();
            foreach (var analyzer in HostileRunner.Analyzers)
            {
                foreach (var input in Inputs.Keys)
                {
                    data.Add(analyzer.GetType().Name, input);
                }
            }

            return data;
        }

        // Sixteen statements, one of them a finding: megabytes of SQL without a flood of diagnostics.
        private static readonly string SqlBlock = Repeat("SELECT 'a;b' FROM t WHERE c = $1; ", 15) + "CREATE ROLE r SUPERUSER; ";

        private static readonly Dictionary<string, (string Path, string Text)> Inputs = new Dictionary<string, (string Path, string Text)>
        {
            // One literal each, just under the located-text limit: a single analyzer action does all the work.
            ["C# literals"] = ("Big.cs",
                "using Npgsql;\nclass Big\n{\n    void M(NpgsqlConnection c)\n    {\n" +
                "        using var a = new NpgsqlConnection(\"" + Repeat("Host=db.example.com;Password=p;SSL Mode=Disable;", 1_000_000 / 49) + "\");\n" +
                "        using var b = new NpgsqlCommand(\"" + Repeat(SqlBlock, 1_000_000 / SqlBlock.Length) + "\", c);\n" +
                "    }\n}\n"),
            ["appsettings.json"] = ("appsettings.json", Json(4 * Megabyte)),
            ["web.config"] = ("web.config", Xml(4 * Megabyte)),
            ["schema.sql"] = ("schema.sql", Repeat(SqlBlock + "\n", 2 * Megabyte / (SqlBlock.Length + 1))),
        };

        [Theory]
        [MemberData(nameof(AnalyzerInputs))]
        public void Analyzer_stops_promptly_when_cancelled(string analyzerName, string inputName)
        {
            var analyzer = HostileRunner.Analyzers.Single(a => a.GetType().Name == analyzerName);
            var input = Inputs[inputName];
            var isFile = !input.Path.EndsWith(".cs", StringComparison.Ordinal);

            // An already cancelled run never completes, whatever the analyzer.
            Assert.ThrowsAny<OperationCanceledException>(() => Run(analyzer, input, new CancellationToken(canceled: true), null));

            var watch = Stopwatch.StartNew();
            var count = Run(analyzer, input, CancellationToken.None, null);
            var whole = watch.Elapsed;
            _output.WriteLine(analyzerName + " on " + inputName + ": " + count + " diagnostics in " + whole.TotalMilliseconds + " ms");
            if (count == 0)
            {
                return; // the analyzer does not read this input: nothing of its own to cancel
            }

            // A file is cancelled the moment the analyzer reads it. In C# the analyzer's action starts unseen: the token fires
            // after a fraction of the whole run, when the analyzer is at work on the literal; a run that ends before the token
            // fires proves nothing and is repeated with a shorter delay.
            var delay = whole / 5;
            for (var attempt = 1; ; attempt++)
            {
                using var cancellation = new CancellationTokenSource();
                TimeSpan? cancelledAt = null;
                cancellation.Token.Register(() => cancelledAt = watch.Elapsed);
                watch.Restart();
                if (!isFile)
                {
                    cancellation.CancelAfter(delay);
                }

                var exception = Record.Exception(() => Run(analyzer, input, cancellation.Token, isFile ? cancellation : null));
                var end = watch.Elapsed;
                if (!isFile && exception is null && (cancelledAt is null || end - cancelledAt < whole / 2) && attempt < 5)
                {
                    delay /= 2;
                    continue;
                }

                Assert.IsAssignableFrom<OperationCanceledException>(exception);
                // The token flips before its callbacks run, so the analyzer can stop before cancelledAt is written:
                // that is a stop with no delay at all.
                var afterCancel = end - (cancelledAt ?? end);
                _output.WriteLine("  cancelled at " + (cancelledAt ?? end).TotalMilliseconds + " ms, stopped " + afterCancel.TotalMilliseconds + " ms later");

                // Generous: stopping takes a few milliseconds; finishing the input would take the whole run.
                Assert.True(afterCancel < whole / 2, "stopped " + afterCancel.TotalMilliseconds + " ms after cancellation; the whole input takes " + whole.TotalMilliseconds + " ms");
                return;
            }
        }

        /// <summary>Runs one analyzer; <paramref name="tripwire"/>, when given, is cancelled when the analyzer reads the file.</summary>
        private static int Run(DiagnosticAnalyzer analyzer, (string Path, string Text) input, CancellationToken cancellationToken, CancellationTokenSource? tripwire)
        {
            var isFile = !input.Path.EndsWith(".cs", StringComparison.Ordinal);
            var source = isFile ? "class Uses { Npgsql.NpgsqlConnection? C; }" : input.Text;
            var tree = CSharpSyntaxTree.ParseText(SourceText.From(source), new CSharpParseOptions(LanguageVersion.Preview), isFile ? "Uses.cs" : input.Path);
            var compilation = CSharpCompilation.Create(
                "Cancellation", new[] { tree }, TestReferences.Framework.AddRange(TestReferences.Libraries), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var files = isFile ? ImmutableArray.Create<AdditionalText>(new TripwireText(input.Path, input.Text, tripwire)) : ImmutableArray<AdditionalText>.Empty;
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files),
                (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
            Assert.Empty(exceptions);
            return diagnostics.Length;
        }

        private static string Json(int size)
        {
            var sb = new StringBuilder("{\"Settings\":{");
            for (var i = 0; sb.Length < size; i++)
            {
                sb.Append("\"K").Append(i).Append("\":\"").Append(i % 32 == 0 ? "Host=h.example.com;Password=x" : "plain value").Append("\",\n");
            }

            return sb.Append("}}").ToString();
        }

        private static string Xml(int size)
        {
            var sb = new StringBuilder("<configuration><appSettings>");
            for (var i = 0; sb.Length < size; i++)
            {
                sb.Append("<add key=\"K").Append(i).Append("\" value=\"").Append(i % 32 == 0 ? "Host=h.example.com;Password=x" : "plain &amp; simple").Append("\"/>\n");
            }

            return sb.Append("</appSettings></configuration>").ToString();
        }

        private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

        /// <summary>An additional file that cancels a token source when an analyzer reads it.</summary>
        private sealed class TripwireText : AdditionalText
        {
            private readonly SourceText _text;
            private readonly CancellationTokenSource? _tripwire;

            public TripwireText(string path, string text, CancellationTokenSource? tripwire)
            {
                Path = path;
                _text = SourceText.From(text);
                _tripwire = tripwire;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default)
            {
                _tripwire?.Cancel();
                return _text;
            }
        }
    }
}
