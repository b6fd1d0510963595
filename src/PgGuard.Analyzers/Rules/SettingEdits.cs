using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>The edits connection-string fixes make, computed on the model so separators stay well-formed.</summary>
    public static class SettingEdits
    {
        /// <summary>Replace the value as written (quotes included) with <paramref name="newValue"/>.</summary>
        public static FindingEdit ReplaceValue(ConnectionStringSetting setting, string newValue) =>
            setting.Origin is null ? new FindingEdit(EditKind.Replace, setting.ValueSpan, newValue) : default;

        /// <summary>
        /// Remove a setting with exactly one separator: its segment (leading junk, pair, trailing ';'); for the last
        /// setting without a trailing ';', the ';' before it instead, so no dangling separator is left behind.
        /// </summary>
        public static FindingEdit RemoveSetting(ParsedConnectionString model, ConnectionStringSetting setting)
        {
            if (setting.Origin is not null || model.Text is null)
            {
                return default;
            }

            var text = model.Text.Text;
            var segment = setting.SegmentSpan;
            var endsWithSeparator = segment.End > 0 && segment.End <= text.Length && text[segment.End - 1] == ';';
            var index = model.Settings.IndexOf(setting);
            if (!endsWithSeparator && index > 0)
            {
                // "Host=x;Pooling=false" -> "Host=x": take the previous pair's trailing ';' along.
                var previous = model.Settings[index - 1];
                var start = previous.ValueSpan.End;
                return new FindingEdit(EditKind.Remove, TextSpan.FromBounds(start, segment.End), string.Empty);
            }

            return new FindingEdit(EditKind.Remove, segment, string.Empty);
        }

        /// <summary>Append <c>key=value</c> after the last setting, adding a ';' only where none separates them.</summary>
        public static FindingEdit Append(ParsedConnectionString model, string setting)
        {
            if (model.Text is null)
            {
                return default;
            }

            var text = model.Text.Text;
            var end = text.Length;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var needsSeparator = end > 0 && text[end - 1] != ';';
            return new FindingEdit(EditKind.Insert, new TextSpan(end, 0), needsSeparator ? ";" + setting : setting);
        }
    }
}
