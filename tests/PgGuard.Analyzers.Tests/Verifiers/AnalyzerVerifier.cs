using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Verifiers
{
    /// <summary>Analyzer tests against real Npgsql. Markup: <c>{|#0:…|}</c> with <c>Diagnostic(descriptor).WithLocation(0)</c>.</summary>
    public static class AnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        /// <summary>
        /// Verifies the diagnostics of <paramref name="onlyIds"/> (all the analyzer's when empty); other IDs are disabled
        /// so a test about one rule lists only that rule's findings.
        /// </summary>
        public static Task VerifyAsync(string source, string[] onlyIds, params DiagnosticResult[] expected) =>
            Create(source, onlyIds, expected).RunAsync();

        public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create(string source, string[] onlyIds, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
            {
                TestCode = source,
                ReferenceAssemblies = TestReferences.None,
            };
            test.TestState.AdditionalReferences.AddRange(TestReferences.Framework);
            test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
            test.ExpectedDiagnostics.AddRange(expected);
            if (onlyIds.Length != 0)
            {
                test.DisabledDiagnostics.AddRange(AllIds.Except(onlyIds));
            }

            return test;
        }

        /// <summary>Every PG ID.</summary>
        public static IEnumerable<string> AllIds => typeof(DiagnosticIds)
            .GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);
    }
}
