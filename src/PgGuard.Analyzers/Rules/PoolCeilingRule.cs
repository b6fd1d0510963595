using System.Collections.Generic;
using System.Globalization;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>
    /// PG0008 (not in test projects): a complete remote connection string without Maximum Pool Size (the implicit 100
    /// equals PostgreSQL's default max_connections), a value above <c>pgguard.max_pool_size_limit</c>, a value of 0
    /// (every open times out), or Minimum Pool Size above the maximum. Skipped when pooling is off (PG0007 covers that).
    /// </summary>
    public static class PoolCeilingRule
    {
        private const int NpgsqlDefaultMaxPoolSize = 100;

        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            if (context.IsTestProject)
            {
                return;
            }

            var model = context.Model;
            var pooling = model.GetEffective(NpgsqlKeywords.Pooling);
            if (pooling.TryGetBool(out var poolingOn) && !poolingOn)
            {
                return;
            }

            var max = model.GetEffective(NpgsqlKeywords.MaxPoolSize);
            var limit = context.Options.MaxPoolSizeLimit;
            if (max.TryGetInt(out var maxValue))
            {
                if (maxValue == 0)
                {
                    findings.Add(Finding.On(Descriptors.MaxPoolSizeZero, max.Setting!, FindingPart.Setting)
                        .WithEdit(SettingEdits.ReplaceValue(max.Setting!, Invariant(context.Options.MaxPoolSize))));
                }
                else if (maxValue > limit)
                {
                    findings.Add(Finding.On(Descriptors.MaxPoolSizeTooHigh, max.Setting!, FindingPart.Setting, Invariant(maxValue), Invariant(limit))
                        .WithEdit(SettingEdits.ReplaceValue(max.Setting!, Invariant(limit))));
                }
            }
            else if (max.IsAbsent && context.IsComplete && context.IsRemote && IsCompleteConnection(model))
            {
                findings.Add(Finding.On(Descriptors.MaxPoolSizeMissing, context.HostSetting!, FindingPart.Setting)
                    .WithEdit(SettingEdits.Append(model, "Maximum Pool Size=" + Invariant(context.Options.MaxPoolSize))));
            }

            var min = model.GetEffective(NpgsqlKeywords.MinPoolSize);
            var effectiveMax = max.IsAbsent ? NpgsqlDefaultMaxPoolSize : (max.TryGetInt(out var m) ? m : (int?)null);
            if (min.TryGetInt(out var minValue) && effectiveMax is { } ceiling && ceiling > 0 && minValue > ceiling)
            {
                findings.Add(Finding.On(Descriptors.MinPoolSizeAboveMax, min.Setting!, FindingPart.Setting, Invariant(minValue), Invariant(ceiling)));
            }
        }

        /// <summary>Host plus a user, password or database: a string meant to connect, not a fragment or a template.</summary>
        private static bool IsCompleteConnection(ParsedConnectionString model) =>
            !model.GetEffective(NpgsqlKeywords.Username).IsAbsent ||
            !model.GetEffective(NpgsqlKeywords.Password).IsAbsent ||
            !model.GetEffective(NpgsqlKeywords.Database).IsAbsent;

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
