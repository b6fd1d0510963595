using System.Collections.Generic;
using System.Runtime.CompilerServices;
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

        // Each body is indexed once, when its first candidate asks: many candidates in one body (generated code, a long
        // Program.cs) stay linear. Weak keys: an index lives as long as its operation tree.
        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>> ReferencesByBody =
            new ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>>();

        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>>.CreateValueCallback IndexBody = body =>
        {
            var index = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
            foreach (var descendant in body.DescendantsAndSelf())
            {
                if (descendant is ILocalReferenceOperation reference)
                {
                    if (!index.TryGetValue(reference.Local, out var list))
                    {
                        index[reference.Local] = list = new List<ILocalReferenceOperation>();
                    }

                    list.Add(reference);
                }
            }

            return index;
        };

        /// <summary>
        /// Every reference to <paramref name="local"/> in the body that holds <paramref name="operation"/> (a local is only
        /// visible in the body that declares it). Asked only for the rare candidate that needs it, so no analyzer has to
        /// register per-body actions on every method of the compilation.
        /// </summary>
        public static IReadOnlyList<ILocalReferenceOperation> References(IOperation operation, ILocalSymbol local)
        {
            var body = operation;
            while (body.Parent is { } parent)
            {
                body = parent;
            }

            return ReferencesByBody.GetValue(body, IndexBody).TryGetValue(local, out var references)
                ? references
                : System.Array.Empty<ILocalReferenceOperation>();
        }

        /// <summary><c>x = ..</c>: the local is written, not read or handed on.</summary>
        public static bool IsWrite(ILocalReferenceOperation reference) =>
            reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference);

        /// <summary>The local a value initializes (<c>var x = value;</c>, <c>using var x = value;</c>), or null.</summary>
        public static ILocalSymbol? InitializedLocal(IOperation? consumer) =>
            consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }
}
