using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Config
{
    /// <summary>A text edit inside one configuration value, with the decoded text it replaces (for a fix's title).</summary>
    public readonly struct ConfigValueEdit
    {
        public ConfigValueEdit(TextChange change, string replacedText)
        {
            Change = change;
            ReplacedText = replacedText;
        }

        /// <summary>The change in file characters, its new text encoded for the value's syntax.</summary>
        public TextChange Change { get; }

        /// <summary>The decoded characters the change removes (empty for an insertion).</summary>
        public string ReplacedText { get; }
    }

    /// <summary>
    /// Turns edits of connection strings found in one configuration file (file positions, decoded new text) into changes
    /// of the file: an edit must lie inside one JSON string value or XML attribute value and start and end between
    /// decoded characters (never inside <c>\u0053</c> or <c>&amp;amp;</c>), and its new text is encoded for that value's
    /// syntax. The file is read once, so Fix All over many findings stays linear.
    /// </summary>
    public sealed class ConfigValueEdits
    {
        private readonly string _fileText;
        private readonly bool _isJson;
        private readonly ImmutableArray<(TextSpan Span, Func<LocatedText> Value)> _values; // sorted by position

        private ConfigValueEdits(string fileText, bool isJson, ImmutableArray<(TextSpan, Func<LocatedText>)> values)
        {
            _fileText = fileText;
            _isJson = isJson;
            _values = values;
        }

        /// <summary>The values of <paramref name="fileText"/>; null when <paramref name="filePath"/> is not a configuration file we read.</summary>
        public static ConfigValueEdits? Read(string filePath, string fileText)
        {
            var values = ImmutableArray.CreateBuilder<(TextSpan, Func<LocatedText>)>();
            switch (ConfigEnvironment.GetFileKind(filePath))
            {
                case ConfigFileKind.AppSettingsJson:
                    foreach (var value in JsonConfigReader.Read(fileText, filePath).Values)
                    {
                        values.Add((value.ContentSpan, () => value.Value));
                    }

                    break;

                case ConfigFileKind.XmlConfig:
                    foreach (var entry in XmlConfigReader.Read(fileText, filePath).Entries)
                    {
                        values.Add((entry.ValueSpan, () => entry.Value));
                    }

                    break;

                default:
                    return null;
            }

            values.Sort((a, b) => a.Item1.Start.CompareTo(b.Item1.Start));
            return new ConfigValueEdits(fileText, ConfigEnvironment.GetFileKind(filePath) == ConfigFileKind.AppSettingsJson, values.ToImmutable());
        }

        /// <summary>One edit of a file read once: false when the file is not ours or the edit cannot be written safely.</summary>
        public static bool TryCreate(string filePath, string fileText, TextSpan span, string newText, out ConfigValueEdit edit)
        {
            edit = default;
            return Read(filePath, fileText) is { } edits && edits.TryCreate(span, newText, out edit);
        }

        /// <summary>False when the edit is not inside one value, cuts an escape or entity, or its text cannot be written there.</summary>
        public bool TryCreate(TextSpan span, string newText, out ConfigValueEdit edit)
        {
            edit = default;

            // The last value that starts at or before the edit; Contains admits an insertion right before the closing quote.
            var low = 0;
            var high = _values.Length - 1;
            var index = -1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (_values[middle].Span.Start <= span.Start)
                {
                    index = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            if (index < 0 || !_values[index].Span.Contains(span))
            {
                return false;
            }

            var valueSpan = _values[index].Span;
            var encoded = _isJson
                ? ConfigValueEncoding.EncodeJson(newText)
                : ConfigValueEncoding.EncodeXmlAttribute(newText, _fileText[valueSpan.Start - 1]);
            return TryCreate(_values[index].Value(), valueSpan.End, span, encoded, out edit);
        }

        private static bool TryCreate(LocatedText value, int valueEnd, TextSpan span, string? encoded, out ConfigValueEdit edit)
        {
            edit = default;

            // Both ends must be where a decoded character starts (or where the value ends); the characters between are
            // then exactly the ones the edit replaces. Character sources are contiguous and in order in one file.
            var first = CharacterAt(value, valueEnd, span.Start);
            var end = CharacterAt(value, valueEnd, span.End);
            if (encoded is null || first < 0 || end < 0 || value.ContainsHole(first, end - first))
            {
                return false;
            }

            edit = new ConfigValueEdit(new TextChange(span, encoded), value.Text.Substring(first, end - first));
            return true;
        }

        /// <summary>The index of the first character that starts at <paramref name="position"/>; Length at the value's end; else -1.</summary>
        private static int CharacterAt(LocatedText value, int valueEnd, int position)
        {
            if (position == valueEnd)
            {
                return value.Length;
            }

            var low = 0;
            var high = value.Length - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                var start = value.SourceSpanAt(middle).Start;
                if (start < position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low < value.Length && value.SourceSpanAt(low).Start == position ? low : -1;
        }
    }
}
