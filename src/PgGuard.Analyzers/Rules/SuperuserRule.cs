using System.Collections.Generic;
using System.Collections.Immutable;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>PG0001: the effective Username is a superuser (POSTGRES.md §4).</summary>
    public static class SuperuserRule
    {
        /// <summary>Compared exactly: PostgreSQL does not fold role names sent at login.</summary>
        private static readonly ImmutableHashSet<string> Superusers = ImmutableHashSet.Create(
            "postgres", "rdsadmin", "azure_superuser", "azuresu", "cloudsqladmin", "supabase_admin", "doadmin", "tsdbadmin");

        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            var user = context.Model.GetEffective(NpgsqlKeywords.Username);
            if (user.IsKnown && IsSuperuser(user.Text!.Trim(), context))
            {
                findings.Add(Finding.On(Descriptors.Superuser, user.Setting!, FindingPart.Setting, user.Text!.Trim()));
            }
        }

        public static bool IsSuperuser(string name, ConnectionStringContext context) =>
            Superusers.Contains(name) ||
            context.Options.SuperuserNames.Contains(name) ||
            (name.StartsWith("postgres.", System.StringComparison.Ordinal) && name.Length > "postgres.".Length); // Supabase pooler: postgres.<project-ref>
    }
}
