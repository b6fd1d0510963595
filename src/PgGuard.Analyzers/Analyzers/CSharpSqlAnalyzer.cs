using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0100–PG0108 in C#: SQL text that reaches the server through Npgsql commands and batches, Dapper, EF Core raw SQL
    /// and migrations (the sinks are the rows of <see cref="SqlSinks.Table"/>). The argument's located text (literals,
    /// interpolations, concatenations, constants; unknown values are holes) is lexed once and every rule runs over it;
    /// each finding is reported at the exact source characters, even inside a <c>const</c> declared elsewhere.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CSharpSqlAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SqlRules.Descriptors;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated SQL runs on the server like hand-written SQL (EF migrations are often generated or scaffolded).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var sinks = ResolveSinks(start.Compilation);
                if (sinks.Count == 0)
                {
                    return; // neither Npgsql, Dapper nor EF Core relational is referenced
                }

                var state = new State(sinks, start.Options.AnalyzerConfigOptionsProvider);
                start.RegisterOperationAction(state.AnalyzeObjectCreation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(state.AnalyzeAssignment, OperationKind.SimpleAssignment);
            });
        }

        /// <summary>The sink members of this compilation, keyed by their original definitions.</summary>
        private static Dictionary<ISymbol, SqlSink> ResolveSinks(Compilation compilation)
        {
            var sinks = new Dictionary<ISymbol, SqlSink>(SymbolEqualityComparer.Default);
            foreach (var sink in SqlSinks.Table)
            {
                var type = compilation.GetTypeByMetadataName(sink.TypeMetadataName);
                if (type == null)
                {
                    continue;
                }

                foreach (var member in type.GetMembers())
                {
                    if (Matches(sink, member))
                    {
                        sinks[member] = sink;
                    }
                }
            }

            return sinks;
        }

        private static bool Matches(SqlSink sink, ISymbol member)
        {
            switch (sink.Kind)
            {
                case SqlSinkMember.Property:
                    return member is IPropertySymbol && member.Name == sink.MemberName;
                case SqlSinkMember.Constructor:
                    return member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && HasParameter(constructor, sink.ArgumentName);
                case SqlSinkMember.Method:
                    return member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && method.Name == sink.MemberName && HasParameter(method, sink.ArgumentName);
                default:
                    return member is IMethodSymbol { MethodKind: MethodKind.Ordinary } prefixed
                        && prefixed.Name.StartsWith(sink.MemberName, StringComparison.Ordinal) && HasParameter(prefixed, sink.ArgumentName);
            }
        }

        private static bool HasParameter(IMethodSymbol method, string? name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Per-compilation state: the resolved sinks, the options provider, and what was already reported.</summary>
        private sealed class State
        {
            private readonly Dictionary<ISymbol, SqlSink> _sinks;
            private readonly AnalyzerConfigOptionsProvider _options;

            // A const used by several sinks is analysed once per use; its findings (located in the const) are reported once.
            private readonly ConcurrentDictionary<(SyntaxTree, TextSpan, string), bool> _reported =
                new ConcurrentDictionary<(SyntaxTree, TextSpan, string), bool>();

            public State(Dictionary<ISymbol, SqlSink> sinks, AnalyzerConfigOptionsProvider options)
            {
                _sinks = sinks;
                _options = options;
            }

            public void AnalyzeObjectCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Constructor is { } constructor && _sinks.TryGetValue(constructor.OriginalDefinition, out var sink))
                {
                    AnalyzeArgument(context, creation.Arguments, sink);
                }
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (_sinks.TryGetValue((method.ReducedFrom ?? method).OriginalDefinition, out var sink))
                {
                    AnalyzeArgument(context, invocation.Arguments, sink);
                }
            }

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is IPropertyReferenceOperation property && _sinks.ContainsKey(property.Property.OriginalDefinition))
                {
                    Analyze(context, assignment.Value);
                }
            }

            private void AnalyzeArgument(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, SqlSink sink)
            {
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Name == sink.ArgumentName && argument.ArgumentKind == ArgumentKind.Explicit)
                    {
                        Analyze(context, argument.Value);
                        return;
                    }
                }
            }

            private void Analyze(OperationAnalysisContext context, IOperation value)
            {
                var text = CSharpLocatedText.Build(value, context.CancellationToken);
                if (text == null || text.Length == 0)
                {
                    return;
                }

                var options = PgGuardOptions.From(_options.GetOptions(value.Syntax.SyntaxTree));
                foreach (var finding in SqlRules.Analyze(SqlText.FromLocatedText(text), options, context.CancellationToken))
                {
                    Report(context, text, finding, value.Syntax.GetLocation());
                }
            }

            private void Report(OperationAnalysisContext context, LocatedText text, SqlFinding finding, Location fallback)
            {
                var location = FindingDiagnostics.MapToTree(text, finding.Span) ?? fallback;
                if (location.SourceTree is { } tree && !_reported.TryAdd((tree, location.SourceSpan, finding.Descriptor.Id), true))
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (finding.Fix is { } fix && FindingDiagnostics.MapToTree(text, fix.Span) is { } editLocation)
                {
                    properties = SqlFixProperties.For(editLocation.SourceSpan, fix.NewText);
                }

                context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, location, properties, finding.MessageArgumentsAsObjects()));
            }
        }
    }
}
