using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// Temporary, minimal stand-in for <c>PgGuard.Analyzers.Text.CSharpLocatedText</c> (being written on another branch):
    /// literals without escapes, interpolations (holes) and <c>+</c> concatenations. Deleted when that class is merged.
    /// </summary>
    internal static class CSharpLocatedTextStandIn
    {
        public static LocatedText? Build(IOperation value, CancellationToken cancellationToken)
        {
            var builder = new LocatedTextBuilder();
            return Append(builder, value) ? builder.ToLocatedText() : null;
        }

        private static bool Append(LocatedTextBuilder builder, IOperation value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            var tree = value.Syntax.SyntaxTree;
            switch (value)
            {
                case ILiteralOperation { Syntax: LiteralExpressionSyntax literal } when literal.Token.Value is string text:
                    var prefix = literal.Token.Text.StartsWith("@", System.StringComparison.Ordinal) ? 2 : 1;
                    if (literal.Token.Text.Length != text.Length + prefix + 1)
                    {
                        return false; // escapes: left to the real implementation
                    }

                    builder.AppendVerbatim(text, tree, literal.Token.SpanStart + prefix);
                    return true;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation { Syntax: InterpolatedStringTextSyntax textSyntax })
                        {
                            builder.AppendVerbatim(textSyntax.TextToken.Text, tree, textSyntax.SpanStart);
                        }
                        else
                        {
                            builder.AppendHole(tree, part.Syntax.SpanStart, part.Syntax.Span.End);
                        }
                    }

                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    var left = Append(builder, binary.LeftOperand);
                    var right = Append(builder, binary.RightOperand);
                    return left || right;
                default:
                    builder.AppendHole(tree, value.Syntax.SpanStart, value.Syntax.Span.End);
                    return false;
            }
        }
    }
}
