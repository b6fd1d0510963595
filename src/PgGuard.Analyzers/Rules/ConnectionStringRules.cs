using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>
    /// Runs every connection-string rule over one model. Shared by the C# and config-file front ends, so both agree
    /// by construction. Applies the local-connection policy of RULES.md: local connections are development
    /// connections, for which only PG0011 is reported unless <c>pgguard.analyze_local_connections = true</c>.
    /// </summary>
    public static class ConnectionStringRules
    {
        private delegate void Rule(ConnectionStringContext context, List<Finding> findings);

        private static readonly Rule[] HostPolicyRules =
        {
            SuperuserRule.Analyze,
            SslModeRule.Analyze,
            TrustServerCertificateRule.Analyze,
            SslModeMissingRule.Analyze,
            HardcodedHostRule.Analyze,
            HardcodedPasswordRule.Analyze,
            PoolingDisabledRule.Analyze,
            PoolCeilingRule.Analyze,
            ServerIdentityRule.Analyze,
            SensitiveDataRule.Analyze,
            PublicIpAddressRule.Analyze,
        };

        public static List<Finding> Analyze(ConnectionStringContext context)
        {
            var findings = new List<Finding>();
            InvalidConnectionStringRule.Analyze(context, findings);
            if (context.HostClass == HostClass.Local && !context.Options.AnalyzeLocalConnections)
            {
                return findings;
            }

            // Npgsql rejects a URI whole (PG0011 said so); of the rest only its credentials matter.
            if (context.Model.Text is { } text && PostgresUri.Scheme(text.Text) is not null)
            {
                HardcodedPasswordRule.Analyze(context, findings);
                return findings;
            }

            foreach (var rule in HostPolicyRules)
            {
                rule(context, findings);
            }

            return findings;
        }

        /// <summary>
        /// A <c>postgres://</c> URI found by shape (not handed to Npgsql, which would reject it): only its credentials
        /// matter (PG0006), under the same local-connection policy.
        /// </summary>
        public static List<Finding> AnalyzeUriByShape(ConnectionStringContext context)
        {
            var findings = new List<Finding>();
            if (context.HostClass != HostClass.Local || context.Options.AnalyzeLocalConnections)
            {
                HardcodedPasswordRule.Analyze(context, findings);
            }

            return findings;
        }
    }
}
