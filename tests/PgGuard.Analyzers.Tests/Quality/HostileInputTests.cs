using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace PgGuard.Analyzers.Tests.Quality
{
    /// <summary>
    /// Every analyzer and every code fix over generated hostile input (fixed seeds): no exception, no hang, no diagnostic
    /// outside its file, no fix that breaks the code. The long run of the same generators is <c>tools/fuzz</c>.
    /// </summary>
    public class HostileInputTests
    {
        // Generous: a batch takes a second or two; the bound only catches a hang or super-linear work on a busy machine.
        private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

        private static readonly ImmutableArray<MetadataReference> References = TestReferences.Framework.AddRange(TestReferences.Libraries);

        private readonly ITestOutputHelper _output;

        public HostileInputTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Analyzers_and_fixes_are_discovered()
        {
            // Every rule ID is reported by some discovered analyzer, so these suites reach every rule.
            var supported = HostileRunner.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(AnalyzerVerifier<Analyzers.ConfigFileAnalyzer>.AllIds.OrderBy(id => id, StringComparer.Ordinal), supported);
            Assert.Contains(HostileRunner.CodeFixes, f => f.GetType().Name == "ConnectionStringCodeFixProvider");
            Assert.Contains(HostileRunner.CodeFixes, f => f.GetType().Name == "SqlCodeFixProvider");
        }

        [Fact]
        public void Same_seed_gives_the_same_inputs()
        {
            var first = new HostileInputs(42).Batch("a", 5, 5);
            var second = new HostileInputs(42).Batch("b", 5, 5);

            Assert.Equal(first.Sources, second.Sources);
            Assert.Equal(first.AdditionalFiles, second.AdditionalFiles);
            Assert.NotEqual(first.Sources, new HostileInputs(43).Batch("c", 5, 5).Sources);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void Random_and_mutated_inputs(int seed)
        {
            var inputs = new HostileInputs(seed);
            int count = 0, diagnostics = 0, fixes = 0;
            var fixedIds = new SortedSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < 3; i++)
            {
                var batch = inputs.Batch("seed " + seed + ", batch " + i, sources: 25, files: 25);
                var result = HostileRunner.Run(batch, References, Bound);

                Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
                count += batch.Count;
                diagnostics += result.Diagnostics;
                fixes += result.FixesApplied;
                fixedIds.UnionWith(result.FixedIds);
            }

            _output.WriteLine(count + " inputs, " + diagnostics + " diagnostics, " + fixes + " fixes applied (" + string.Join(", ", fixedIds) + ")");

            // Proof that the inputs reach the rules and the fixes, not only the parsers.
            Assert.True(diagnostics > 50, diagnostics + " diagnostics");
            Assert.True(fixes > 10, fixes + " fixes");
        }

        [Fact]
        public void Huge_and_deeply_nested_inputs()
        {
            foreach (var batch in HostileInputs.Huge())
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var result = HostileRunner.Run(batch, References, Bound, maxFixes: 2);
                _output.WriteLine(batch.Name + ": " + watch.ElapsedMilliseconds + " ms, " + result.Diagnostics + " diagnostics");

                Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
            }
        }

        [Fact]
        public void The_harness_fails_on_a_throwing_analyzer_and_on_a_fix_that_breaks_the_code()
        {
            // A test that cannot fail is a defect: the same harness with a deliberately broken analyzer and fix.
            var batch = new HostileBatch("self-check");
            batch.Sources.Add(("A.cs", "class A { string S = \"text\"; }"));
            batch.AdditionalFiles.Add(("f/appsettings.json", "{ \"boom\": 1 }"));

            var result = HostileRunner.Run(batch, References, Bound, analyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
            var failure = Assert.Single(result.Failures);
            Assert.Contains("analyzer threw", failure);
            Assert.Contains("culprit f/appsettings.json", failure);

            result = HostileRunner.Run(
                batch, References, Bound, analyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new LiteralAnalyzer()), codeFixes: ImmutableArray.Create<CodeFixProvider>(new BreakingFix()));
            failure = Assert.Single(result.Failures);
            Assert.Contains("fix 'Break' for TEST1 in A.cs adds CS", failure);
            Assert.Equal(1, result.FixesApplied);
        }

        // Test doubles, not shipped analyzers: release tracking and the analyzer-assembly rules do not apply.
#pragma warning disable RS1022, RS1036, RS2008
        private static readonly DiagnosticDescriptor Test1 = new DiagnosticDescriptor("TEST1", "Test", "Test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Test1);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterAdditionalFileAction(file =>
                {
                    if (file.AdditionalFile.GetText()!.ToString().Contains("boom"))
                    {
                        throw new InvalidOperationException("boom");
                    }
                });
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class LiteralAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Test1);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(node => node.ReportDiagnostic(Diagnostic.Create(Test1, node.Node.GetLocation())), SyntaxKind.StringLiteralExpression);
            }
        }

        private sealed class BreakingFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TEST1");

            public override FixAllProvider? GetFixAllProvider() => null;

            public override Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Break", async ct =>
                    {
                        var text = await context.Document.GetTextAsync(ct);
                        return context.Document.WithText(text.Replace(context.Span, "\"unterminated"));
                    }, "Break"),
                    context.Diagnostics);
                return Task.CompletedTask;
            }
        }
#pragma warning restore RS1022, RS1036, RS2008
    }
}
