using System;
using System.Collections.Immutable;
using PgGuard.Analyzers.Options;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>Role names with a meaning of their own (POSTGRES.md §2 and §4; RULES.md PG0101, PG0104).</summary>
    internal static class SqlRoleNames
    {
        /// <summary>
        /// Superusers and platform administrators: a login or <c>SET ROLE</c> target with their power (the PG0001 list, plus the
        /// providers' admin groups, which an application can only reach by <c>SET ROLE</c>).
        /// </summary>
        private static readonly ImmutableHashSet<string> SuperusersAndAdmins = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "postgres", "rdsadmin", "azure_superuser", "azuresu", "cloudsqladmin", "supabase_admin", "doadmin", "tsdbadmin",
            "rds_superuser", "azure_pg_admin", "cloudsqlsuperuser", "alloydbsuperuser", "neon_superuser");

        /// <summary>Roles whose membership reaches server programs and files, all data, or a provider's admin powers (PG0101).</summary>
        private static readonly ImmutableHashSet<string> Privileged = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "pg_execute_server_program", "pg_read_server_files", "pg_write_server_files", "pg_read_all_data", "pg_write_all_data",
            "rds_superuser", "azure_pg_admin", "cloudsqlsuperuser", "alloydbsuperuser", "neon_superuser");

        /// <summary>
        /// True for a built-in superuser or admin name, or one of <c>pgguard.superuser_names</c>. Exact comparison:
        /// <paramref name="name"/> is an identifier's value (folded unless quoted) or a string's.
        /// </summary>
        public static bool IsSuperuserOrAdmin(string name, PgGuardOptions options) =>
            SuperusersAndAdmins.Contains(name) || options.SuperuserNames.Contains(name);

        /// <summary>True for a privileged role; <paramref name="name"/> is an identifier's value (folded unless quoted).</summary>
        public static bool IsPrivileged(string name) => Privileged.Contains(name);
    }
}
