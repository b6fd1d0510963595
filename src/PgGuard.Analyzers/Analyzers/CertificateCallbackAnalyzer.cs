using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0003 in code: certificate validation callbacks handed to Npgsql (or its EF Core provider) that accept every
    /// certificate. The logic is in <see cref="CertificateCallbackRule"/>; this class resolves the Npgsql members once.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CertificateCallbackAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AcceptAllCertificateCallback);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analysed and reported: a scaffolded callback disables validation just the same.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var members = CallbackMembers.Create(start.Compilation);
                if (members is null)
                {
                    return;
                }

                start.RegisterOperationAction(c => CertificateCallbackRule.AnalyzeInvocation(c, members), OperationKind.Invocation);
                start.RegisterOperationAction(c => CertificateCallbackRule.AnalyzeAssignment(c, members), OperationKind.SimpleAssignment);
            });
        }
    }

    /// <summary>The Npgsql, EF Core and System.Net.Security members that take or hold a certificate callback.</summary>
    internal sealed class CallbackMembers
    {
        private readonly HashSet<IMethodSymbol> _validationMethods;
        private readonly HashSet<IMethodSymbol> _optionsMethods;

        private CallbackMembers(HashSet<IMethodSymbol> validationMethods, HashSet<IMethodSymbol> optionsMethods, IPropertySymbol? connectionValidation, IPropertySymbol? connectionOptions, IPropertySymbol? optionsValidation)
        {
            _validationMethods = validationMethods;
            _optionsMethods = optionsMethods;
            ConnectionValidation = connectionValidation;
            ConnectionOptions = connectionOptions;
            OptionsValidation = optionsValidation;
        }

        /// <summary><c>NpgsqlConnection.UserCertificateValidationCallback</c> (obsolete from Npgsql 9).</summary>
        public IPropertySymbol? ConnectionValidation { get; }

        /// <summary><c>NpgsqlConnection.SslClientAuthenticationOptionsCallback</c> (Npgsql 9+).</summary>
        public IPropertySymbol? ConnectionOptions { get; }

        /// <summary><c>SslClientAuthenticationOptions.RemoteCertificateValidationCallback</c>: judged only inside an Npgsql options callback.</summary>
        public IPropertySymbol? OptionsValidation { get; }

        /// <summary>Null without Npgsql: then nothing is registered.</summary>
        public static CallbackMembers? Create(Compilation compilation)
        {
            var connection = NpgsqlTypes.Get(compilation, "Npgsql.NpgsqlConnection");
            if (connection is null)
            {
                return null;
            }

            var validationMethods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var optionsMethods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var builder in new[] { "Npgsql.NpgsqlDataSourceBuilder", "Npgsql.NpgsqlSlimDataSourceBuilder" })
            {
                var type = compilation.GetTypeByMetadataName(builder);
                AddMethods(type, "UseUserCertificateValidationCallback", validationMethods);
                AddMethods(type, "UseSslClientAuthenticationOptionsCallback", optionsMethods);
            }

            AddMethods(
                compilation.GetTypeByMetadataName("Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder"),
                "RemoteCertificateValidationCallback",
                validationMethods);

            return new CallbackMembers(
                validationMethods,
                optionsMethods,
                Property(connection, "UserCertificateValidationCallback"),
                Property(connection, "SslClientAuthenticationOptionsCallback"),
                Property(compilation.GetTypeByMetadataName("System.Net.Security.SslClientAuthenticationOptions"), "RemoteCertificateValidationCallback"));
        }

        public bool IsValidationMethod(IMethodSymbol method) => _validationMethods.Contains(method.OriginalDefinition);

        public bool IsOptionsMethod(IMethodSymbol method) => _optionsMethods.Contains(method.OriginalDefinition);

        private static void AddMethods(INamedTypeSymbol? type, string name, HashSet<IMethodSymbol> methods)
        {
            if (type is null)
            {
                return;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol method && method.Parameters.Length == 1)
                {
                    methods.Add(method);
                }
            }
        }

        private static IPropertySymbol? Property(INamedTypeSymbol? type, string name)
        {
            if (type is null)
            {
                return null;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol property)
                {
                    return property;
                }
            }

            return null;
        }
    }
}
