using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// PG0012: data sources created per call (<see cref="DataSourcePerCallRule"/>) and connection strings whose
    /// pool-selecting settings change per call (<see cref="PoolIdentityRule"/>). Every data source, and every distinct
    /// connection string, owns its own pool: per-call ones multiply the pools and the server's connections.
    /// Not reported in test projects, where fixtures create throw-away data sources on purpose.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DataSourcePerCallAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DataSourcePerCall, Descriptors.PoolIdentityPerCall);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analysed and reported: a scaffolded OnConfiguring creates its pools just the same.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = DataSourceSymbols.Create(start.Compilation);
                if (symbols is null || NpgsqlSymbols.IsTestProject(start.Compilation, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
                {
                    return;
                }

                start.RegisterOperationAction(new DataSourcePerCallRule(symbols).AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(c => PoolIdentityRule.AnalyzeInvocation(c, symbols), OperationKind.Invocation);
                start.RegisterOperationAction(c => PoolIdentityRule.AnalyzeObjectCreation(c, symbols), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => PoolIdentityRule.AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
            });
        }
    }

    /// <summary>The types PG0012 looks at, resolved once per compilation.</summary>
    internal sealed class DataSourceSymbols
    {
        private DataSourceSymbols(Compilation compilation, INamedTypeSymbol dataSource, INamedTypeSymbol connection)
        {
            DataSource = dataSource;
            Connection = connection;
            DataSourceBuilder = NpgsqlTypes.Get(compilation, "Npgsql.NpgsqlDataSourceBuilder");
            SlimDataSourceBuilder = NpgsqlTypes.Get(compilation, "Npgsql.NpgsqlSlimDataSourceBuilder");
            DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            Lazy = compilation.GetTypeByMetadataName("System.Lazy`1");
        }

        public INamedTypeSymbol DataSource { get; }

        public INamedTypeSymbol Connection { get; }

        public INamedTypeSymbol? DataSourceBuilder { get; }

        public INamedTypeSymbol? SlimDataSourceBuilder { get; }

        public INamedTypeSymbol? DbContext { get; }

        public INamedTypeSymbol? Lazy { get; }

        /// <summary>Null without Npgsql: then nothing is registered.</summary>
        public static DataSourceSymbols? Create(Compilation compilation)
        {
            var dataSource = NpgsqlTypes.Get(compilation, "Npgsql.NpgsqlDataSource");
            var connection = NpgsqlTypes.Get(compilation, "Npgsql.NpgsqlConnection");
            return dataSource is null || connection is null ? null : new DataSourceSymbols(compilation, dataSource, connection);
        }
    }
}
