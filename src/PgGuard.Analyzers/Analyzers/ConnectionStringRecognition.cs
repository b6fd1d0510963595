using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// Recognition by shape (DESIGN.md "Where a connection string is recognised") and the other providers' APIs whose
    /// strings are never ours.
    /// </summary>
    internal static class ConnectionStringRecognition
    {
        /// <summary>
        /// Spellings other providers accept too: alone they decide nothing. Every other Npgsql spelling (Host, Username,
        /// SSL Mode, Maximum Pool Size, Include Error Detail, …) makes a string Npgsql's.
        /// </summary>
        private static readonly HashSet<string> SharedSpellings = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "Server", "Database", "User Id", "UserId", "UID", "Password", "PWD", "Port", "Pooling", "Timeout",
            "Command Timeout", "CommandTimeout", "Enlist", "Application Name", "ApplicationName", "Persist Security Info",
            "PersistSecurityInfo", "Connection Lifetime", "ConnectionLifetime", "Load Balance Timeout",
            "Trust Server Certificate", "TrustServerCertificate", "Keepalive", "Encoding",
        };

        /// <summary>Types of other ADO.NET providers and clients, matched by simple name so unresolved types count too.</summary>
        private static readonly HashSet<string> ForeignTypes = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "SqlConnection", "SqlConnectionStringBuilder", "SqlCommand", "MySqlConnection", "MySqlConnectionStringBuilder",
            "MySqlDataSource", "MySqlDataSourceBuilder", "SqliteConnection", "SqliteConnectionStringBuilder", "SQLiteConnection",
            "SQLiteConnectionStringBuilder", "OracleConnection", "OracleConnectionStringBuilder", "OdbcConnection",
            "OdbcConnectionStringBuilder", "OleDbConnection", "OleDbConnectionStringBuilder", "FbConnection", "DB2Connection",
            "SqlCeConnection", "SnowflakeDbConnection", "MongoClient", "MongoUrl", "ConnectionMultiplexer", "CosmosClient",
        };

        private static readonly HashSet<string> ForeignMethods = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "UseSqlServer", "UseAzureSql", "UseAzureSynapse", "UseMySql", "UseMySQL", "UseSqlite", "UseOracle",
            "UseInMemoryDatabase", "UseCosmos", "UseFirebird", "UseJet", "UseSnowflake", "UseMongoDB", "AddSqlServer",
            "AddMySql", "AddSqlite", "AddOracle", "AddMongoDB", "AddRedis", "AddSqlServerDbContext", "AddMySqlDataSource",
        };

        private static readonly string[] ForeignNamespaces =
        {
            "Microsoft.Data.SqlClient", "System.Data.SqlClient", "MySql", "MySqlConnector", "Microsoft.Data.Sqlite",
            "System.Data.SQLite", "Oracle", "System.Data.Odbc", "System.Data.OleDb", "FirebirdSql", "IBM", "MongoDB",
            "StackExchange.Redis", "Microsoft.Azure.Cosmos",
        };

        /// <summary>
        /// True when a parsed string has the shape of an Npgsql connection string: at least two settings, and an
        /// Npgsql-only spelling (then foreign keys are PG0011's business), or else only shared spellings that all parse.
        /// </summary>
        public static bool HasNpgsqlShape(ParsedConnectionString model)
        {
            var known = 0;
            var distinctive = 0;
            var foreign = 0;
            var unknown = 0;
            foreach (var setting in model.Settings)
            {
                if (setting.KeyHasHole)
                {
                    continue;
                }

                if (setting.Keyword is null)
                {
                    if (ForeignKeywords.IsOtherProviderKeyword(setting.Key))
                    {
                        foreign++;
                    }
                    else
                    {
                        unknown++;
                    }

                    continue;
                }

                known++;
                if (!SharedSpellings.Contains(setting.Key))
                {
                    distinctive++;
                }
            }

            if (distinctive == 0)
            {
                return known >= 2 && foreign == 0 && unknown == 0 && !model.HasSyntaxError;
            }

            return model.HasSyntaxError ? known >= 2 : known + foreign + unknown >= 2;
        }

        /// <summary>
        /// A test for a whole string before any located text is built or parsed: false only when the string is no postgres
        /// URI and none of its keys can be an Npgsql keyword, so <see cref="HasNpgsqlShape"/> cannot hold. Every key starts
        /// at the start or after a ';' (past white space; a quoted value must be followed by ';') and ends at a '=', so
        /// the runs from each ';' to each '=' after it cover every key the parser could find.
        /// </summary>
        public static bool MayHaveNpgsqlShape(string text)
        {
            if (PostgresUri.Scheme(text) is not null)
            {
                return true;
            }

            // One pass, linear on any input: each '=' ends the key candidate that starts at the first non-white-space
            // character after the last ';' (Find then trims only the white space before the '=', which no other '='
            // scans again).
            var keyStart = -1;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == ';')
                {
                    keyStart = -1;
                }
                else if (keyStart < 0 && !char.IsWhiteSpace(c))
                {
                    keyStart = i;
                }

                if (c == '=' && keyStart >= 0 && keyStart < i && NpgsqlKeywords.Find(text, keyStart, i) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsForeign(ISymbol member)
        {
            if (ForeignMethods.Contains(member.Name))
            {
                return true;
            }

            var type = member.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (ForeignTypes.Contains(type.Name))
            {
                return true;
            }

            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            foreach (var foreign in ForeignNamespaces)
            {
                if (ns == foreign || ns.StartsWith(foreign + ".", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Syntax-only check for code that does not bind (a provider whose package is missing).</summary>
        public static bool IsForeignBySyntax(SyntaxNode? expression)
        {
            var node = expression?.Parent;
            while (node is ParenthesizedExpressionSyntax or BinaryExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } })
            {
                return false;
            }

            var name = call switch
            {
                ObjectCreationExpressionSyntax creation => RightmostName(creation.Type),
                InvocationExpressionSyntax invocation => RightmostName(invocation.Expression),
                _ => null,
            };
            return name is not null && (ForeignTypes.Contains(name) || ForeignMethods.Contains(name));
        }

        private static string? RightmostName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
