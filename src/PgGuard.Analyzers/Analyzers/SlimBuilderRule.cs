using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Rules;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0002 for <c>new NpgsqlSlimDataSourceBuilder(..)</c> whose result never receives <c>EnableTransportSecurity()</c>
    /// in the same body: the slim builder leaves TLS out, so the default SSL Mode Prefer connects in plaintext
    /// (NPGSQL.md §5.3, fact 10).
    /// </summary>
    /// <remarks>
    /// The builder is followed through fluent calls that return the builder and through the local it initializes. A
    /// builder that escapes (returned, passed to other code, stored in a field or another variable) may get TLS elsewhere
    /// and is not reported. Not reported either: an SSL Mode known to be anything but Prefer (Disable and Allow are
    /// PG0002 on the string already; Require, VerifyCA and VerifyFull throw at open instead of falling back to plaintext),
    /// and a known local connection unless <c>pgguard.analyze_local_connections = true</c>.
    /// </remarks>
    internal sealed class SlimBuilderRule
    {
        private const int Prefer = 2;

        private readonly INamedTypeSymbol _slimBuilder;
        private readonly AnalyzerConfigOptionsProvider _options;

        public SlimBuilderRule(INamedTypeSymbol slimBuilder, AnalyzerConfigOptionsProvider options)
        {
            _slimBuilder = slimBuilder;
            _options = options;
        }

        private enum Outcome
        {
            /// <summary>EnableTransportSecurity() is called on this builder.</summary>
            Tls,

            /// <summary>Other code gets the builder: it may enable TLS there.</summary>
            Escapes,

            /// <summary>The value is used up (built, discarded, a setting read or written) without TLS.</summary>
            NoTls,
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!NpgsqlSymbols.IsOrDerivesFrom(creation.Type, _slimBuilder))
            {
                return;
            }

            var options = PgGuardOptions.From(_options.GetOptions(creation.Syntax.SyntaxTree));
            if (IsExcludedByConnectionString(creation, options, context) || FollowChain(creation, out var consumer) != Outcome.NoTls)
            {
                return;
            }

            // A builder stored in a local is judged by every use of that local in the body.
            if (OperationFlow.InitializedLocal(consumer) is { } local && LocalOutcome(OperationFlow.References(creation, local)) != Outcome.NoTls)
            {
                return;
            }

            context.ReportDiagnostic(CreateDiagnostic(creation));
        }

        private static Diagnostic CreateDiagnostic(IObjectCreationOperation creation)
        {
            var location = creation.Syntax switch
            {
                ObjectCreationExpressionSyntax explicitType => explicitType.Type.GetLocation(),
                ImplicitObjectCreationExpressionSyntax implicitType => implicitType.NewKeyword.GetLocation(),
                _ => creation.Syntax.GetLocation(),
            };
            return Diagnostic.Create(Descriptors.SlimBuilderWithoutTls, location);
        }

        /// <summary>The constructor's connection string, when its constant text settles the question.</summary>
        private static bool IsExcludedByConnectionString(IObjectCreationOperation creation, PgGuardOptions options, OperationAnalysisContext context)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name != "connectionString" || argument.ArgumentKind == ArgumentKind.DefaultValue ||
                    CSharpLocatedText.Build(argument.Value, context.CancellationToken) is not { } text)
                {
                    continue;
                }

                var model = ConnectionStringParser.Parse(text);
                var mode = model.GetEffective(NpgsqlKeywords.SslMode);
                if (mode.IsKnown && (!mode.TryGetEnum(out var value) || value != Prefer))
                {
                    return true;
                }

                var ruleContext = new ConnectionStringContext(model, TextOrigin.CSharp, options);
                return !options.AnalyzeLocalConnections && ruleContext.HostClass == HostClass.Local;
            }

            return false;
        }

        /// <summary>A local holding the builder: every use of it in the body counts, wherever it sits.</summary>
        private static Outcome LocalOutcome(IReadOnlyList<ILocalReferenceOperation> references)
        {
            foreach (var reference in references)
            {
                if (!OperationFlow.IsWrite(reference) && FollowChain(reference, out _) is var use && use != Outcome.NoTls)
                {
                    return use;
                }
            }

            return Outcome.NoTls;
        }

        /// <summary>
        /// Follows a builder value up through fluent calls that return the builder. <paramref name="consumer"/> is what
        /// finally takes the value.
        /// </summary>
        private static Outcome FollowChain(IOperation value, out IOperation? consumer)
        {
            var current = value;
            while (true)
            {
                consumer = OperationFlow.Consumer(current, out var child);
                switch (consumer)
                {
                    case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, child):
                        if (invocation.TargetMethod.Name == "EnableTransportSecurity")
                        {
                            return Outcome.Tls;
                        }

                        // A fluent call returns the same builder; anything else (Build(), BuildMultiHost()) ends the chain.
                        if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, invocation.TargetMethod.ContainingType))
                        {
                            current = invocation;
                            continue;
                        }

                        return Outcome.NoTls;
                    case IMemberReferenceOperation member when ReferenceEquals(member.Instance, child):
                        // builder.ConnectionStringBuilder.Host = .. reads a member; the builder itself stays here.
                        return member is IMethodReferenceOperation ? Outcome.Escapes : Outcome.NoTls;
                    case IExpressionStatementOperation:
                    case IVariableInitializerOperation when value is IObjectCreationOperation:
                        return Outcome.NoTls;
                    default:
                        return Outcome.Escapes;
                }
            }
        }
    }
}
