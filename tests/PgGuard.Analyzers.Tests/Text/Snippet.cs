using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Tests.Text
{
    /// <summary>Compiles C# snippets and finds the expression under test: the initializer of the variable named <c>target</c>.</summary>
    internal sealed class Snippet
    {
        public const string Hole = "\uFFFF";

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview);

        private Snippet(CSharpCompilation compilation, IOperation target)
        {
            Compilation = compilation;
            Target = target;
        }

        public CSharpCompilation Compilation { get; }

        public IOperation Target { get; }

        public SyntaxTree Tree(int index) => Compilation.SyntaxTrees[index];

        /// <summary>Compiles the files (the first holds <c>target</c>); asserts they compile unless errors are expected.</summary>
        public static Snippet Compile(string[] sources, bool allowErrors = false)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"File{i}.cs")).ToArray();
            var compilation = CSharpCompilation.Create(
                "Snippet",
                trees,
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
            if (!allowErrors)
            {
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            }

            var declarator = trees[0].GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>()
                .First(d => d.Identifier.ValueText == "target");
            var operation = compilation.GetSemanticModel(trees[0]).GetOperation(declarator.Initializer!.Value);
            Assert.NotNull(operation);
            return new Snippet(compilation, operation!);
        }

        public static Snippet Compile(params string[] sources) => Compile(sources, allowErrors: false);

        /// <summary>A class with a method holding <paramref name="body"/>; parameters p, q (string), n (int), o (object).</summary>
        public static string Method(string body, string members = "")
        {
            return "class C {\n" + members + "\nvoid M(string p, string q, int n, object o) {\n" + body + "\n}\n}\n";
        }

        public LocatedText Build()
        {
            var text = CSharpLocatedText.Build(Target, default);
            Assert.NotNull(text);
            return text!;
        }

        /// <summary>The source characters character <paramref name="index"/> was decoded from.</summary>
        public static string SourceOf(LocatedText text, int index)
        {
            var tree = Assert.IsAssignableFrom<SyntaxTree>(text.SourceAt(index));
            return tree.GetText().ToString(text.SourceSpanAt(index));
        }

        /// <summary>The source characters <see cref="LocatedText.Map"/> gives for a range of the text.</summary>
        public static string MappedSource(LocatedText text, int start, int length)
        {
            var (source, span) = text.Map(start, length);
            return Assert.IsAssignableFrom<SyntaxTree>(source).GetText().ToString(span);
        }

        /// <summary>Indexes of holes, to compare with the expected ones.</summary>
        public static IEnumerable<int> Holes(LocatedText text) => Enumerable.Range(0, text.Length).Where(text.IsHole);
    }
}
