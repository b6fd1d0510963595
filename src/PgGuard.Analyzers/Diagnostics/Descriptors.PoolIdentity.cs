using Microsoft.CodeAnalysis;

namespace PgGuard.Analyzers.Diagnostics
{
    public static partial class Descriptors
    {
        // PG0012, second message: a pool-selecting setting taken from a parameter (DataSourcePerCallAnalyzer).
        public static readonly DiagnosticDescriptor PoolIdentityPerCall = new DiagnosticDescriptor(
            DiagnosticIds.DataSourcePerCall,
            "Data source or pool created per call",
            "'{0}' takes its value from the parameter '{1}': each distinct connection string gets its own connection pool, so every new value opens another pool; keep the settings that select the pool constant",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Npgsql keeps one connection pool per distinct connection string. A Host, Port, Database, Username or pool size that changes from call to call creates a new pool for every value, each keeping its own idle connections, so Maximum Pool Size no longer bounds the total and the server runs out of connections.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.DataSourcePerCall));
    }
}
