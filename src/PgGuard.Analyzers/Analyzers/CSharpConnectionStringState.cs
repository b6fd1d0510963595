using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
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
    /// <summary>Per-compilation state and callbacks of <see cref="CSharpConnectionStringAnalyzer"/>.</summary>
    internal sealed class CSharpConnectionStringState
    {
        private readonly NpgsqlSymbols _symbols;
        private readonly bool _isTestProject;
        private readonly AnalyzerConfigOptionsProvider _options;

        // The same characters can be reached twice (a const used in a sink and seen by shape at its declaration):
        // each finding is reported once per compilation.
        private readonly ConcurrentDictionary<string, byte> _reported = new ConcurrentDictionary<string, byte>();

        public CSharpConnectionStringState(NpgsqlSymbols symbols, bool isTestProject, AnalyzerConfigOptionsProvider options)
        {
            _symbols = symbols;
            _isTestProject = isTestProject;
            _options = options;
        }

        private enum Usage
        {
            /// <summary>Not handed to anything we know: judged by shape.</summary>
            Other,

            /// <summary>Flows into an Npgsql sink or builder: the sink callbacks analyse it.</summary>
            Npgsql,

            /// <summary>Handed to another provider's API: never ours.</summary>
            Foreign,
        }

        /// <summary>
        /// Strings by shape. Each outermost string expression is analysed once: a literal or interpolated string on its
        /// own, or a <c>+</c> concatenation from its top node (its leaves return early).
        /// </summary>
        public void AnalyzeString(OperationAnalysisContext context)
        {
            var root = context.Operation;

            // Cheapest tests first, no allocation: non-string literals, and literals in which no Npgsql keyword can be
            // a key and no postgres URI starts (most SQL and message templates hold '=' or '@' too).
            if (root is ILiteralOperation literal)
            {
                if (literal.ConstantValue.Value is not string value || !ConnectionStringRecognition.MayHaveNpgsqlShape(value))
                {
                    return;
                }
            }
            else if (root is IBinaryOperation binary && !IsStringConcatenation(binary))
            {
                return;
            }

            if (IsPartOfLargerString(root))
            {
                return;
            }

            var mayBeConnectionString = CSharpLocatedText.MayContain(root, '=');
            if (!mayBeConnectionString && !CSharpLocatedText.MayContain(root, '@'))
            {
                return;
            }

            if (Classify(root) != Usage.Other)
            {
                return;
            }

            var text = CSharpLocatedText.Build(root, context.CancellationToken);
            if (text is null)
            {
                return;
            }

            var isUri = PostgresUri.Scheme(text.Text) is not null;
            if (!isUri && !mayBeConnectionString)
            {
                return;
            }

            var model = ConnectionStringParser.Parse(text, context.CancellationToken);
            if (!isUri && !ConnectionStringRecognition.HasNpgsqlShape(model))
            {
                return;
            }

            // A const is often a fragment that code concatenates with more settings: rules about a missing setting wait
            // for the sink that sees the whole string.
            Analyze(context, model, root.Syntax, isComplete: !IsConstDeclaration(root), byShape: true);
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { } constructor)
            {
                return;
            }

            if (_symbols.ConnectionStringBuilder is { } builder && SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, builder))
            {
                AnalyzeBuilder(context, creation);
                return;
            }

            if (_symbols.TryGetSink(constructor, out var sink))
            {
                AnalyzeSinkArguments(context, sink, creation.Arguments);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name == "EnableParameterLogging")
            {
                AnalyzeParameterLogging(context, invocation, "EnableParameterLogging()");
                return;
            }

            if (method.Name == "InitializeLogging")
            {
                AnalyzeParameterLogging(context, invocation, "parameterLoggingEnabled: true");
                return;
            }

            if (_symbols.TryGetSink(method, out var sink))
            {
                AnalyzeSinkArguments(context, sink, invocation.Arguments);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property)
            {
                return;
            }

            // A builder's ConnectionString is one of its settings, handled with the others below.
            if (_symbols.TryGetSink(property.Property, out var sink) && _symbols.ReceiverMatches(sink, property.Instance?.Type) && !IsBuilderMember(property))
            {
                AnalyzeSinkValue(context, sink, assignment.Value);
                return;
            }

            // Builder properties set one by one. Inside an object initializer the creation sees them all at once. On a
            // local created in the same body, each statement reports the findings that point into it (so every
            // diagnostic is local to the code that produced it and can be fixed there). Anywhere else a setting is
            // judged alone.
            if (!IsBuilderMember(property) || property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                return;
            }

            if (property.Instance is ILocalReferenceOperation local && BuilderModels.IsLocalBuilder(local.Local, _symbols.ConnectionStringBuilder))
            {
                if (assignment.SemanticModel is { } semanticModel && BuilderModels.CreationOf(local.Local, semanticModel, context.CancellationToken) is { } creation &&
                    BuilderModels.Build(creation, context.CancellationToken, out var isComplete) is { } model)
                {
                    var span = assignment.Syntax.Span;
                    Analyze(context, model, creation.Syntax, isComplete, byShape: false, location => location.SourceTree == assignment.Syntax.SyntaxTree && span.Contains(location.SourceSpan));
                }

                return;
            }

            var settings = new List<ConnectionStringSetting>();
            BuilderModels.AddSetting(assignment, settings, context.CancellationToken);
            if (settings.Count != 0)
            {
                Analyze(context, new ParsedConnectionString(null, settings.ToImmutableArray(), null), assignment.Syntax, isComplete: false, byShape: false);
            }
        }

        private void AnalyzeSinkArguments(OperationAnalysisContext context, ConnectionStringSink sink, ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == sink.Parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    AnalyzeSinkValue(context, sink, argument.Value);
                }
            }
        }

        private void AnalyzeSinkValue(OperationAnalysisContext context, ConnectionStringSink sink, IOperation value)
        {
            // Connection strings hold '='; a URI (which Npgsql rejects) holds "://".
            if (!CSharpLocatedText.MayContain(value, '=') && !CSharpLocatedText.MayContain(value, ':'))
            {
                return;
            }

            var text = CSharpLocatedText.Build(value, context.CancellationToken);
            if (text is null || (text.Length == 1 && text.IsHole(0)))
            {
                return;
            }

            var model = ConnectionStringParser.Parse(text, context.CancellationToken);
            if (sink.ResolvesNames && model.Settings.Length == 1 && string.Equals(model.Settings[0].Key, "Name", System.StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            Analyze(context, model, value.Syntax, isComplete: true, byShape: false);
        }

        private void AnalyzeBuilder(OperationAnalysisContext context, IObjectCreationOperation creation)
        {
            var model = BuilderModels.Build(creation, context.CancellationToken, out var isComplete, out var statements);
            if (model is not null)
            {
                // Findings inside a later statement are that statement's to report (see AnalyzeAssignment).
                Analyze(context, model, creation.Syntax, isComplete, byShape: false, location =>
                {
                    foreach (var statement in statements)
                    {
                        if (location.SourceTree == statement.Syntax.SyntaxTree && statement.Syntax.Span.Contains(location.SourceSpan))
                        {
                            return false;
                        }
                    }

                    return true;
                });
            }
        }

        private void AnalyzeParameterLogging(OperationAnalysisContext context, IInvocationOperation invocation, string what)
        {
            var containing = invocation.TargetMethod.ContainingType;
            var isBuilder = NpgsqlSymbols.IsOrDerivesFrom(containing, _symbols.DataSourceBuilder) ||
                            NpgsqlSymbols.IsOrDerivesFrom(containing, _symbols.SlimDataSourceBuilder);
            var isLogging = SymbolEqualityComparer.Default.Equals(containing, _symbols.LoggingConfiguration);
            if (!isBuilder && !isLogging)
            {
                return;
            }

            // EnableParameterLogging(bool parameterLoggingEnabled = true); InitializeLogging(factory, bool parameterLoggingEnabled = false).
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name != "parameterLoggingEnabled")
                {
                    continue;
                }

                var enabled = argument.Value.ConstantValue is { HasValue: true, Value: true };
                if (!enabled)
                {
                    return;
                }
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? access.Name.GetLocation()
                : invocation.Syntax.GetLocation();

            // EnableParameterLogging() only switches logging on, so removing the call is the fix.
            var properties = isBuilder
                ? FindingDiagnostics.WithEdit(ImmutableDictionary<string, string?>.Empty, FindingDiagnostics.RemoveCall, string.Empty, invocation.Syntax.GetLocation())
                : ImmutableDictionary<string, string?>.Empty;
            Report(context, Diagnostic.Create(Descriptors.SensitiveDataLeak, location, properties, what, "logs"));
        }

        private void Analyze(OperationAnalysisContext context, ParsedConnectionString model, SyntaxNode node, bool isComplete, bool byShape, System.Func<Location, bool>? reportHere = null)
        {
            var options = PgGuardOptions.From(_options.GetOptions(node.SyntaxTree));
            var ruleContext = new ConnectionStringContext(model, TextOrigin.CSharp, options, _isTestProject, isDevelopmentConfig: false, isComplete);
            var findings = byShape && model.Text is { } text && PostgresUri.Scheme(text.Text) is not null
                ? ConnectionStringRules.AnalyzeUriByShape(ruleContext)
                : ConnectionStringRules.Analyze(ruleContext);
            foreach (var finding in findings)
            {
                var diagnostic = FindingDiagnostics.Create(finding, model, node.GetLocation());
                if ((reportHere is null || reportHere(diagnostic.Location)) &&
                    (byShape || !IsReportedAtItsConst(diagnostic, model, node, options)))
                {
                    Report(context, diagnostic);
                }
            }
        }

        /// <summary>
        /// True when a sink's finding lies in a const declaration that the shape analysis reports on its own: the const's
        /// text alone has Npgsql's shape and yields the same finding. That report is local to the declaration (fixable
        /// there); the sink's would not be, and which of two equal reports wins must not depend on thread timing.
        /// </summary>
        private bool IsReportedAtItsConst(Diagnostic diagnostic, ParsedConnectionString model, SyntaxNode sink, PgGuardOptions options)
        {
            var location = diagnostic.Location;
            if (model.Text is not { } text || location.SourceTree is not { } tree ||
                (tree == sink.SyntaxTree && sink.Span.Contains(location.SourceSpan)))
            {
                return false;
            }

            var declarator = tree.GetRoot().FindNode(location.SourceSpan).FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            if (declarator?.Initializer?.Value is not { } value ||
                declarator.Parent?.Parent is not (FieldDeclarationSyntax or LocalDeclarationStatementSyntax))
            {
                return false;
            }

            // The const's own characters: a contiguous run of the sink's text.
            var first = -1;
            var last = -1;
            for (var i = 0; i < text.Length; i++)
            {
                if (ReferenceEquals(text.SourceAt(i), tree) && value.Span.Contains(text.SourceSpanAt(i)))
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if (first < 0)
            {
                return false;
            }

            var own = ConnectionStringParser.Parse(text.Slice(first, last - first + 1));
            if (!ConnectionStringRecognition.HasNpgsqlShape(own))
            {
                return false;
            }

            var context = new ConnectionStringContext(own, TextOrigin.CSharp, options, _isTestProject, isDevelopmentConfig: false, isComplete: false);
            foreach (var finding in ConnectionStringRules.Analyze(context))
            {
                var other = FindingDiagnostics.Create(finding, own, location);
                if (other.Id == diagnostic.Id && other.Location == location)
                {
                    return true;
                }
            }

            return false;
        }

        private void Report(OperationAnalysisContext context, Diagnostic diagnostic)
        {
            var location = diagnostic.Location;
            var key = diagnostic.Id + "|" + location.SourceTree?.FilePath + "|" + location.SourceSpan.Start + "|" + location.SourceSpan.Length + "|" + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (_reported.TryAdd(key, 0))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private Usage Classify(IOperation root)
        {
            var child = root;
            var parent = root.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IArgumentOperation argument:
                    var target = argument.Parent switch
                    {
                        IInvocationOperation invocation => (ISymbol)invocation.TargetMethod,
                        IObjectCreationOperation creation => creation.Constructor,
                        _ => null,
                    };
                    if (target is not null)
                    {
                        if (_symbols.TryGetSink(target, out var sink) && argument.Parameter?.Name == sink.Parameter)
                        {
                            return Usage.Npgsql;
                        }

                        if (argument.Parent is IObjectCreationOperation built && SymbolEqualityComparer.Default.Equals(built.Type?.OriginalDefinition, _symbols.ConnectionStringBuilder))
                        {
                            return Usage.Npgsql;
                        }

                        if (ConnectionStringRecognition.IsForeign(target))
                        {
                            return Usage.Foreign;
                        }
                    }

                    break;
                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, child) && assignment.Target is IPropertyReferenceOperation property:
                    if ((_symbols.TryGetSink(property.Property, out var propertySink) && _symbols.ReceiverMatches(propertySink, property.Instance?.Type)) || IsBuilderMember(property))
                    {
                        return Usage.Npgsql;
                    }

                    if (ConnectionStringRecognition.IsForeign(property.Property))
                    {
                        return Usage.Foreign;
                    }

                    break;
            }

            return ConnectionStringRecognition.IsForeignBySyntax(root.Syntax) ? Usage.Foreign : Usage.Other;
        }

        /// <summary>
        /// A property of NpgsqlConnectionStringBuilder, or one it inherits (the indexer, ConnectionString) used on one.
        /// Checked for every property assignment of the compilation: the declaring type decides before any walk.
        /// </summary>
        private bool IsBuilderMember(IPropertyReferenceOperation property)
        {
            var declaring = property.Property.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(declaring, _symbols.ConnectionStringBuilder))
            {
                return true;
            }

            return declaring?.Name == "DbConnectionStringBuilder" &&
                   NpgsqlSymbols.IsOrDerivesFrom(property.Instance?.Type, _symbols.ConnectionStringBuilder);
        }

        private static bool IsConstDeclaration(IOperation root)
        {
            var parent = root.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IFieldInitializerOperation field => !field.InitializedFields.IsEmpty && field.InitializedFields[0].IsConst,
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.IsConst,
                _ => false,
            };
        }

        private static bool IsStringConcatenation(IOperation operation) =>
            operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String };

        private static bool IsPartOfLargerString(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            // The text parts of an interpolated string are literal operations too.
            return parent is IInterpolatedStringContentOperation || (parent is not null && IsStringConcatenation(parent));
        }
    }
}
