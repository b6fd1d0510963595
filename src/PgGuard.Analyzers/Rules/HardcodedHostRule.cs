using System.Collections.Generic;
using System.Globalization;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>PG0005 (C# only, not in test projects): each remote host written into source.</summary>
    public static class HardcodedHostRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            if (context.Origin != TextOrigin.CSharp || context.IsTestProject || !context.IsRemote)
            {
                return;
            }

            var host = context.HostSetting!;
            foreach (var entry in context.Hosts)
            {
                if (context.IsLocal(entry))
                {
                    continue;
                }

                var port = context.EffectivePort(entry)?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
                findings.Add(HostEntrySpans.Find(Descriptors.HardcodedHost, host, entry, entry.Name, port));
            }
        }
    }
}
