using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.CodeFixes
{
    /// <summary>
    /// A fix must not rewrite a const that other code reads for another purpose (logged, shown, handed to another
    /// provider): editing the literal would change that code too. Consts used only as Npgsql connection strings, or
    /// only inside other consts, are safe to edit.
    /// </summary>
    internal static class SharedConstants
    {
        public static async Task<bool> IsUsedForAnotherPurposeAsync(Document document, TextSpan span, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var declarator = root?.FindToken(span.Start).Parent?.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            if (declarator is null || !IsConst(declarator))
            {
                return false;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declarator, cancellationToken) is not { } symbol)
            {
                return true;
            }

            foreach (var reference in await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in reference.Locations)
                {
                    var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var referenceModel = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    var node = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (node is null || referenceModel is null || !IsConnectionStringUse(node, referenceModel, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsConnectionStringUse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            // Up through the string expression the const is part of.
            var current = node;
            while (current.Parent is BinaryExpressionSyntax or ParenthesizedExpressionSyntax or InterpolationSyntax or InterpolatedStringExpressionSyntax ||
                   (current.Parent is MemberAccessExpressionSyntax access && access.Name == current))
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax other }:
                    // Inside another const: that const's own uses are checked when it is fixed.
                    return IsConst(other);
                case ArgumentSyntax { Parent.Parent: { } call }:
                    return IsNpgsql(model.GetSymbolInfo(call, cancellationToken).Symbol);
                case AssignmentExpressionSyntax assignment when assignment.Right == current:
                    return IsNpgsql(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol) ||
                           (assignment.Left is MemberAccessExpressionSyntax access && IsNpgsql(model.GetTypeInfo(access.Expression, cancellationToken).Type));
                default:
                    return false;
            }
        }

        private static bool IsConst(VariableDeclaratorSyntax declarator) => declarator.Parent?.Parent switch
        {
            FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
            LocalDeclarationStatementSyntax local => local.Modifiers.Any(SyntaxKind.ConstKeyword),
            _ => false,
        };

        /// <summary>Npgsql's own types and the EF Core / DI extensions named after it (UseNpgsql, AddNpgsqlDataSource).</summary>
        private static bool IsNpgsql(ISymbol? symbol)
        {
            if (symbol is null)
            {
                return false;
            }

            if (symbol.Name.Contains("Npgsql"))
            {
                return true;
            }

            var type = symbol as ITypeSymbol ?? symbol.ContainingType;
            return type?.ContainingNamespace?.ToDisplayString().StartsWith("Npgsql", System.StringComparison.Ordinal) == true;
        }
    }
}
