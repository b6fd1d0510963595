using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>The edits connection-string fixes make, computed on the model so separators stay well-formed.</summary>
    public static class SettingEdits
    {
        /// <summary>
        /// Replace the value as written (quotes included) with <paramref name="newValue"/>. For a setting made in code the
        /// span is unused: the front end replaces the assigned expression (<c>SslMode.Disable</c> → <c>SslMode.VerifyFull</c>).
        /// </summary>
        public static FindingEdit ReplaceValue(ConnectionStringSetting setting, string newValue) =>
            new FindingEdit(EditKind.Replace, setting.Origin is null ? setting.ValueSpan : default, newValue);

        /// <summary>
        /// Remove a setting with exactly one separator: the ';' before it and its own text up to (not including) its own
        /// ';' — so removing neighbours never touches the same character and Fix All can apply them together. The first
        /// setting takes its own trailing ';' instead. "A;B;C" loses ";B"; "A;B" loses ";B"; "A;B;" keeps its final ';'.
        /// </summary>
        public static FindingEdit RemoveSetting(ParsedConnectionString model, ConnectionStringSetting setting)
        {
            if (setting.Origin is not null || model.Text is null)
            {
                return default;
            }

            var text = model.Text.Text;
            var segment = setting.SegmentSpan;
            var index = model.Settings.IndexOf(setting);
            var separatorBefore = index > 0 ? model.Settings[index - 1].SegmentSpan.End - 1 : -1;
            if (separatorBefore >= 0 && separatorBefore < text.Length && text[separatorBefore] == ';')
            {
                var end = segment.End > segment.Start && text[segment.End - 1] == ';' ? segment.End - 1 : segment.End;
                return new FindingEdit(EditKind.Remove, TextSpan.FromBounds(separatorBefore, end), string.Empty);
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
