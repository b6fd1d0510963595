using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Rules.Sql;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>Runs every SQL rule (PG0100–PG0108) over every statement of a text, bodies and dynamic SQL included.</summary>
    public static class SqlRules
    {
        private delegate void Rule(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings);

        private static readonly Rule[] All =
        {
            SuperuserAttributesRule.Analyze,
            PrivilegedRoleMembershipRule.Analyze,
            ServerProgramsOrFilesRule.Analyze,
            GrantToPublicRule.Analyze,
            SessionIdentitySwitchRule.Analyze,
            HardcodedRolePasswordRule.Analyze,
            SecurityDefinerSearchPathRule.Analyze,
            ServerConfigurationChangeRule.Analyze,
            UntrustedExtensionRule.Analyze,
        };

        /// <summary>Every descriptor the SQL rules report.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            Diagnostics.Descriptors.SuperuserAttributes,
            Diagnostics.Descriptors.PrivilegedRoleMembership,
            Diagnostics.Descriptors.ServerProgramsOrFiles,
            Diagnostics.Descriptors.GrantToPublic,
            Diagnostics.Descriptors.SessionIdentitySwitch,
            Diagnostics.Descriptors.HardcodedRolePassword,
            Diagnostics.Descriptors.HardcodedUserMappingPassword,
            Diagnostics.Descriptors.SecurityDefinerSearchPath,
            Diagnostics.Descriptors.ServerConfigurationChange,
            Diagnostics.Descriptors.UntrustedExtension);

        /// <summary>The findings of every rule on one statement, appended to <paramref name="findings"/>.</summary>
        public static void Analyze(SqlStatement statement, PgGuardOptions options, List<SqlFinding> findings)
        {
            foreach (var rule in All)
            {
                rule(statement, options, findings);
            }
        }

        /// <summary>The findings of every rule on every statement of <paramref name="text"/>, in text order per statement.</summary>
        public static List<SqlFinding> Analyze(SqlText text, PgGuardOptions options, CancellationToken cancellationToken)
        {
            var findings = new List<SqlFinding>();
            foreach (var statement in SqlStatements.Parse(text, cancellationToken))
            {
                Analyze(statement, options, findings);
            }

            return findings;
        }
    }
}
