using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>PG0013: a host that is a literal public IPv4/IPv6 address.</summary>
    public static class PublicIpAddressRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            var host = context.HostSetting;
            if (host is null)
            {
                return;
            }

            foreach (var entry in context.Hosts)
            {
                if ((entry.Kind == HostKind.IPv4 || entry.Kind == HostKind.IPv6) && IpAddresses.IsPublic(entry.Name))
                {
                    findings.Add(HostEntrySpans.Find(Descriptors.PublicIpAddress, host, entry, entry.Name));
                }
            }
        }
    }
}
