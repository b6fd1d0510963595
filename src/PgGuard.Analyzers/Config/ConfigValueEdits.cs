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
    /// Turns an edit of a connection string found in a configuration file (file positions, decoded new text) into a
    /// change of the file: it re-reads the file, requires the edit to lie inside one JSON string value or XML attribute
    /// value and to start and end between decoded characters (never inside <c>\u0053</c> or <c>&amp;amp;</c>), and
    /// encodes the new text for that value's syntax.
    /// </summary>
    public static class ConfigValueEdits
    {
        /// <summary>False when the file is not a configuration file we read, or the edit cannot be written safely.</summary>
        public static bool TryCreate(string filePath, string fileText, TextSpan span, string newText, out ConfigValueEdit edit)
        {
            edit = default;
            if (span.End > fileText.Length)
            {
                return false;
            }

            switch (ConfigEnvironment.GetFileKind(filePath))
            {
                case ConfigFileKind.AppSettingsJson:
                    foreach (var value in JsonConfigReader.Read(fileText, filePath).Values)
                    {
                        // Contains admits an insertion right before the closing quote.
                        if (value.ContentSpan.Contains(span))
                        {
                            return TryCreate(value.Value, span, ConfigValueEncoding.EncodeJson(newText), out edit);
                        }
                    }

                    return false;

                case ConfigFileKind.XmlConfig:
                    foreach (var entry in XmlConfigReader.Read(fileText, filePath).Entries)
                    {
                        if (entry.ValueSpan.Contains(span))
                        {
                            var quote = fileText[entry.ValueSpan.Start - 1];
                            return TryCreate(entry.Value, span, ConfigValueEncoding.EncodeXmlAttribute(newText, quote), out edit);
                        }
                    }

                    return false;

                default:
                    return false;
            }
        }

        private static bool TryCreate(LocatedText value, TextSpan span, string? encoded, out ConfigValueEdit edit)
        {
            edit = default;
            if (encoded is null || (value.Length == 0 && !span.IsEmpty))
            {
                return false;
            }

            // The edit must cover whole decoded characters: its ends are where characters start (or where the last ends).
            var startsAtBoundary = false;
            var endsAtBoundary = false;
            var first = -1;
            var last = -1;
            for (var i = 0; i < value.Length; i++)
            {
                var source = value.SourceSpanAt(i);
                startsAtBoundary |= source.Start == span.Start;
                endsAtBoundary |= source.Start == span.End;
                if (span.Contains(source))
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
                else if (source.OverlapsWith(span))
                {
                    return false; // the span cuts an escape or entity in two
                }
            }

            var valueEnd = value.Length == 0 ? span.Start : value.SourceSpanAt(value.Length - 1).End;
            startsAtBoundary |= span.Start == valueEnd;
            endsAtBoundary |= span.End == valueEnd;
            if (!startsAtBoundary || !endsAtBoundary || (first >= 0 && value.ContainsHole(first, last - first + 1)))
            {
                return false;
            }

            var replaced = first < 0 ? string.Empty : value.Text.Substring(first, last - first + 1);
            edit = new ConfigValueEdit(new TextChange(span, encoded), replaced);
            return true;
        }
    }
}
