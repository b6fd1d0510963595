using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Text
{
    /// <remarks>
    /// Consts map into their declaration's initializer. In the analysed tree the initializer is walked as operations;
    /// in another tree it is decoded from syntax alone, because an analyzer may not ask the compilation for another
    /// tree's semantic model (RS1030). The syntactic decoder knows literals, interpolated strings, <c>+</c>, and names
    /// of const fields reachable from the declaring type; its result is accepted only when it equals the const's value.
    /// </remarks>
    internal static partial class CSharpLocatedText
    {
        /// <summary>
        /// Appends a const's <paramref name="value"/> mapped into its declaration; falls back to the value mapped to the
        /// whole initializer (or, without source, to the reference at <paramref name="siteSpan"/>).
        /// </summary>
        private static void AppendConstDeclaration(Context context, ISymbol symbol, string value, SyntaxTree siteTree, TextSpan siteSpan, int depth)
        {
            var initializer = depth < MaxDepth ? GetInitializer(symbol, context) : null;
            if (initializer == null)
            {
                // Declared in metadata, too deep, or without an initializer (invalid code): map to the reference.
                context.Buffer.AppendMapped(value, siteTree, siteSpan);
                return;
            }

            if (context.Decoded.TryGetValue(symbol, out var previous))
            {
                context.Buffer.AppendCopy(previous.Start, previous.End);
                return;
            }

            var mark = context.Buffer.Length;
            bool decoded;
            if (context.Model != null && initializer.SyntaxTree == context.Model.SyntaxTree)
            {
                var operation = context.Model.GetOperation(initializer, context.CancellationToken);
                decoded = operation != null;
                if (decoded)
                {
                    Walk(context, operation!, depth + 1);
                }
            }
            else
            {
                decoded = DecodeSyntax(context, initializer, symbol.ContainingType, depth + 1);
            }

            if (!decoded || !context.Buffer.Matches(mark, value))
            {
                context.Truncate(mark);
                context.Buffer.AppendMapped(value, initializer.SyntaxTree, initializer.Span);
            }

            if (!context.Aborted)
            {
                context.Decoded[symbol] = (mark, context.Buffer.Length);
            }
        }

        private static ExpressionSyntax? GetInitializer(ISymbol symbol, Context context)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(context.CancellationToken) is VariableDeclaratorSyntax declarator && declarator.Initializer != null)
                {
                    return declarator.Initializer.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// Decodes a const initializer of another tree from syntax. False on any form it does not know; the caller then
        /// discards what was appended.
        /// </summary>
        private static bool DecodeSyntax(Context context, ExpressionSyntax root, INamedTypeSymbol? type, int depth)
        {
            var stack = new Stack<ExpressionSyntax>();
            stack.Push(root);
            while (stack.Count != 0)
            {
                if (!context.Tick())
                {
                    return false;
                }

                var expression = stack.Pop();
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        stack.Push(parenthesized.Expression);
                        break;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        stack.Push(binary.Right);
                        stack.Push(binary.Left);
                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        AppendLiteral(context, literal, literal.Token.ValueText);
                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        if (!DecodeInterpolatedSyntax(context, interpolated, type, depth))
                        {
                            return false;
                        }

                        break;
                    case IdentifierNameSyntax name:
                        if (!AppendNamedConst(context, FindConstField(type, name.Identifier.ValueText), name, depth))
                        {
                            return false;
                        }

                        break;
                    case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                        var container = ResolveNamespaceOrType(access.Expression, type) as INamedTypeSymbol;
                        if (!AppendNamedConst(context, FindConstField(container, access.Name.Identifier.ValueText, searchOuter: false), access, depth))
                        {
                            return false;
                        }

                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool DecodeInterpolatedSyntax(Context context, InterpolatedStringExpressionSyntax interpolated, INamedTypeSymbol? type, int depth)
        {
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax text)
                {
                    if (!TryDecodeInterpolatedText(context.Buffer, text))
                    {
                        return false;
                    }
                }
                else if (!(content is InterpolationSyntax interpolation) || interpolation.AlignmentClause != null
                    || interpolation.FormatClause != null || depth >= MaxDepth
                    || !DecodeSyntax(context, interpolation.Expression, type, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AppendNamedConst(Context context, IFieldSymbol? field, ExpressionSyntax site, int depth)
        {
            if (field == null || !field.HasConstantValue)
            {
                return false;
            }

            if (field.ConstantValue is string value)
            {
                AppendConstDeclaration(context, field, value, site.SyntaxTree, site.Span, depth);
                return true;
            }

            return field.ConstantValue == null;
        }

        /// <summary>
        /// A const field named <paramref name="name"/> as C# name lookup would see it from inside
        /// <paramref name="type"/>: the type and its bases, then (with <paramref name="searchOuter"/>) the enclosing types.
        /// </summary>
        private static IFieldSymbol? FindConstField(INamedTypeSymbol? type, string name, bool searchOuter = true)
        {
            for (var outer = type; outer != null; outer = searchOuter ? outer.ContainingType : null)
            {
                for (var current = outer; current != null; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers(name))
                    {
                        if (member is IFieldSymbol field && field.IsConst)
                        {
                            return field;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Resolves <c>Other</c> or <c>Ns.Other</c> in <c>Other.Name</c>: nested types of the enclosing types, then types
        /// and namespaces of the enclosing namespaces. Using directives and aliases are not followed (the const's value
        /// check catches any miss).
        /// </summary>
        private static INamespaceOrTypeSymbol? ResolveNamespaceOrType(ExpressionSyntax expression, INamedTypeSymbol? type)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    var name = identifier.Identifier.ValueText;
                    for (var outer = type; outer != null; outer = outer.ContainingType)
                    {
                        for (var current = outer; current != null; current = current.BaseType)
                        {
                            foreach (var nested in current.GetTypeMembers(name))
                            {
                                return nested;
                            }
                        }
                    }

                    for (var scope = type?.ContainingNamespace; scope != null; scope = scope.ContainingNamespace)
                    {
                        var found = FirstNamespaceOrType(scope, name);
                        if (found != null)
                        {
                            return found;
                        }
                    }

                    return null;
                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    var left = ResolveNamespaceOrType(access.Expression, type);
                    return left == null ? null : FirstNamespaceOrType(left, access.Name.Identifier.ValueText);
                case AliasQualifiedNameSyntax alias when alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword) && type != null:
                    return FirstNamespaceOrType(type.ContainingAssembly.GlobalNamespace, alias.Name.Identifier.ValueText);
                default:
                    return null;
            }
        }

        private static INamespaceOrTypeSymbol? FirstNamespaceOrType(INamespaceOrTypeSymbol container, string name)
        {
            foreach (var member in container.GetMembers(name))
            {
                if (member is INamespaceOrTypeSymbol namespaceOrType)
                {
                    return namespaceOrType;
                }
            }

            return null;
        }
    }
}
