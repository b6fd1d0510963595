using Microsoft.CodeAnalysis;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>Npgsql types looked up by the code-shape analyzers at compilation start.</summary>
    internal static class NpgsqlTypes
    {
        /// <summary>
        /// The type declared by the Npgsql assembly, or null when the compilation does not reference Npgsql: a look-alike
        /// declared in source is ignored, so nothing is registered for it.
        /// </summary>
        public static INamedTypeSymbol? Get(Compilation compilation, string metadataName)
        {
            var type = compilation.GetTypeByMetadataName(metadataName);
            return type?.ContainingAssembly?.Name == "Npgsql" ? type : null;
        }
    }
}
