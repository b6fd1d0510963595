using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>
    /// PG0010 in strings: switches that put row values, parameters or the password where they may be read
    /// (NPGSQL.md §6.2). Development config files may keep them; code may not, since it runs everywhere.
    /// </summary>
    public static class SensitiveDataRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            if (context.IsDevelopmentConfig)
            {
                return;
            }

            Check(context, NpgsqlKeywords.IncludeErrorDetail, "exception messages and logs", findings);
            Check(context, NpgsqlKeywords.LogParameters, "logs", findings);
            Check(context, NpgsqlKeywords.IncludeFailedBatchedCommand, "exceptions", findings);
            Check(context, NpgsqlKeywords.PersistSecurityInfo, "ConnectionString, which then keeps the password", findings);
        }

        private static void Check(ConnectionStringContext context, NpgsqlKeyword keyword, string where, List<Finding> findings)
        {
            var value = context.Model.GetEffective(keyword);
            if (value.TryGetBool(out var on) && on)
            {
                var setting = value.Setting!;
                findings.Add(Finding.On(Descriptors.SensitiveDataLeak, setting, FindingPart.Setting, SslModeRule.SettingText(setting), where)
                    .WithEdit(SettingEdits.RemoveSetting(context.Model, setting)));
            }
        }
    }
}
