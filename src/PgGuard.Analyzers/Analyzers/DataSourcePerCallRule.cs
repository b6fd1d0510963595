using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0012: <c>NpgsqlDataSource.Create(..)</c> or <c>Build()</c>/<c>BuildMultiHost()</c> of a data source builder where
    /// it clearly runs per call. Each data source owns its own connection pool, so one per call starts from an empty pool
    /// every time, and one that is not disposed keeps its idle connections open.
    /// </summary>
    /// <remarks>
    /// Conservative on purpose; reported only in these places:
    /// <list type="bullet">
    /// <item>a <c>DbContext.OnConfiguring</c> override (runs for every context instance);</item>
    /// <item>the options lambda of <c>AddDbContext</c> (options are scoped unless <c>optionsLifetime</c> is Singleton)
    /// and of <c>AddDbContextFactory</c> with a Scoped or Transient lifetime, and a factory lambda of <c>AddScoped</c> /
    /// <c>AddTransient</c> (and their TryAdd/Keyed forms). <c>AddDbContextPool</c> and <c>AddPooledDbContextFactory</c> build their
    /// options once per service provider (verified with EF Core 10), so their lambdas are not per call;</item>
    /// <item>a property getter that returns the new data source (a new pool on every read);</item>
    /// <item>any other method, local function or lambda that creates the data source and only uses it there: it is
    /// the receiver of member calls (<c>using var ds = NpgsqlDataSource.Create(cs); await ds.OpenConnectionAsync()</c>),
    /// never passed, returned or stored.</item>
    /// </list>
    /// Never reported: a value kept in a static field or property, assigned with <c>??=</c>, in a field or property
    /// initializer, inside a lambda that runs once (<c>Lazy&lt;T&gt;</c>, <c>GetOrAdd</c>/<c>GetOrCreate</c> caches,
    /// <c>AddSingleton</c> factories, <c>AddNpgsqlDataSource</c> actions), in constructors, and in the entry point
    /// (<c>Main</c> or top-level statements), which runs once.
    /// </remarks>
    internal sealed class DataSourcePerCallRule
    {
        private readonly DataSourceSymbols _symbols;

        public DataSourcePerCallRule(DataSourceSymbols symbols)
        {
            _symbols = symbols;
        }

        private enum Context
        {
            /// <summary>Nothing known about how often this runs: only a create-use-dispose body is reported.</summary>
            Unknown,

            /// <summary>Runs once (a singleton factory, a cache, a constructor …): never reported.</summary>
            Once,

            /// <summary>Runs per scope, context or resolution: reported unless the value is kept.</summary>
            PerCall,
        }

        private enum Verdict
        {
            No,
            Yes,

            /// <summary>Yes if every reference to the local the value initializes is a receiver.</summary>
            IfLocalStaysHere,
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            string call;
            if (method.Name == "Create" && method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.DataSource))
            {
                call = "NpgsqlDataSource.Create";
            }
            else if ((method.Name == "Build" || method.Name == "BuildMultiHost") && !method.IsStatic &&
                     (NpgsqlSymbols.IsOrDerivesFrom(method.ContainingType, _symbols.DataSourceBuilder) ||
                      NpgsqlSymbols.IsOrDerivesFrom(method.ContainingType, _symbols.SlimDataSourceBuilder)))
            {
                call = method.ContainingType.Name + "." + method.Name + "()";
            }
            else
            {
                return;
            }

            var verdict = Judge(invocation, context.ContainingSymbol, out var local);
            if (verdict == Verdict.Yes || (verdict == Verdict.IfLocalStaysHere && StaysHere(invocation, local!)))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DataSourcePerCall, CallLocation(invocation), call));
            }
        }

        /// <summary>Every reference to the local in the body is a write or the receiver of a member call.</summary>
        private static bool StaysHere(IOperation creation, ILocalSymbol local)
        {
            foreach (var reference in OperationFlow.References(creation, local))
            {
                if (!OperationFlow.IsWrite(reference) && !IsReceiver(OperationFlow.Consumer(reference, out var used), used))
                {
                    return false;
                }
            }

            return true;
        }

        private Verdict Judge(IInvocationOperation creation, ISymbol member, out ILocalSymbol? local)
        {
            local = null;
            var consumer = ValueConsumer(creation, out var child);
            if (IsKept(consumer, child))
            {
                return Verdict.No;
            }

            // How often the code around the creation runs: any enclosing lambda that runs once settles it; a per-call
            // one makes it per call; a lambda or local function of unknown purpose only means the member's own kind
            // (entry point, getter) no longer applies.
            var context = Context.Unknown;
            var nested = false;
            for (var operation = creation.Parent; operation is not null; operation = operation.Parent)
            {
                if (operation is IAnonymousFunctionOperation lambda)
                {
                    switch (LambdaContext(lambda, _symbols))
                    {
                        case Context.Once:
                            return Verdict.No;
                        case Context.PerCall:
                            context = Context.PerCall;
                            break;
                    }

                    nested = true;
                }
                else if (operation is ILocalFunctionOperation)
                {
                    nested = true;
                }
            }

            // Field and property initializers run once per type or instance; constructors once per instance.
            if (member is not IMethodSymbol method || method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
            {
                return Verdict.No;
            }

            if (context == Context.PerCall || IsOnConfiguring(method, _symbols))
            {
                return Verdict.Yes;
            }

            if (!nested)
            {
                if (method.MethodKind == MethodKind.PropertyGet && consumer is IReturnOperation)
                {
                    return Verdict.Yes;
                }

                if (IsEntryPoint(method))
                {
                    return Verdict.No;
                }
            }

            // Created and used up in this body: the receiver of member calls directly, or through the local it initializes
            // when every reference to that local is such a receiver (never passed, returned, stored or aliased).
            consumer = OperationFlow.Consumer(creation, out child);
            if (IsReceiver(consumer, child) || (consumer is IUsingOperation @using && ReferenceEquals(@using.Resources, child)))
            {
                return Verdict.Yes;
            }

            local = OperationFlow.InitializedLocal(consumer);
            return local is null ? Verdict.No : Verdict.IfLocalStaysHere;
        }

        /// <summary>
        /// What takes the new data source, seen through conversions, parentheses, <c>??</c> and <c>?:</c> (which pass
        /// the value on unchanged).
        /// </summary>
        private static IOperation? ValueConsumer(IOperation value, out IOperation child)
        {
            var current = value;
            while (true)
            {
                var consumer = OperationFlow.Consumer(current, out child);
                if ((consumer is ICoalesceOperation coalesce && ReferenceEquals(coalesce.WhenNull, child)) ||
                    (consumer is IConditionalOperation conditional && conditional.WhenTrue is not null &&
                     (ReferenceEquals(conditional.WhenTrue, child) || ReferenceEquals(conditional.WhenFalse, child))))
                {
                    current = consumer;
                    continue;
                }

                return consumer;
            }
        }

        /// <summary>Stored where it outlives the call: <c>x ??= ..</c>, a static field or property, an initializer.</summary>
        private static bool IsKept(IOperation? consumer, IOperation child) => consumer switch
        {
            ICoalesceAssignmentOperation assignment => ReferenceEquals(assignment.Value, child),
            ISimpleAssignmentOperation assignment => ReferenceEquals(assignment.Value, child) && IsStaticMember(assignment.Target),
            IFieldInitializerOperation or IPropertyInitializerOperation => true,
            _ => false,
        };

        private static bool IsStaticMember(IOperation target) => target switch
        {
            IFieldReferenceOperation field => field.Field.IsStatic,
            IPropertyReferenceOperation property => property.Property.IsStatic,
            _ => false,
        };

        /// <summary>How often a lambda runs, judged from the API it is handed to.</summary>
        private static Context LambdaContext(IAnonymousFunctionOperation lambda, DataSourceSymbols symbols)
        {
            if (OperationFlow.Consumer(lambda, out _) is not IDelegateCreationOperation creation ||
                OperationFlow.Consumer(creation, out _) is not IArgumentOperation argument)
            {
                return Context.Unknown;
            }

            if (argument.Parent is IObjectCreationOperation objectCreation)
            {
                return symbols.Lazy is not null && SymbolEqualityComparer.Default.Equals(objectCreation.Type?.OriginalDefinition, symbols.Lazy)
                    ? Context.Once
                    : Context.Unknown;
            }

            if (argument.Parent is not IInvocationOperation invocation)
            {
                return Context.Unknown;
            }

            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            switch (method.Name)
            {
                // Caches and lazy initialisation: the factory runs once per key.
                case "GetOrAdd":
                case "AddOrUpdate":
                case "GetOrCreate":
                case "GetOrCreateAsync":
                case "EnsureInitialized":
                // Singletons, and the data source registrations of Npgsql.DependencyInjection.
                case "AddSingleton":
                case "TryAddSingleton":
                case "AddKeyedSingleton":
                case "TryAddKeyedSingleton":
                // Pooled contexts and pooled factories build their options once per service provider.
                case "AddDbContextPool":
                case "AddPooledDbContextFactory":
                    return Context.Once;
                case "AddScoped":
                case "AddTransient":
                case "TryAddScoped":
                case "TryAddTransient":
                case "AddKeyedScoped":
                case "AddKeyedTransient":
                case "TryAddKeyedScoped":
                case "TryAddKeyedTransient":
                    return IsDependencyInjection(method) ? Context.PerCall : Context.Unknown;
                case "AddDbContext":
                    // optionsLifetime defaults to Scoped: the options, and this lambda, run once per scope.
                    return IsEntityFramework(method) && argument.Parameter?.Name == "optionsAction"
                        ? Lifetime(invocation, "optionsLifetime", Context.PerCall)
                        : Context.Unknown;
                case "AddDbContextFactory":
                    // The factory and its options default to Singleton.
                    return IsEntityFramework(method) && argument.Parameter?.Name == "optionsAction"
                        ? Lifetime(invocation, "lifetime", Context.Once)
                        : Context.Unknown;
                default:
                    return method.Name.StartsWith("AddNpgsql", System.StringComparison.Ordinal) ||
                           method.Name.StartsWith("AddMultiHostNpgsql", System.StringComparison.Ordinal)
                        ? Context.Once
                        : Context.Unknown;
            }
        }

        /// <summary>A <c>ServiceLifetime</c> argument: Singleton (0) runs once, Scoped (1) and Transient (2) per call.</summary>
        private static Context Lifetime(IInvocationOperation invocation, string parameter, Context whenDefault)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name != parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                return argument.Value.ConstantValue is { HasValue: true, Value: int value }
                    ? value == 0 ? Context.Once : Context.PerCall
                    : Context.Unknown;
            }

            return whenDefault;
        }

        private static bool IsDependencyInjection(IMethodSymbol method) =>
            method.ContainingNamespace?.ToDisplayString() is { } ns &&
            (ns == "Microsoft.Extensions.DependencyInjection" || ns == "Microsoft.Extensions.DependencyInjection.Extensions");

        private static bool IsEntityFramework(IMethodSymbol method) =>
            method.ContainingType?.Name == "EntityFrameworkServiceCollectionExtensions";

        private static bool IsOnConfiguring(IMethodSymbol method, DataSourceSymbols symbols)
        {
            if (method.Name != "OnConfiguring" || symbols.DbContext is null)
            {
                return false;
            }

            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(overridden.ContainingType, symbols.DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>static Main</c>, or the method the compiler makes of top-level statements: they run once.</summary>
        private static bool IsEntryPoint(IMethodSymbol method) =>
            (method.IsStatic && method.Name == "Main") || method.Name == "<Main>$";

        /// <summary>The instance of a call or of a property, field or event access; a method group may be stored, so it is not.</summary>
        private static bool IsReceiver(IOperation? consumer, IOperation child) => consumer switch
        {
            IInvocationOperation invocation => ReferenceEquals(invocation.Instance, child),
            IMethodReferenceOperation => false,
            IMemberReferenceOperation member => ReferenceEquals(member.Instance, child),
            _ => false,
        };

        /// <summary>From the method name to the closing parenthesis: <c>Create(cs)</c>, <c>Build()</c>.</summary>
        private static Location CallLocation(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End));
            }

            return invocation.Syntax.GetLocation();
        }
    }
}
