using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PgGuard.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Code-fix tests: the single fix, then Fix All in document, project and solution (the testing library runs all
    /// three when the provider has a FixAllProvider), and the fixed code must compile with no remaining diagnostic of
    /// the rules under test.
    /// </summary>
    public static class CodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> Create(string source, string fixedSource, string[] onlyIds, params DiagnosticResult[] expected)
        {
            var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = TestReferences.None,

                // Rules with several messages have several descriptors per ID; markup names only the ID.
                MarkupOptions = MarkupOptions.UseFirstDescriptor,
            };
            test.TestState.AdditionalReferences.AddRange(TestReferences.Framework);
            test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
            test.ExpectedDiagnostics.AddRange(expected);
            test.DisabledDiagnostics.AddRange(AnalyzerVerifier<TAnalyzer>.AllIds.Except(onlyIds));
            return test;
        }

        public static Task VerifyAsync(string source, string fixedSource, string[] onlyIds, params DiagnosticResult[] expected) =>
            Create(source, fixedSource, onlyIds, expected).RunAsync();
    }
}
