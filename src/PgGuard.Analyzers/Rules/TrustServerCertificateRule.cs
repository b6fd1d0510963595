using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>PG0003 in strings: <c>Trust Server Certificate=true</c> (obsolete and ignored from Npgsql 8, honoured before).</summary>
    public static class TrustServerCertificateRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            var trust = context.Model.GetEffective(NpgsqlKeywords.TrustServerCertificate);
            if (trust.TryGetBool(out var value) && value)
            {
                var setting = trust.Setting!;
                findings.Add(Finding.On(Descriptors.TrustServerCertificate, setting, FindingPart.Setting, SslModeRule.SettingText(setting))
                    .WithEdit(SettingEdits.RemoveSetting(context.Model, setting)));
            }
        }
    }
}
