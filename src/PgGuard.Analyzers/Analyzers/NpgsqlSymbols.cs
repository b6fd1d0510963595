using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>Npgsql, EF Core provider and test-framework facts of one compilation, resolved once at compilation start.</summary>
    internal sealed class NpgsqlSymbols
    {
        private readonly Dictionary<ISymbol, ConnectionStringSink> _sinks;

        // Cheapest test first: every invocation, creation and assignment of the compilation asks; almost none matches.
        private readonly HashSet<string> _sinkNames;

        private NpgsqlSymbols(Compilation compilation, Dictionary<ISymbol, ConnectionStringSink> sinks)
        {
            _sinks = sinks;
            _sinkNames = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var sink in ConnectionStringSinks.Table)
            {
                _sinkNames.Add(sink.Member);
            }
            Connection = compilation.GetTypeByMetadataName("Npgsql.NpgsqlConnection");
            ConnectionStringBuilder = compilation.GetTypeByMetadataName("Npgsql.NpgsqlConnectionStringBuilder");
            DataSourceBuilder = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSourceBuilder");
            SlimDataSourceBuilder = compilation.GetTypeByMetadataName("Npgsql.NpgsqlSlimDataSourceBuilder");
            LoggingConfiguration = compilation.GetTypeByMetadataName("Npgsql.NpgsqlLoggingConfiguration");
        }

        public INamedTypeSymbol? Connection { get; }

        public INamedTypeSymbol? ConnectionStringBuilder { get; }

        public INamedTypeSymbol? DataSourceBuilder { get; }

        public INamedTypeSymbol? SlimDataSourceBuilder { get; }

        public INamedTypeSymbol? LoggingConfiguration { get; }

        // Several analyzers ask at the start of the same compilation: the sink table is resolved once per compilation.
        private static readonly ConditionalWeakTable<Compilation, NpgsqlSymbols> ByCompilation = new ConditionalWeakTable<Compilation, NpgsqlSymbols>();

        private static readonly ConditionalWeakTable<Compilation, NpgsqlSymbols>.CreateValueCallback Resolve = compilation =>
        {
            var sinks = new Dictionary<ISymbol, ConnectionStringSink>(SymbolEqualityComparer.Default);
            foreach (var sink in ConnectionStringSinks.Table)
            {
                foreach (var type in compilation.GetTypesByMetadataName(sink.TypeName))
                {
                    foreach (var member in type.GetMembers(sink.Member))
                    {
                        if (member is IMethodSymbol or IPropertySymbol)
                        {
                            sinks[member] = sink;
                        }
                    }
                }
            }

            return new NpgsqlSymbols(compilation, sinks);
        };

        /// <summary>Null when the compilation references neither Npgsql nor its EF Core provider: then nothing is registered.</summary>
        public static NpgsqlSymbols? For(Compilation compilation) =>
            ReferencesNpgsql(compilation) ? ByCompilation.GetValue(compilation, Resolve) : null;

        /// <summary>True when the compilation references Npgsql or its EF Core provider.</summary>
        public static bool ReferencesNpgsql(Compilation compilation)
        {
            foreach (var assembly in compilation.ReferencedAssemblyNames)
            {
                if (assembly.Name == "Npgsql" || assembly.Name == "Npgsql.EntityFrameworkCore.PostgreSQL")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The sink a method or property is, matched on its original definition (extension methods unreduced).</summary>
        public bool TryGetSink(ISymbol member, out ConnectionStringSink sink)
        {
            if (!_sinkNames.Contains(member.Name))
            {
                sink = default;
                return false;
            }

            var original = member is IMethodSymbol method ? (method.ReducedFrom ?? method).OriginalDefinition : member.OriginalDefinition;
            if (_sinks.TryGetValue(original, out sink))
            {
                return true;
            }

            // NpgsqlConnection overrides DbConnection.ConnectionString; match the declaration it overrides.
            if (member is IPropertySymbol { OverriddenProperty: { } overridden })
            {
                return TryGetSink(overridden, out sink);
            }

            return false;
        }

        /// <summary>True when the sink needs no particular receiver, or <paramref name="receiver"/> is (or derives from) the one it needs.</summary>
        public bool ReceiverMatches(ConnectionStringSink sink, ITypeSymbol? receiver)
        {
            if (sink.ReceiverType is null)
            {
                return true;
            }

            var required = sink.ReceiverType == "Npgsql.NpgsqlConnection" ? Connection : ConnectionStringBuilder;
            return IsOrDerivesFrom(receiver, required);
        }

        public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the project is a test project: IsTestProject, or a referenced test framework.</summary>
        public static bool IsTestProject(Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions globalOptions)
        {
            if (globalOptions.TryGetValue("build_property.IsTestProject", out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return compilation.ReferencedAssemblyNames.Any(a =>
                a.Name == "xunit.core" || a.Name == "xunit.v3.core" || a.Name == "nunit.framework" ||
                a.Name == "Microsoft.VisualStudio.TestPlatform.TestFramework" || a.Name == "TUnit.Core" || a.Name == "MSTest.TestFramework");
        }
    }
}
