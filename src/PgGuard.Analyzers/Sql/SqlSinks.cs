using System.Collections.Immutable;

namespace PgGuard.Analyzers.Sql
{
    internal enum SqlSinkMember
    {
        /// <summary>A constructor; the member name is ignored.</summary>
        Constructor,

        /// <summary>A method (or extension method) of exactly this name.</summary>
        Method,

        /// <summary>Every method whose name starts with the member name (Dapper's Query, QueryAsync, QueryFirst …).</summary>
        MethodPrefix,

        /// <summary>A property; the text is the assigned value.</summary>
        Property,
    }

    /// <summary>One API that sends its text to the server as SQL: the type, the member and the argument holding the SQL.</summary>
    internal sealed class SqlSink
    {
        public SqlSink(string typeMetadataName, SqlSinkMember kind, string memberName, string? argumentName)
        {
            TypeMetadataName = typeMetadataName;
            Kind = kind;
            MemberName = memberName;
            ArgumentName = argumentName;
        }

        public string TypeMetadataName { get; }

        public SqlSinkMember Kind { get; }

        public string MemberName { get; }

        /// <summary>The parameter that carries the SQL; null for a property.</summary>
        public string? ArgumentName { get; }
    }

    /// <summary>
    /// Every C# API whose text reaches the server as SQL (POSTGRES.md §3.16), as data: adding a sink is adding a row.
    /// EF Core's FormattableString overloads (ExecuteSql, FromSql, SqlQuery, …Interpolated) turn holes into parameters,
    /// the raw ones paste them into the text; either way a hole is a value unknown at compile time.
    /// </summary>
    internal static class SqlSinks
    {
        private const string EfDatabaseFacade = "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions";
        private const string EfQueryable = "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions";

        public static readonly ImmutableArray<SqlSink> Table = ImmutableArray.Create(
            new SqlSink("Npgsql.NpgsqlCommand", SqlSinkMember.Constructor, ".ctor", "cmdText"),
            new SqlSink("Npgsql.NpgsqlCommand", SqlSinkMember.Property, "CommandText", null),
            new SqlSink("Npgsql.NpgsqlDataSource", SqlSinkMember.Method, "CreateCommand", "commandText"),
            new SqlSink("Npgsql.NpgsqlBatchCommand", SqlSinkMember.Constructor, ".ctor", "commandText"),
            new SqlSink("Npgsql.NpgsqlBatchCommand", SqlSinkMember.Property, "CommandText", null),
            new SqlSink("Dapper.SqlMapper", SqlSinkMember.MethodPrefix, "Execute", "sql"),
            new SqlSink("Dapper.SqlMapper", SqlSinkMember.MethodPrefix, "Query", "sql"),
            new SqlSink(EfDatabaseFacade, SqlSinkMember.MethodPrefix, "ExecuteSql", "sql"),
            new SqlSink(EfDatabaseFacade, SqlSinkMember.MethodPrefix, "SqlQuery", "sql"),
            new SqlSink(EfQueryable, SqlSinkMember.MethodPrefix, "FromSql", "sql"),
            new SqlSink("Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder", SqlSinkMember.Method, "Sql", "sql"));
    }
}
