using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>PG0004: a complete connection string to a remote host that leaves SSL Mode at Npgsql's default, Prefer.</summary>
    public static class SslModeMissingRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            if (!context.IsComplete || !context.IsRemote || !context.Model.GetEffective(NpgsqlKeywords.SslMode).IsAbsent)
            {
                return;
            }

            var host = context.HostSetting!;
            findings.Add(Finding.On(Descriptors.SslModeMissing, host, FindingPart.Setting, FirstRemoteHost(context))
                .WithEdit(SettingEdits.Append(context.Model, "SSL Mode=" + context.Options.SslMode)));
        }

        public static string FirstRemoteHost(ConnectionStringContext context)
        {
            foreach (var entry in context.Hosts)
            {
                if (!context.IsLocal(entry))
                {
                    return entry.Name;
                }
            }

            return string.Empty;
        }
    }
}
