using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>PG0007: effective <c>Pooling=false</c>.</summary>
    public static class PoolingDisabledRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            var pooling = context.Model.GetEffective(NpgsqlKeywords.Pooling);
            if (pooling.TryGetBool(out var value) && !value)
            {
                var setting = pooling.Setting!;
                findings.Add(Finding.On(Descriptors.PoolingDisabled, setting, FindingPart.Setting, SslModeRule.SettingText(setting))
                    .WithEdit(SettingEdits.RemoveSetting(context.Model, setting)));
            }
        }
    }
}
