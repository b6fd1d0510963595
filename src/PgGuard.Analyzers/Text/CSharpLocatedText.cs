using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PgGuard.Analyzers.Text
{
    /// <summary>
    /// Located text for C# string expressions (DESIGN.md, "flow of data", step 1): literals of every kind with their
    /// escapes decoded, interpolated strings, <c>+</c> concatenations and <c>const</c> fields and locals, each decoded
    /// character mapped to its exact source span (in the const's declaration, possibly in another file). Values unknown
    /// at compile time are holes. The source object of each character is its <see cref="SyntaxTree"/>.
    /// </summary>
    /// <remarks>
    /// Every decoded piece is checked against the compiler's own value (token value, constant value); on a mismatch
    /// (invalid code, a form this class does not model) the compiler's value is used with each character mapped to the
    /// whole expression. So the text is always right; only span precision degrades.
    /// </remarks>
    internal static partial class CSharpLocatedText
    {
        /// <summary>Longest text built (characters); beyond it <see cref="Build"/> gives up and returns null.</summary>
        internal const int MaxLength = 1024 * 1024;

        /// <summary>Most operations or syntax nodes visited for one expression: bounds pathological const graphs.</summary>
        internal const int MaxSteps = 1_000_000;

        /// <summary>Deepest nesting of consts and interpolations followed; deeper values are mapped as a whole.</summary>
        internal const int MaxDepth = 32;

        /// <summary>
        /// Builds the located text of a string expression (a literal, interpolation, concatenation or const reference,
        /// possibly wrapped in conversions). Returns null when the expression has no constant string part at all (a
        /// parameter, a method call) or when the text would exceed <see cref="MaxLength"/>.
        /// </summary>
        public static LocatedText? Build(IOperation value, CancellationToken cancellationToken)
        {
            // The caller asked for this expression's text: see through any conversion of a string (to object, to a span).
            while (value is IConversionOperation conversion && IsString(conversion.Operand.Type))
            {
                value = conversion.Operand;
            }

            var context = new Context(value.SemanticModel, cancellationToken);
            Walk(context, value, 0);
            if (context.Aborted || !context.SawConstant)
            {
                return null;
            }

            return context.Buffer.ToLocatedText();
        }

        /// <summary>
        /// Cheap pre-filter for <see cref="Build"/>: true when any constant string part of the expression (a literal,
        /// an interpolated text part, a const) contains <paramref name="c"/>. No allocation on common expressions.
        /// </summary>
        public static bool MayContain(IOperation value, char c)
        {
            return MayContain(value, c, 0);
        }

        /// <summary>
        /// The outermost string expression containing a literal or interpolated string: walks up through string
        /// <c>+</c>, conversions and interpolation holes whose text <see cref="Build"/> decodes as part of the whole. An
        /// analyzer that registers for literals analyses only roots, so each expression is analysed once. Null for
        /// a non-string operation and for the format clause of an interpolation.
        /// </summary>
        public static IOperation? FindStringRoot(IOperation literalOrInterpolation)
        {
            if (literalOrInterpolation == null || !IsString(literalOrInterpolation.Type))
            {
                return null;
            }

            var current = literalOrInterpolation;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IBinaryOperation binary when IsStringConcatenation(binary):
                    case IParenthesizedOperation _:
                    case IConversionOperation conversion when IsString(conversion.Type)
                        || (conversion.OperatorMethod == null && conversion.Parent is IBinaryOperation outer && IsStringConcatenation(outer)):
                        current = parent;
                        continue;
                    case IInterpolatedStringTextOperation text when text.Parent is IInterpolatedStringOperation:
                        current = text.Parent;
                        continue;
                    case IInterpolationOperation interpolation when interpolation.Parent is IInterpolatedStringOperation
                        && IsConstantText(interpolation):
                        current = interpolation.Parent;
                        continue;
                    case IInterpolationOperation interpolation when interpolation.FormatString == current:
                        return null; // the ":X" of "{value:X}" is a format, not a string of its own
                    default:
                        return current;
                }
            }
        }

        private static bool MayContain(IOperation? operation, char c, int depth)
        {
            while (operation != null)
            {
                var constant = operation.ConstantValue;
                if (constant.HasValue)
                {
                    return constant.Value is string s && s.IndexOf(c) >= 0;
                }

                switch (operation)
                {
                    case IConversionOperation conversion when IsString(conversion.Operand.Type):
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IBinaryOperation binary when IsStringConcatenation(binary):
                        // Chains nest on the left: loop down the left, recurse (shallowly) into the right.
                        if (depth >= MaxDepth || MayContain(binary.RightOperand, c, depth + 1))
                        {
                            return true;
                        }

                        operation = binary.LeftOperand;
                        continue;
                    case IInterpolatedStringOperation interpolated:
                        foreach (var part in interpolated.Parts)
                        {
                            var text = part is IInterpolatedStringTextOperation textPart ? textPart.Text.ConstantValue
                                : part is IInterpolationOperation interpolation && IsConstantText(interpolation) ? interpolation.Expression.ConstantValue
                                : default;
                            if (text.HasValue && text.Value is string s && s.IndexOf(c) >= 0)
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Appends the text of a string expression; concatenations are walked with a stack (2,000-deep chains exist).</summary>
        private static void Walk(Context context, IOperation root, int depth)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count != 0 && context.Tick())
            {
                var operation = stack.Pop();
                while (operation is IConversionOperation conversion && conversion.OperatorMethod == null && IsString(conversion.Operand.Type))
                {
                    operation = conversion.Operand;
                }

                while (operation is IParenthesizedOperation parenthesized)
                {
                    operation = parenthesized.Operand;
                }

                switch (operation)
                {
                    case IBinaryOperation binary when IsStringConcatenation(binary):
                        stack.Push(binary.RightOperand);
                        stack.Push(binary.LeftOperand);
                        break;
                    case ILiteralOperation literal when literal.ConstantValue.HasValue && literal.ConstantValue.Value is string value:
                        context.SawConstant = true;
                        AppendLiteral(context, literal.Syntax, value);
                        break;
                    case IInterpolatedStringOperation interpolated when interpolated.Syntax is InterpolatedStringExpressionSyntax:
                        AppendInterpolated(context, interpolated, depth);
                        break;
                    case IFieldReferenceOperation field when field.Field.IsConst:
                        AppendConstReference(context, field.Field, field, depth);
                        break;
                    case ILocalReferenceOperation local when local.Local.IsConst:
                        AppendConstReference(context, local.Local, local, depth);
                        break;
                    default:
                        AppendOpaque(context, operation);
                        break;
                }
            }
        }

        /// <summary>A literal, or the text literal of an interpolated string part (analyzers can meet either).</summary>
        private static void AppendLiteral(Context context, SyntaxNode syntax, string value)
        {
            var mark = context.Buffer.Length;
            var decoded = syntax is LiteralExpressionSyntax literal ? TryDecodeLiteralToken(context.Buffer, literal.Token)
                : syntax is InterpolatedStringTextSyntax text && TryDecodeInterpolatedText(context.Buffer, text);
            if (!decoded || !context.Buffer.Matches(mark, value))
            {
                context.Truncate(mark);
                context.Buffer.AppendMapped(value, syntax.SyntaxTree, syntax.Span);
            }
        }

        private static void AppendInterpolated(Context context, IInterpolatedStringOperation interpolated, int depth)
        {
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolatedStringTextOperation text
                    && text.Text.ConstantValue.HasValue && text.Text.ConstantValue.Value is string value)
                {
                    context.SawConstant = true;
                    AppendLiteral(context, text.Syntax, value);
                }
                else if (part is IInterpolationOperation interpolation && IsConstantText(interpolation))
                {
                    // A constant hole ("{Const}", "{\"x\"}") is text, mapped into the hole's expression.
                    context.SawConstant = true;
                    var expression = interpolation.Expression;
                    var constant = (string)expression.ConstantValue.Value!;
                    var mark = context.Buffer.Length;
                    if (depth < MaxDepth)
                    {
                        Walk(context, expression, depth + 1);
                    }

                    if (!context.Buffer.Matches(mark, constant))
                    {
                        context.Truncate(mark);
                        context.Buffer.AppendMapped(constant, expression.Syntax.SyntaxTree, expression.Syntax.Span);
                    }
                }
                else
                {
                    context.Buffer.AppendHole(part.Syntax.SyntaxTree, part.Syntax.Span);
                }
            }
        }

        private static void AppendConstReference(Context context, ISymbol symbol, IOperation reference, int depth)
        {
            var constant = reference.ConstantValue;
            if (!constant.HasValue)
            {
                // A const without a value: invalid code such as a cycle (const string A = B; const string B = A;).
                context.Buffer.AppendHole(reference.Syntax.SyntaxTree, reference.Syntax.Span);
                return;
            }

            if (constant.Value is string value)
            {
                context.SawConstant = true;
                AppendConstDeclaration(context, symbol, value, reference.Syntax.SyntaxTree, reference.Syntax.Span, depth);
            }
            else if (constant.Value != null)
            {
                context.Buffer.AppendHole(reference.Syntax.SyntaxTree, reference.Syntax.Span);
            }
        }

        /// <summary>Anything else: a constant (nameof, a cast) mapped as a whole, a null constant as nothing, otherwise a hole.</summary>
        private static void AppendOpaque(Context context, IOperation operation)
        {
            var constant = operation.ConstantValue;
            if (constant.HasValue && constant.Value is string value)
            {
                context.SawConstant = true;
                context.Buffer.AppendMapped(value, operation.Syntax.SyntaxTree, operation.Syntax.Span);
            }
            else if (!constant.HasValue || constant.Value != null)
            {
                context.Buffer.AppendHole(operation.Syntax.SyntaxTree, operation.Syntax.Span);
            }
        }

        /// <summary>An interpolation <see cref="Build"/> treats as text: a constant string without alignment or format.</summary>
        private static bool IsConstantText(IInterpolationOperation interpolation)
        {
            return interpolation.Alignment == null && interpolation.FormatString == null
                && interpolation.Expression.ConstantValue.HasValue && interpolation.Expression.ConstantValue.Value is string;
        }

        private static bool IsStringConcatenation(IBinaryOperation binary)
        {
            return binary.OperatorKind == BinaryOperatorKind.Add && IsString(binary.Type)
                && (binary.OperatorMethod == null || binary.OperatorMethod.ContainingType?.SpecialType == SpecialType.System_String);
        }

        private static bool IsString(ITypeSymbol? type)
        {
            return type != null && type.SpecialType == SpecialType.System_String;
        }

        private sealed class Context
        {
            private readonly CancellationToken _cancellationToken;
            private int _steps;

            public Context(SemanticModel? model, CancellationToken cancellationToken)
            {
                Model = model != null && !model.IsSpeculativeSemanticModel ? model : null;
                _cancellationToken = cancellationToken;
                Buffer = new Buffer(cancellationToken);
            }

            /// <summary>The model of the analysed tree: consts declared in it are walked as operations.</summary>
            public SemanticModel? Model { get; }

            public Buffer Buffer { get; }

            public CancellationToken CancellationToken => _cancellationToken;

            public bool SawConstant { get; set; }

            /// <summary>
            /// Where each const's text already sits in the buffer: a const used again is copied, not decoded again, so
            /// const graphs that double at each level (B = A + A) cost their output size, not their number of paths.
            /// </summary>
            public Dictionary<ISymbol, (int Start, int End)> Decoded { get; } = new Dictionary<ISymbol, (int Start, int End)>(SymbolEqualityComparer.Default);

            /// <summary>Rolls the buffer back to <paramref name="length"/>, forgetting consts whose text is cut.</summary>
            public void Truncate(int length)
            {
                if (length >= Buffer.Length)
                {
                    return;
                }

                Buffer.Truncate(length);
                if (Decoded.Count != 0)
                {
                    var stale = new List<ISymbol>();
                    foreach (var entry in Decoded)
                    {
                        if (entry.Value.End > length)
                        {
                            stale.Add(entry.Key);
                        }
                    }

                    foreach (var symbol in stale)
                    {
                        Decoded.Remove(symbol);
                    }
                }
            }

            public bool Aborted => Buffer.Overflowed || _steps > MaxSteps;

            /// <summary>Counts one visited node; false once the work or size budget is spent.</summary>
            public bool Tick()
            {
                _steps++;
                if ((_steps & 0x3FF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                return !Aborted;
            }
        }
    }
}
