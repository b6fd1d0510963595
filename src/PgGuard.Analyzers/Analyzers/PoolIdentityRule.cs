using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0012, second form: a connection string whose pool-selecting setting takes a value that changes per call.
    /// <c>new NpgsqlConnection(cs)</c> (and EF Core's <c>UseNpgsql(cs)</c>, which creates such connections) looks its pool
    /// up by the connection string, so every distinct string is another pool with its own idle connections.
    /// </summary>
    /// <remarks>
    /// What is made precise, and nothing more:
    /// <list type="bullet">
    /// <item>sinks that pick a pool by connection string: <c>new NpgsqlConnection(string)</c>, <c>NpgsqlConnection.ConnectionString = ..</c>,
    /// <c>CloneWith</c>/<c>CloneWithAsync</c>, EF Core's <c>UseNpgsql(string)</c>. Data source creation is left to
    /// <see cref="DataSourcePerCallRule"/>: a per-tenant data source cached in a dictionary is the recommended pattern;</item>
    /// <item>settings: the effective Host, Port, Database, Username, Minimum Pool Size and Maximum Pool Size;</item>
    /// <item>"per call": a hole in that value (an interpolation or a concatenated operand) that reads a parameter of the
    /// enclosing method, local function or lambda, directly or through property/field access or <c>ToString()</c>
    /// (<c>{tenant}</c>, <c>{request.TenantId}</c>). Constructor parameters are excluded (injected configuration is
    /// constant), and so are fields, locals, method calls and configuration reads, whose values may well be constant.</item>
    /// </list>
    /// One diagnostic per setting, on the first such hole.
    /// </remarks>
    internal static class PoolIdentityRule
    {
        private static readonly NpgsqlKeyword[] PoolIdentity =
        {
            NpgsqlKeywords.Host, NpgsqlKeywords.Port, NpgsqlKeywords.Database, NpgsqlKeywords.Username,
            NpgsqlKeywords.MinPoolSize, NpgsqlKeywords.MaxPoolSize,
        };

        public static void AnalyzeObjectCreation(OperationAnalysisContext context, DataSourceSymbols symbols)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Connection))
            {
                AnalyzeArguments(context, creation.Arguments);
            }
        }

        public static void AnalyzeInvocation(OperationAnalysisContext context, DataSourceSymbols symbols)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var isSink = method.Name switch
            {
                "CloneWith" or "CloneWithAsync" => NpgsqlSymbols.IsOrDerivesFrom(method.ContainingType, symbols.Connection),
                "UseNpgsql" => method.ContainingType?.ToDisplayString() == "Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions",
                _ => false,
            };
            if (isSink)
            {
                AnalyzeArguments(context, invocation.Arguments);
            }
        }

        public static void AnalyzeAssignment(OperationAnalysisContext context, DataSourceSymbols symbols)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "ConnectionString" } property &&
                NpgsqlSymbols.IsOrDerivesFrom(property.Instance?.Type, symbols.Connection))
            {
                Analyze(context, assignment.Value);
            }
        }

        private static void AnalyzeArguments(OperationAnalysisContext context, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == "connectionString" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    Analyze(context, argument.Value);
                }
            }
        }

        private static void Analyze(OperationAnalysisContext context, IOperation value)
        {
            // A constant string has no hole; a lone parameter or call has no text to parse.
            if (value.ConstantValue.HasValue || !CSharpLocatedText.MayContain(value, '='))
            {
                return;
            }

            var text = CSharpLocatedText.Build(value, context.CancellationToken);
            if (text is null || !text.HasHoles)
            {
                return;
            }

            var model = ConnectionStringParser.Parse(text);
            var tree = value.Syntax.SyntaxTree;
            List<ConnectionStringSetting>? settings = null;
            Dictionary<TextSpan, IOperation?>? holes = null;
            foreach (var keyword in PoolIdentity)
            {
                if (model.GetEffective(keyword) is { State: ValueState.Unknown, Setting: { ValueHasHole: true } setting })
                {
                    (settings ??= new List<ConnectionStringSetting>()).Add(setting);
                    for (var i = setting.ValueSpan.Start; i < setting.ValueSpan.End; i++)
                    {
                        if (text.IsHole(i) && text.SourceAt(i) == tree)
                        {
                            (holes ??= new Dictionary<TextSpan, IOperation?>())[text.SourceSpanAt(i)] = null;
                        }
                    }
                }
            }

            if (settings is null || holes is null)
            {
                return;
            }

            // One walk maps every hole to the outermost operation written exactly there (an interpolation, an operand).
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (holes.TryGetValue(operation.Syntax.Span, out var found) && found is null)
                {
                    holes[operation.Syntax.Span] = operation;
                }
            }

            foreach (var setting in settings)
            {
                for (var i = setting.ValueSpan.Start; i < setting.ValueSpan.End; i++)
                {
                    if (text.IsHole(i) && holes.TryGetValue(text.SourceSpanAt(i), out var hole) && PerCallParameter(hole) is { } parameter)
                    {
                        var location = Location.Create(tree, text.SourceSpanAt(i));
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.PoolIdentityPerCall, location, setting.Key, parameter.Name));
                        break;
                    }
                }
            }
        }

        private static IParameterSymbol? PerCallParameter(IOperation? operation)
        {
            while (operation is not null)
            {
                switch (operation)
                {
                    case IInterpolationOperation interpolation:
                        operation = interpolation.Expression;
                        continue;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }:
                        operation = instance;
                        continue;
                    case IPropertyReferenceOperation { Instance: { } instance, Arguments.IsEmpty: true }:
                        operation = instance;
                        continue;
                    case IFieldReferenceOperation { Instance: { } instance }:
                        operation = instance;
                        continue;
                    case IParameterReferenceOperation reference:
                        return reference.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) }
                            ? reference.Parameter
                            : null;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
