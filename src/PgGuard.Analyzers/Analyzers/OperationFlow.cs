using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>Small walks over the operation tree shared by the code-shape rules (PG0002 slim builder, PG0012).</summary>
    internal static class OperationFlow
    {
        /// <summary>
        /// The operation that consumes <paramref name="operation"/>'s value, seen through conversions and parentheses;
        /// <paramref name="child"/> is the direct child of the returned parent on that path.
        /// </summary>
        public static IOperation? Consumer(IOperation operation, out IOperation child)
        {
            child = operation;
            var parent = operation.Parent;
            while (parent is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            return parent;
        }

        /// <summary>The root of the operation tree: the whole member body, lambdas and local functions included.</summary>
        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The local a value initializes (<c>var x = value;</c>, <c>using var x = value;</c>), or null.</summary>
        public static ILocalSymbol? InitializedLocal(IOperation? consumer) =>
            consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }
}
