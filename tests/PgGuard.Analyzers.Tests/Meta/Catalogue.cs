using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>
    /// The descriptor catalogue seen by reflection: every public static DiagnosticDescriptor field of
    /// <see cref="Descriptors"/> (all its partial files) and every constant of <see cref="DiagnosticIds"/>.
    /// </summary>
    internal static class Catalogue
    {
        /// <summary>The block of the SQL rules (PG0100–PG0199).</summary>
        public const string SqlBlockPrefix = "PG01";

        public static readonly IReadOnlyList<(string Field, DiagnosticDescriptor Descriptor)> Descriptors =
            typeof(Diagnostics.Descriptors)
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (f.Name, (DiagnosticDescriptor)f.GetValue(null)!))
                .ToList();

        /// <summary>Every ID declared in <see cref="DiagnosticIds"/>, sorted.</summary>
        public static readonly IReadOnlyList<string> DeclaredIds =
            typeof(DiagnosticIds)
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();

        /// <summary>The first descriptor of each ID (a meta-test checks that the others agree with it).</summary>
        public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById =
            Descriptors.GroupBy(d => d.Descriptor.Id).ToDictionary(g => g.Key, g => g.First().Descriptor);

        /// <summary>
        /// IDs that may lack a descriptor: the SQL block while no descriptor of it exists yet. Its IDs, docs, README rows
        /// and release entries are written before the SQL analyzer's descriptors (Descriptors.Sql.cs) land on the same
        /// branch; once any PG01xx descriptor exists, every PG01xx ID must have one. Any other ID needs a descriptor
        /// always.
        /// </summary>
        public static IReadOnlyCollection<string> AllowedPendingIds =>
            ById.Keys.Any(IsSqlRule)
                ? Array.Empty<string>()
                : DeclaredIds.Where(IsSqlRule).ToArray();

        public static bool IsSqlRule(string id) => id.StartsWith(SqlBlockPrefix, StringComparison.Ordinal);

        public static IEnumerable<object[]> DeclaredIdData => DeclaredIds.Select(id => new object[] { id });
    }
}
