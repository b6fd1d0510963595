using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>One member that takes an Npgsql connection string (NPGSQL.md §7.1).</summary>
    internal readonly struct ConnectionStringSink
    {
        public ConnectionStringSink(string typeName, string member, string? parameter, string? receiverType = null, bool resolvesNames = false)
        {
            TypeName = typeName;
            Member = member;
            Parameter = parameter;
            ReceiverType = receiverType;
            ResolvesNames = resolvesNames;
        }

        /// <summary>Metadata name of the declaring type (several assemblies may declare it: all are matched).</summary>
        public string TypeName { get; }

        /// <summary>".ctor", a method name or a property name.</summary>
        public string Member { get; }

        /// <summary>The string parameter that carries the connection string; null for a property setter.</summary>
        public string? Parameter { get; }

        /// <summary>For a property declared on a base type: the receiver type that makes it Npgsql's.</summary>
        public string? ReceiverType { get; }

        /// <summary>EF Core resolves <c>Name=X</c> from configuration before Npgsql sees the string (NPGSQL.md §0.20).</summary>
        public bool ResolvesNames { get; }
    }

    /// <summary>The sinks as one table of data; resolved to symbols once per compilation by <see cref="NpgsqlSymbols"/>.</summary>
    internal static class ConnectionStringSinks
    {
        private const string ConnectionString = "connectionString";
        private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection.NpgsqlServiceCollectionExtensions";

        public static readonly IReadOnlyList<ConnectionStringSink> Table = new[]
        {
            new ConnectionStringSink("Npgsql.NpgsqlConnection", WellKnownMemberNames.InstanceConstructorName, ConnectionString),
            new ConnectionStringSink("Npgsql.NpgsqlConnection", "ConnectionString", null),
            new ConnectionStringSink("Npgsql.NpgsqlConnection", "CloneWith", ConnectionString),
            new ConnectionStringSink("Npgsql.NpgsqlConnection", "CloneWithAsync", ConnectionString),
            new ConnectionStringSink("Npgsql.NpgsqlDataSource", "Create", ConnectionString),
            new ConnectionStringSink("Npgsql.NpgsqlDataSourceBuilder", WellKnownMemberNames.InstanceConstructorName, ConnectionString),
            new ConnectionStringSink("Npgsql.NpgsqlSlimDataSourceBuilder", WellKnownMemberNames.InstanceConstructorName, ConnectionString),
            new ConnectionStringSink("Npgsql.NpgsqlConnectionStringBuilder", WellKnownMemberNames.InstanceConstructorName, ConnectionString),
            new ConnectionStringSink("System.Data.Common.DbConnectionStringBuilder", "ConnectionString", null, "Npgsql.NpgsqlConnectionStringBuilder"),
            new ConnectionStringSink("System.Data.Common.DbConnection", "ConnectionString", null, "Npgsql.NpgsqlConnection"),
            new ConnectionStringSink("Npgsql.NpgsqlFactory", "CreateDataSource", ConnectionString),
            new ConnectionStringSink("Npgsql.Replication.LogicalReplicationConnection", WellKnownMemberNames.InstanceConstructorName, ConnectionString),
            new ConnectionStringSink("Npgsql.Replication.PhysicalReplicationConnection", WellKnownMemberNames.InstanceConstructorName, ConnectionString),
            new ConnectionStringSink("Npgsql.Replication.ReplicationConnection", "ConnectionString", null),
            new ConnectionStringSink("Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions", "UseNpgsql", ConnectionString, resolvesNames: true),
            // Two assemblies declare this type (Npgsql.DependencyInjection and the EF Core provider): both are matched.
            new ConnectionStringSink(DependencyInjection, "AddNpgsql", ConnectionString, resolvesNames: true),
            new ConnectionStringSink(DependencyInjection, "AddNpgsqlDataSource", ConnectionString),
            new ConnectionStringSink(DependencyInjection, "AddNpgsqlSlimDataSource", ConnectionString),
            new ConnectionStringSink(DependencyInjection, "AddMultiHostNpgsqlDataSource", ConnectionString),
            new ConnectionStringSink(DependencyInjection, "AddMultiHostNpgsqlSlimDataSource", ConnectionString),
        };
    }
}
