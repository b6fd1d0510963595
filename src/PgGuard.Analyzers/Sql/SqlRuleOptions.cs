using System;
using System.Collections.Immutable;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>The <c>.editorconfig</c> options SQL rules read (RULES.md, Options).</summary>
    public sealed class SqlRuleOptions
    {
        /// <summary>The option key for extra superuser names (comma separated).</summary>
        public const string SuperuserNamesKey = "pgguard.superuser_names";

        public static readonly SqlRuleOptions Default = new SqlRuleOptions(ImmutableHashSet<string>.Empty);

        public SqlRuleOptions(ImmutableHashSet<string> extraSuperuserNames)
        {
            ExtraSuperuserNames = extraSuperuserNames.WithComparer(StringComparer.Ordinal);
        }

        /// <summary>Names from <c>pgguard.superuser_names</c>, compared exactly (role names are case-sensitive once folded).</summary>
        public ImmutableHashSet<string> ExtraSuperuserNames { get; }

        /// <summary>Reads <c>pgguard.superuser_names</c>: names separated by commas, blanks ignored; null or empty gives <see cref="Default"/>.</summary>
        public static SqlRuleOptions Parse(string? superuserNames)
        {
            if (string.IsNullOrWhiteSpace(superuserNames))
            {
                return Default;
            }

            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var part in superuserNames!.Split(','))
            {
                var name = part.Trim();
                if (name.Length != 0)
                {
                    names.Add(name);
                }
            }

            return names.Count == 0 ? Default : new SqlRuleOptions(names.ToImmutable());
        }

        /// <summary>True for a built-in superuser or administrative role name, or one listed in the options.</summary>
        public bool IsSuperuserName(string name) => SqlRoleNames.IsSuperuserOrAdmin(name) || ExtraSuperuserNames.Contains(name);
    }
}
