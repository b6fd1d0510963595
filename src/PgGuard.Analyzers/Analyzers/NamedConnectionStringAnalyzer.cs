using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PgGuard.Analyzers.Config;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0014: a connection-string name used in code (<c>GetConnectionString("X")</c>, EF Core's <c>UseNpgsql("Name=X")</c>,
    /// <c>configuration["ConnectionStrings:X"]</c>) that no appsettings file of the project defines, while one of them
    /// defines a name one typing mistake away. Configuration has sources the compiler never sees (environment variables,
    /// user secrets, key vaults, command lines), so a name merely missing from the files proves nothing; a near-identical
    /// name that the files do define is what makes a typo likely. Silent when no appsettings file was fed, when one could
    /// not be read, and in projects with user secrets.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NamedConnectionStringAnalyzer : DiagnosticAnalyzer
    {
        private const string ConnectionStringsPrefix = ConfigurationKeys.ConnectionStringsSection + ":";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.NamedConnectionStringNotFound);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // A scaffolded DbContext's Name=X is as much the project's as hand-written code.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var symbols = NpgsqlSymbols.For(compilation);
                var configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
                if (symbols is null || configuration is null || HasUserSecrets(compilation, start.Options) || !HasAppSettings(start.Options))
                {
                    return;
                }

                var state = new State(symbols, configuration, compilation, start.Options.AdditionalFiles);
                start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(state.AnalyzeIndexer, OperationKind.PropertyReference);
            });
        }

        /// <summary>User secrets define connection strings in a file outside the project: any name may be one of them.</summary>
        private static bool HasUserSecrets(Compilation compilation, AnalyzerOptions options)
        {
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.UserSecretsId", out var id) && !string.IsNullOrWhiteSpace(id))
            {
                return true;
            }

            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == "Microsoft.Extensions.Configuration.UserSecrets.UserSecretsIdAttribute")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAppSettings(AnalyzerOptions options)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (ConfigEnvironment.GetFileKind(file.Path) == ConfigFileKind.AppSettingsJson)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class State
        {
            private readonly NpgsqlSymbols _symbols;
            private readonly INamedTypeSymbol _configuration;
            private readonly INamedTypeSymbol? _section;
            private readonly IMethodSymbol? _getConnectionString;
            private readonly ImmutableArray<AdditionalText> _files;
            private ConfigurationKeys? _keys;
            private int _keysRead;

            public State(NpgsqlSymbols symbols, INamedTypeSymbol configuration, Compilation compilation, ImmutableArray<AdditionalText> files)
            {
                _symbols = symbols;
                _configuration = configuration;
                _section = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
                _files = files;
                foreach (var member in compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationExtensions")?.GetMembers("GetConnectionString") ?? ImmutableArray<ISymbol>.Empty)
                {
                    _getConnectionString ??= member as IMethodSymbol;
                }
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (_getConnectionString is not null && method.Name == "GetConnectionString" &&
                    SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).OriginalDefinition, _getConnectionString))
                {
                    // GetConnectionString(config, name) reads config["ConnectionStrings:" + name], relative to a section receiver.
                    if (Argument(invocation, "configuration") is { } receiver && !IsSection(WithoutConversion(receiver).Type) &&
                        Argument(invocation, "name") is { ConstantValue: { HasValue: true, Value: string name } } argument)
                    {
                        Check(context, argument, name, ConnectionStringsPrefix + name, null);
                    }

                    return;
                }

                if (_symbols.TryGetSink(method, out var sink) && sink.ResolvesNames && sink.Parameter is not null &&
                    Argument(invocation, sink.Parameter) is { ConstantValue: { HasValue: true, Value: string text } } value &&
                    NameReference(text) is { } reference)
                {
                    // EF Core reads config[X], then config["ConnectionStrings:" + X].
                    var name = reference.StartsWith(ConnectionStringsPrefix, StringComparison.OrdinalIgnoreCase)
                        ? reference.Substring(ConnectionStringsPrefix.Length)
                        : reference;
                    Check(context, value, name, reference, ConnectionStringsPrefix + reference);
                }
            }

            public void AnalyzeIndexer(OperationAnalysisContext context)
            {
                var reference = (IPropertyReferenceOperation)context.Operation;
                if (!reference.Property.IsIndexer || reference.Arguments.Length != 1 ||
                    reference.Arguments[0].Value is not { ConstantValue: { HasValue: true, Value: string key } } argument ||
                    !key.StartsWith(ConnectionStringsPrefix, StringComparison.OrdinalIgnoreCase) || key.Length == ConnectionStringsPrefix.Length ||
                    !IsConfiguration(reference.Property.ContainingType) || IsSection(reference.Instance?.Type))
                {
                    return;
                }

                // configuration["ConnectionStrings:X"] = "…" defines the key.
                if (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference)
                {
                    return;
                }

                Check(context, argument, key.Substring(ConnectionStringsPrefix.Length), key, null);
            }

            private void Check(OperationAnalysisContext context, IOperation at, string name, string key, string? otherKey)
            {
                var keys = Keys(context.CancellationToken);
                if (keys is null || keys.IsDefined(key) || (otherKey is not null && keys.IsDefined(otherKey)))
                {
                    return;
                }

                if (keys.FindConnectionStringLike(name) is { } suggestion)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.NamedConnectionStringNotFound, at.Syntax.GetLocation(), name, suggestion));
                }
            }

            /// <summary>Read once per compilation, on the first name found in code; a race reads twice and keeps one.</summary>
            private ConfigurationKeys? Keys(CancellationToken cancellationToken)
            {
                if (Volatile.Read(ref _keysRead) == 0)
                {
                    var texts = new List<(string, string)>();
                    foreach (var file in _files)
                    {
                        if (ConfigEnvironment.GetFileKind(file.Path) == ConfigFileKind.AppSettingsJson)
                        {
                            texts.Add((file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty));
                        }
                    }

                    _keys = ConfigurationKeys.Read(texts);
                    Volatile.Write(ref _keysRead, 1);
                }

                return _keys;
            }

            /// <summary>The key of EF Core's <c>Name=X</c> (its only setting, keyword <c>name</c> in any case), or null.</summary>
            private static string? NameReference(string text)
            {
                var model = ConnectionStringParser.Parse(LocatedText.FromString(text));
                return model.Settings.Length == 1 && string.Equals(model.Settings[0].Key, "Name", StringComparison.OrdinalIgnoreCase) &&
                       model.Settings[0].Value is { Length: > 0 } name
                    ? name
                    : null;
            }

            private static IOperation? Argument(IInvocationOperation invocation, string parameter)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == parameter)
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            private static IOperation WithoutConversion(IOperation operation) =>
                operation is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : operation;

            private bool IsConfiguration(INamedTypeSymbol type) => Implements(type, _configuration);

            private bool IsSection(ITypeSymbol? type)
            {
                if (_section is null || type is null)
                {
                    return false;
                }

                return Implements(type, _section);
            }

            private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface)
            {
                if (SymbolEqualityComparer.Default.Equals(type, @interface))
                {
                    return true;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
