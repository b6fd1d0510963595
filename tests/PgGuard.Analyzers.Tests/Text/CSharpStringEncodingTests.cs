using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Tests.Text
{
    public class CSharpStringEncodingTests
    {
        private static readonly string[] Texts =
        {
            string.Empty,
            "Host=db;SSL Mode=Require",
            "a\\b\"c'd",
            "\\x41 \\u0041 \\",
            "\"quoted\"",
            "two \"\" quotes",
            "tab\there",
            "line\nbreak\r\nand\rcr",
            "\0\a\b\f\v\u001b\u007f\u0001",
            "\u0085\u2028\u2029",
            "{braces} }{ {{x}}",
            "a{b",
            "unicode é ß 😀 \U0001F600",
            "lone \uD800 high",
            "lone \uDC00 low",
            "\u00410",
        };

        private static readonly StringLiteralKind[] Kinds = (StringLiteralKind[])Enum.GetValues(typeof(StringLiteralKind));

        public static IEnumerable<object[]> AllCases()
        {
            foreach (var kind in Kinds)
            {
                for (var i = 0; i < Texts.Length; i++)
                {
                    yield return new object[] { kind, i, kind == StringLiteralKind.InterpolatedRaw ? 1 : 0 };
                    if (kind == StringLiteralKind.InterpolatedRaw)
                    {
                        yield return new object[] { kind, i, 3 };
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(AllCases))]
        public void Encoded_text_decodes_back_to_the_text(StringLiteralKind kind, int textIndex, int dollars)
        {
            var text = Texts[textIndex];
            var encoded = CSharpStringEncoding.Encode(text, kind, dollars);
            if (encoded == null)
            {
                Assert.NotEqual(StringLiteralKind.Regular, kind);
                Assert.NotEqual(StringLiteralKind.Interpolated, kind);
                return;
            }

            Assert.Equal(text, Decode(Wrap(encoded, kind, dollars)));
        }

        [Theory]
        [InlineData("Require", StringLiteralKind.Regular, "Require")]
        [InlineData("a\"b\\c", StringLiteralKind.Regular, "a\\\"b\\\\c")]
        [InlineData("\u0001\r\n", StringLiteralKind.Regular, "\\u0001\\r\\n")]
        [InlineData("{x}", StringLiteralKind.Regular, "{x}")]
        [InlineData("{x}\"", StringLiteralKind.Interpolated, "{{x}}\\\"")]
        [InlineData("a\"b\\c", StringLiteralKind.Verbatim, "a\"\"b\\c")]
        [InlineData("{\"x\"}", StringLiteralKind.InterpolatedVerbatim, "{{\"\"x\"\"}}")]
        [InlineData("a\"b\\c{", StringLiteralKind.Raw, "a\"b\\c{")]
        public void Encoding_escapes_only_what_the_kind_requires(string text, StringLiteralKind kind, string expected)
        {
            Assert.Equal(expected, CSharpStringEncoding.Encode(text, kind));
        }

        [Theory]
        [InlineData("say \"\"\"hi", StringLiteralKind.Raw, 0)]
        [InlineData("say \"\"\"hi", StringLiteralKind.InterpolatedRaw, 5)]
        [InlineData("a\nb", StringLiteralKind.Raw, 0)]
        [InlineData("a\r\nb", StringLiteralKind.InterpolatedRaw, 1)]
        [InlineData("a\u2028b", StringLiteralKind.Raw, 0)]
        [InlineData("a\0b", StringLiteralKind.Raw, 0)]
        [InlineData("a\0b", StringLiteralKind.Verbatim, 0)]
        [InlineData("a\u0001b", StringLiteralKind.InterpolatedVerbatim, 0)]
        [InlineData("{", StringLiteralKind.InterpolatedRaw, 1)]
        [InlineData("}", StringLiteralKind.InterpolatedRaw, 0)] // 0 means the minimum: one '$'
        [InlineData("a{{b", StringLiteralKind.InterpolatedRaw, 2)]
        [InlineData("a}}}b", StringLiteralKind.InterpolatedRaw, 3)]
        public void Impossible_encodings_are_null(string text, StringLiteralKind kind, int dollars)
        {
            Assert.Null(CSharpStringEncoding.Encode(text, kind, dollars));
        }

        [Fact]
        public void Lone_surrogates_need_an_escape()
        {
            // Built at run time: attribute arguments cannot carry a lone surrogate (metadata stores them as UTF-8).
            var high = "a" + (char)0xD800 + "b";
            var low = "a" + (char)0xDC00 + "b";
            foreach (var kind in new[] { StringLiteralKind.Verbatim, StringLiteralKind.InterpolatedVerbatim, StringLiteralKind.Raw, StringLiteralKind.InterpolatedRaw })
            {
                Assert.Null(CSharpStringEncoding.Encode(high, kind, 1));
                Assert.Null(CSharpStringEncoding.Encode(low, kind, 1));
            }

            Assert.Equal("a\\uD800b", CSharpStringEncoding.Encode(high, StringLiteralKind.Regular));
            Assert.Equal("a\\uDC00b", CSharpStringEncoding.Encode(low, StringLiteralKind.Interpolated));
            // A valid pair is written as is.
            Assert.Equal("\U0001F600", CSharpStringEncoding.Encode("\U0001F600", StringLiteralKind.Verbatim));
        }

        [Theory]
        [InlineData("{\"a\":1}", 2)]
        [InlineData("{{x}} }}", 3)]
        [InlineData("a\tb", 1)]
        public void Braces_fewer_than_the_dollars_are_written_as_is(string text, int dollars)
        {
            var encoded = CSharpStringEncoding.Encode(text, StringLiteralKind.InterpolatedRaw, dollars);
            Assert.Equal(text, encoded);
            Assert.Equal(text, Decode(Wrap(encoded!, StringLiteralKind.InterpolatedRaw, dollars)));
        }

        [Theory]
        [InlineData("\"x\"", StringLiteralKind.Regular, 0)]
        [InlineData("@\"x\"", StringLiteralKind.Verbatim, 0)]
        [InlineData("\"\"\"x\"\"\"", StringLiteralKind.Raw, 0)]
        [InlineData("\"\"\"\n  x\n  \"\"\"", StringLiteralKind.Raw, 0)]
        [InlineData("$\"x{1}\"", StringLiteralKind.Interpolated, 1)]
        [InlineData("$@\"x{1}\"", StringLiteralKind.InterpolatedVerbatim, 1)]
        [InlineData("@$\"x{1}\"", StringLiteralKind.InterpolatedVerbatim, 1)]
        [InlineData("$\"\"\"x{1}\"\"\"", StringLiteralKind.InterpolatedRaw, 1)]
        [InlineData("$$$\"\"\"\n  x{{{1}}}\n  \"\"\"", StringLiteralKind.InterpolatedRaw, 3)]
        public void Kind_and_dollar_count_of_literal_and_interpolated_text_tokens(string literal, StringLiteralKind kind, int dollars)
        {
            var expression = SyntaxFactory.ParseExpression(literal, options: new CSharpParseOptions(LanguageVersion.Preview));
            var token = expression is InterpolatedStringExpressionSyntax interpolated
                ? interpolated.Contents.OfType<InterpolatedStringTextSyntax>().First().TextToken
                : ((LiteralExpressionSyntax)expression).Token;

            Assert.Equal(kind, CSharpStringEncoding.GetKind(token));
            Assert.Equal(dollars, CSharpStringEncoding.GetDollarCount(token));
            if (expression is InterpolatedStringExpressionSyntax withStart)
            {
                Assert.Equal(kind, CSharpStringEncoding.GetKind(withStart.StringStartToken));
            }
        }

        [Theory]
        [InlineData("\"x\"u8")]
        [InlineData("\"\"\"x\"\"\"u8")]
        [InlineData("'x'")]
        [InlineData("1")]
        public void Non_string_tokens_have_no_kind(string literal)
        {
            var token = ((LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal)).Token;
            Assert.Null(CSharpStringEncoding.GetKind(token));
            Assert.Equal(0, CSharpStringEncoding.GetDollarCount(token));
        }

        [Fact]
        public void Encoded_replacement_spliced_into_a_literal_through_located_text()
        {
            // What a code fix does: find the value's source span with located text, replace it with the encoded text.
            const string source = "class C { void M() { var target = @\"Host=\"\"db\"\";SSL Mode=Disable\"; } }";
            var snippet = Snippet.Compile(source);
            var text = snippet.Build();
            var value = text.Text.IndexOf("Disable", StringComparison.Ordinal);
            var (_, span) = text.Map(value, "Disable".Length);
            var literal = ((LiteralExpressionSyntax)snippet.Target.Syntax).Token;
            var encoded = CSharpStringEncoding.Encode("Verify\"Full", CSharpStringEncoding.GetKind(literal)!.Value);

            var edited = snippet.Tree(0).GetText().Replace(span, encoded!).ToString();

            Assert.Contains("@\"Host=\"\"db\"\";SSL Mode=Verify\"\"Full\";", edited, StringComparison.Ordinal);
        }

        private static string Wrap(string encoded, StringLiteralKind kind, int dollars)
        {
            switch (kind)
            {
                case StringLiteralKind.Regular: return "\"" + encoded + "\"";
                case StringLiteralKind.Verbatim: return "@\"" + encoded + "\"";
                case StringLiteralKind.Interpolated: return "$\"" + encoded + "\"";
                case StringLiteralKind.InterpolatedVerbatim: return "$@\"" + encoded + "\"";
                // Multi-line, so content may start or end with a quote.
                case StringLiteralKind.Raw: return "\"\"\"\n" + encoded + "\n\"\"\"";
                case StringLiteralKind.InterpolatedRaw: return new string('$', Math.Max(1, dollars)) + "\"\"\"\n" + encoded + "\n\"\"\"";
                default: throw new ArgumentOutOfRangeException(nameof(kind));
            }
        }

        /// <summary>The compiler's value of a literal: a const initialized with it (interpolated strings included).</summary>
        private static string Decode(string literal)
        {
            var tree = CSharpSyntaxTree.ParseText("class C { const string X = " + literal + "; }", new CSharpParseOptions(LanguageVersion.Preview));
            var compilation = CSharpCompilation.Create("Decode", new[] { tree }, Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, literal + Environment.NewLine + string.Join(Environment.NewLine, errors));
            var field = (IFieldSymbol)compilation.GetTypeByMetadataName("C")!.GetMembers("X").Single();
            return (string)field.ConstantValue!;
        }
    }
}
