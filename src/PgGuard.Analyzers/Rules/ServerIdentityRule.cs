using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>
    /// PG0009 (Info): SSL Mode Require or VerifyCA to a remote host. Npgsql 8+ Require validates no certificate, even
    /// with Root Certificate set (NPGSQL.md §5.2); VerifyCA skips the host name.
    /// </summary>
    public static class ServerIdentityRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            if (!context.IsRemote)
            {
                return;
            }

            var mode = context.Model.GetEffective(NpgsqlKeywords.SslMode);
            if (!mode.TryGetEnum(out var value) || (value != SslModeRule.Require && value != SslModeRule.VerifyCA))
            {
                return;
            }

            var name = value == SslModeRule.Require ? "Require" : "VerifyCA";
            var what = value == SslModeRule.Require ? "certificate" : "host name";
            findings.Add(Finding.On(Descriptors.ServerIdentityNotVerified, mode.Setting!, FindingPart.Setting, name, what)
                .WithEdit(SettingEdits.ReplaceValue(mode.Setting!, "VerifyFull")));
        }
    }
}
