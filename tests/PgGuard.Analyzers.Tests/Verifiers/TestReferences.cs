using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PgGuard.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// References for test compilations without any download: the .NET 10 reference assemblies from
    /// Basic.Reference.Assemblies, plus the real Npgsql / EF Core / Dapper / SqlClient assemblies the test project restored.
    /// </summary>
    public static class TestReferences
    {
        /// <summary>No package is resolved at test time (TOOLCHAIN.md: the mirror lacks the packs the built-in sets ask for).</summary>
        public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net10.0");

        private static readonly string[] LibraryPrefixes =
        {
            "Npgsql", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Dapper", "Microsoft.Data.SqlClient",
        };

        public static ImmutableArray<MetadataReference> Framework { get; } =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

        /// <summary>Npgsql, its EF Core provider and DI package, EF Core SqlServer, SqlClient, Dapper and their dependencies.</summary>
        public static ImmutableArray<MetadataReference> Libraries { get; } = LoadLibraries();

        /// <summary>Only Npgsql itself (and what it needs): for "no EF Core" compilations.</summary>
        public static ImmutableArray<MetadataReference> NpgsqlOnly { get; } = Libraries
            .Where(r => Path.GetFileName(r.Display ?? string.Empty) is { } name && (name == "Npgsql.dll" || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)))
            .ToImmutableArray();

        private static ImmutableArray<MetadataReference> LoadLibraries()
        {
            var directory = AppContext.BaseDirectory;
            return Directory.GetFiles(directory, "*.dll")
                .Where(path => LibraryPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
