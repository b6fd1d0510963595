using System.Collections.Generic;
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

        /// <summary>
        /// Every reference to <paramref name="local"/> in the body that holds <paramref name="operation"/> (a local is only
        /// visible in the body that declares it). Walked only for the rare candidate that needs it, so no analyzer has to
        /// register per-body actions on every method of the compilation.
        /// </summary>
        public static List<ILocalReferenceOperation> References(IOperation operation, ILocalSymbol local)
        {
            var root = operation;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            var references = new List<ILocalReferenceOperation>();
            foreach (var descendant in root.DescendantsAndSelf())
            {
                if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    references.Add(reference);
                }
            }

            return references;
        }

        /// <summary><c>x = ..</c>: the local is written, not read or handed on.</summary>
        public static bool IsWrite(ILocalReferenceOperation reference) =>
            reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference);

        /// <summary>The local a value initializes (<c>var x = value;</c>, <c>using var x = value;</c>), or null.</summary>
        public static ILocalSymbol? InitializedLocal(IOperation? consumer) =>
            consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }
}
