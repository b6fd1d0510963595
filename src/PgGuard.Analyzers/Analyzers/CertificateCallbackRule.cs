using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0003: a certificate validation callback that accepts every server certificate, given to Npgsql through
    /// <c>UseUserCertificateValidationCallback</c>, <c>NpgsqlConnection.UserCertificateValidationCallback</c>,
    /// <c>RemoteCertificateValidationCallback</c> assigned inside <c>UseSslClientAuthenticationOptionsCallback</c> or
    /// <c>NpgsqlConnection.SslClientAuthenticationOptionsCallback</c>, or EF Core's <c>RemoteCertificateValidationCallback(..)</c>.
    /// </summary>
    /// <remarks>
    /// "Accepts everything" is decided on the callback's own body: a lambda, anonymous method, local function or a method
    /// group whose declaration is in the same file. It holds when at least one <c>return</c> exists, every <c>return</c>
    /// yields the constant <c>true</c>, nothing is thrown, and no parameter is read. Reading the certificate, the chain,
    /// the policy errors or even the sender counts as inspecting it (a helper may throw on a bad certificate), so such a
    /// callback is never flagged. Virtual methods are skipped (an override may validate). Npgsql rejects a custom callback
    /// at open with VerifyCA/VerifyFull (NPGSQL.md §7.3), so a flagged callback runs only in modes that verify nothing.
    /// </remarks>
    internal static class CertificateCallbackRule
    {
        /// <summary>
        /// Diagnostic properties set when the callback sits in a whole expression statement that can be deleted alone:
        /// the statement's start and length in the diagnostic's file (invariant integers).
        /// </summary>
        public const string RemoveStartProperty = "PgGuard.RemoveStart";

        public const string RemoveLengthProperty = "PgGuard.RemoveLength";

        public static void AnalyzeInvocation(OperationAnalysisContext context, CallbackMembers members)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;

            // Cheapest test first: every member we look for has one of three names (reading Parameters allocates) and one parameter.
            if ((method.Name != "UseUserCertificateValidationCallback" && method.Name != "RemoteCertificateValidationCallback" &&
                 method.Name != "UseSslClientAuthenticationOptionsCallback") ||
                invocation.Arguments.Length != 1 || method.Parameters.Length != 1)
            {
                return;
            }

            var argument = invocation.Arguments[0].Value;
            if (members.IsValidationMethod(method))
            {
                AnalyzeValidationCallback(context, argument, RemovableStatement(invocation, invocation.Instance));
            }
            else if (members.IsOptionsMethod(method))
            {
                AnalyzeOptionsCallback(context, argument, members);
            }
        }

        public static void AnalyzeAssignment(OperationAnalysisContext context, CallbackMembers members)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation target)
            {
                return;
            }

            var property = target.Property.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(property, members.ConnectionValidation))
            {
                AnalyzeValidationCallback(context, assignment.Value, RemovableStatement(assignment, target.Instance));
            }
            else if (SymbolEqualityComparer.Default.Equals(property, members.ConnectionOptions))
            {
                AnalyzeOptionsCallback(context, assignment.Value, members);
            }
        }

        /// <summary>An options callback: every assignment of RemoteCertificateValidationCallback in its body is a validation callback.</summary>
        private static void AnalyzeOptionsCallback(OperationAnalysisContext context, IOperation callback, CallbackMembers members)
        {
            if (members.OptionsValidation is null || !TryGetFunction(callback, context.CancellationToken, out var function) || function.IsVirtual)
            {
                return;
            }

            foreach (var operation in function.Body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment &&
                    SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, members.OptionsValidation))
                {
                    AnalyzeValidationCallback(context, assignment.Value, RemovableStatement(assignment, target.Instance));
                }
            }
        }

        private static void AnalyzeValidationCallback(OperationAnalysisContext context, IOperation callback, SyntaxNode? removable)
        {
            if (!TryGetFunction(callback, context.CancellationToken, out var function) || function.IsVirtual || !AcceptsEverything(function))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;

            // The fix edits the diagnostic's own file: a method group's body in the same file qualifies, nothing else.
            if (removable is not null && removable.SyntaxTree == function.Location.SourceTree)
            {
                properties = properties
                    .Add(RemoveStartProperty, removable.Span.Start.ToString(CultureInfo.InvariantCulture))
                    .Add(RemoveLengthProperty, removable.Span.Length.ToString(CultureInfo.InvariantCulture));
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AcceptAllCertificateCallback, function.Location, properties));
        }

        /// <summary>True when every return yields the constant true, nothing throws, and no parameter is read.</summary>
        private static bool AcceptsEverything(Function function)
        {
            var returns = 0;
            var stack = new Stack<(IOperation Operation, bool Nested)>();
            stack.Push((function.Body, false));
            while (stack.Count != 0)
            {
                var (operation, nested) = stack.Pop();
                switch (operation)
                {
                    case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, function.Symbol):
                        return false;
                    case IInvalidOperation:
                        return false;

                    // Returns and throws of a nested lambda or local function are not the callback's.
                    case IReturnOperation @return when !nested:
                        if (@return.ReturnedValue is not { ConstantValue: { HasValue: true, Value: true } })
                        {
                            return false;
                        }

                        returns++;
                        break;
                    case IThrowOperation when !nested:
                        return false;
                }

                var nestedChildren = nested || operation is IAnonymousFunctionOperation or ILocalFunctionOperation;
                foreach (var child in operation.ChildOperations)
                {
                    stack.Push((child, nestedChildren));
                }
            }

            return returns != 0;
        }

        /// <summary>
        /// The callback's function and where to report it: a lambda or anonymous method itself, or the name of a method
        /// group whose body is in the same file (a body elsewhere, in metadata, or missing is not judged).
        /// </summary>
        private static bool TryGetFunction(IOperation callback, CancellationToken cancellationToken, out Function function)
        {
            function = default;
            var value = callback;
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation { OperatorMethod: null } conversion:
                        value = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        value = parenthesized.Operand;
                        continue;
                    case IDelegateCreationOperation creation:
                        value = creation.Target;
                        continue;
                }

                break;
            }

            if (value is IAnonymousFunctionOperation lambda)
            {
                function = new Function(lambda.Symbol, lambda.Body, lambda.Syntax.GetLocation(), isVirtual: false);
                return true;
            }

            if (value is not IMethodReferenceOperation reference || value.SemanticModel is not { } model)
            {
                return false;
            }

            var method = reference.Method;
            var location = reference.Syntax is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : reference.Syntax.GetLocation();
            foreach (var declaration in method.DeclaringSyntaxReferences)
            {
                if (declaration.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                var body = model.GetOperation(declaration.GetSyntax(cancellationToken), cancellationToken) switch
                {
                    ILocalFunctionOperation local => local.Body ?? local.IgnoredBody,
                    IMethodBodyOperation member => member.BlockBody ?? member.ExpressionBody,
                    _ => null,
                };
                if (body is not null)
                {
                    function = new Function(method, body, location, method.IsVirtual || method.IsAbstract || method.IsOverride);
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The statement that holds only <paramref name="operation"/> (the call or assignment that installs the callback),
        /// when deleting it changes nothing else: a statement of a block, whose receiver has no side effect.
        /// </summary>
        private static SyntaxNode? RemovableStatement(IOperation operation, IOperation? receiver)
        {
            if (operation.Parent is not IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement } || !IsPlainReceiver(receiver))
            {
                return null;
            }

            return statement.Parent switch
            {
                BlockSyntax or SwitchSectionSyntax => statement,
                GlobalStatementSyntax global when global.Parent.IsKind(SyntaxKind.CompilationUnit) => global,
                _ => null,
            };
        }

        private static bool IsPlainReceiver(IOperation? receiver) => receiver switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
            IFieldReferenceOperation field => field.Instance is null || field.Instance is IInstanceReferenceOperation,
            _ => false,
        };

        private readonly struct Function
        {
            public Function(IMethodSymbol symbol, IOperation body, Location location, bool isVirtual)
            {
                Symbol = symbol;
                Body = body;
                Location = location;
                IsVirtual = isVirtual;
            }

            public IMethodSymbol Symbol { get; }

            public IOperation Body { get; }

            public Location Location { get; }

            public bool IsVirtual { get; }
        }
    }
}
