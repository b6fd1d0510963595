using System.Collections.Generic;
using System.Collections.Immutable;
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
        /// Every reference to the given locals in the operation blocks, found in one walk (a block-end action calls this
        /// once for all its candidates, so many candidates in one body stay linear).
        /// </summary>
        public static Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> References(ImmutableArray<IOperation> blocks, ICollection<ILocalSymbol> locals)
        {
            var references = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
            foreach (var local in locals)
            {
                references[local] = new List<ILocalReferenceOperation>();
            }

            foreach (var block in blocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (operation is ILocalReferenceOperation reference && references.TryGetValue(reference.Local, out var list))
                    {
                        list.Add(reference);
                    }
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
