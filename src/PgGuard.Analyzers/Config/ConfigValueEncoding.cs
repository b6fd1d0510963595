using System.Globalization;
using System.Text;

namespace PgGuard.Analyzers.Config
{
    /// <summary>
    /// Writes decoded text back as the content of a JSON string or an XML attribute value: the inverse of what
    /// <see cref="JsonConfigReader"/> and <see cref="XmlConfigReader"/> decode, so a fix can put a new value into a file.
    /// </summary>
    public static class ConfigValueEncoding
    {
        /// <summary>
        /// JSON string content: <c>"</c> and <c>\</c> escaped, control characters as <c>\n</c>-style or <c>\u00XX</c>
        /// escapes, a lone surrogate as <c>\uXXXX</c> (raw, it would not survive UTF-8). Everything else as is.
        /// </summary>
        public static string EncodeJson(string text)
        {
            StringBuilder? builder = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var escape = JsonEscape(text, i);
                if (escape is null)
                {
                    builder?.Append(c);
                    continue;
                }

                builder ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
                builder.Append(escape);
            }

            return builder?.ToString() ?? text;
        }

        /// <summary>
        /// XML attribute content for an attribute quoted with <paramref name="quote"/> (<c>"</c> or <c>'</c>):
        /// <c>&amp;</c>, <c>&lt;</c> and the quote in use as entities, tab and line breaks as character references (a
        /// normalising XML reader would otherwise turn them into spaces). Null when the text holds a character XML 1.0
        /// cannot carry at all (most C0 controls, U+FFFE, U+FFFF, a lone surrogate).
        /// </summary>
        public static string? EncodeXmlAttribute(string text, char quote)
        {
            StringBuilder? builder = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                string? entity;
                switch (c)
                {
                    case '&': entity = "&amp;"; break;
                    case '<': entity = "&lt;"; break;
                    case '"' when quote == '"': entity = "&quot;"; break;
                    case '\'' when quote == '\'': entity = "&apos;"; break;
                    case '\t': entity = "&#x9;"; break;
                    case '\n': entity = "&#xA;"; break;
                    case '\r': entity = "&#xD;"; break;
                    default:
                        if (!IsXmlChar(text, i))
                        {
                            return null;
                        }

                        entity = null;
                        break;
                }

                if (entity is null)
                {
                    builder?.Append(c);
                    continue;
                }

                builder ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
                builder.Append(entity);
            }

            return builder?.ToString() ?? text;
        }

        private static string? JsonEscape(string text, int i)
        {
            var c = text[i];
            switch (c)
            {
                case '"': return "\\\"";
                case '\\': return "\\\\";
                case '\b': return "\\b";
                case '\f': return "\\f";
                case '\n': return "\\n";
                case '\r': return "\\r";
                case '\t': return "\\t";
            }

            return c < ' ' || IsLoneSurrogate(text, i) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : null;
        }

        /// <summary>XML 1.0 Char production, for characters other than tab and line breaks (handled by the caller).</summary>
        private static bool IsXmlChar(string text, int i)
        {
            var c = text[i];
            return c >= ' ' && c != '\uFFFE' && c != '\uFFFF' && !IsLoneSurrogate(text, i);
        }

        private static bool IsLoneSurrogate(string text, int i)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
            }

            return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
        }
    }
}
