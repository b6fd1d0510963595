using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>
    /// PG0002: SSL Mode Disable, Allow, Prefer, or any value outside Require..VerifyFull. Undefined numbers such as 6
    /// parse and then connect without TLS (NPGSQL.md §0.6), so only 3, 4 and 5 are safe.
    /// </summary>
    public static class SslModeRule
    {
        public const int Require = 3;
        public const int VerifyCA = 4;
        public const int VerifyFull = 5;

        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            var mode = context.Model.GetEffective(NpgsqlKeywords.SslMode);
            if (mode.TryGetEnum(out var value) && (value < Require || value > VerifyFull))
            {
                var setting = mode.Setting!;
                findings.Add(Finding.On(Descriptors.SslModeInsecure, setting, FindingPart.Setting, SettingText(setting))
                    .WithEdit(SettingEdits.ReplaceValue(setting, context.Options.SslMode)));
            }
        }

        /// <summary><c>key=value</c> as written, for messages about non-secret settings.</summary>
        public static string SettingText(ConnectionStringSetting setting) =>
            setting.Key + "=" + MessageText.Value(setting.Value ?? string.Empty);
    }
}
