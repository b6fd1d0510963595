using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Config
{
    /// <summary>
    /// Finds the <c>connectionStrings</c> and <c>appSettings</c> entries of an app.config, web.config or config transform
    /// and keeps the position of every value. A small tag and attribute scanner rather than System.Xml, which reports
    /// no attribute value positions: one linear pass, an explicit element stack, comments, CDATA, processing instructions
    /// and DOCTYPE skipped. It is not a validator; on the malformed XML it does notice it stops and returns what it read
    /// before, with the error position. It never throws.
    /// </summary>
    /// <remarks>
    /// Behaviour of System.Configuration (ConfigurationManager 10.0) this follows (verified): element and attribute names
    /// are case-sensitive; attribute values are not whitespace-normalised (a line break inside <c>connectionString</c>
    /// stays a line break); <c>name</c>/<c>key</c> compare case-insensitively; <c>remove</c> and <c>clear</c> apply.
    /// Repeating a connection-string name is a load error there; we keep the last, as appSettings does.
    /// </remarks>
    public static class XmlConfigReader
    {
        public static XmlConfigDocument Read(string text, string filePath)
        {
            return new Reader(text, filePath).Run();
        }

        /// <summary>Decodes an attribute value already validated by <see cref="Read"/>.</summary>
        internal static LocatedText DecodeLocated(string fileText, TextSpan value, string filePath)
        {
            var builder = new LocatedTextBuilder();
            Decode(fileText, value.Start, value.End, null, builder, filePath);
            return builder.ToLocatedText();
        }

        /// <summary>
        /// Decodes the entity and character references of [start, end) into <paramref name="chars"/> and/or
        /// <paramref name="located"/>. Returns the position of a malformed reference, or -1.
        /// </summary>
        private static int Decode(string text, int start, int end, StringBuilder? chars, LocatedTextBuilder? located, string source)
        {
            var i = start;
            while (i < end)
            {
                var c = text[i];
                if (c != '&')
                {
                    chars?.Append(c);
                    located?.Append(c, source, i, i + 1);
                    i++;
                    continue;
                }

                var semicolon = text.IndexOf(';', i + 1, end - i - 1);
                if (semicolon < 0)
                {
                    return i;
                }

                var nameStart = i + 1;
                var nameLength = semicolon - nameStart;
                var predefined = PredefinedEntity(text, nameStart, nameLength);
                if (predefined != '\0')
                {
                    chars?.Append(predefined);
                    located?.Append(predefined, source, i, semicolon + 1);
                }
                else if (nameLength > 0 && text[nameStart] == '#')
                {
                    var code = ParseCharacterReference(text, nameStart + 1, semicolon);
                    if (code < 0)
                    {
                        return i;
                    }

                    // A code point above U+FFFF becomes a surrogate pair; both halves map to the whole reference.
                    var decoded = char.ConvertFromUtf32(code);
                    foreach (var half in decoded)
                    {
                        chars?.Append(half);
                        located?.Append(half, source, i, semicolon + 1);
                    }
                }
                else if (IsName(text, nameStart, nameLength))
                {
                    // An entity only a DTD could define: its value is unknown to us, so it is a hole.
                    chars?.Append(LocatedText.HoleChar);
                    located?.AppendHole(source, i, semicolon + 1);
                }
                else
                {
                    return i;
                }

                i = semicolon + 1;
            }

            return -1;
        }

        private static char PredefinedEntity(string text, int start, int length)
        {
            switch (length)
            {
                case 2 when Is(text, start, "lt"): return '<';
                case 2 when Is(text, start, "gt"): return '>';
                case 3 when Is(text, start, "amp"): return '&';
                case 4 when Is(text, start, "quot"): return '"';
                case 4 when Is(text, start, "apos"): return '\'';
                default: return '\0';
            }
        }

        /// <summary><c>NN</c> or <c>xHH</c> (after <c>&amp;#</c>) → a Unicode scalar value, or -1.</summary>
        private static int ParseCharacterReference(string text, int start, int end)
        {
            var hex = start < end && text[start] == 'x';
            var i = hex ? start + 1 : start;
            if (i == end)
            {
                return -1;
            }

            var value = 0;
            for (; i < end; i++)
            {
                var c = text[i];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (hex && c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (hex && c >= 'A' && c <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    return -1;
                }

                value = (value * (hex ? 16 : 10)) + digit;
                if (value > 0x10FFFF)
                {
                    return -1;
                }
            }

            return value >= 0xD800 && value <= 0xDFFF ? -1 : value;
        }

        private static bool Is(string text, int start, string expected)
        {
            return string.CompareOrdinal(text, start, expected, 0, expected.Length) == 0;
        }

        // XML name characters, simplified: anything non-ASCII is accepted, as a tolerant reader can afford.
        private static bool IsNameStartChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= '\u0080';

        private static bool IsNameChar(char c) => IsNameStartChar(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';

        private static bool IsName(string text, int start, int length)
        {
            if (length == 0 || !IsNameStartChar(text[start]))
            {
                return false;
            }

            for (var i = start + 1; i < start + length; i++)
            {
                if (!IsNameChar(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

        private struct Attribute
        {
            public int NameStart;
            public int NameLength;
            public int ValueStart;
            public int ValueEnd;
        }

        private struct OpenElement
        {
            public int NameStart;
            public int NameLength;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private readonly string _filePath;
            private readonly List<OpenElement> _open = new List<OpenElement>();
            private readonly List<Attribute> _attributes = new List<Attribute>();
            private readonly List<XmlConfigEntry?> _entries = new List<XmlConfigEntry?>();
            private readonly Dictionary<string, int> _connectionStrings = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            private readonly Dictionary<string, int> _appSettings = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            private readonly StringBuilder _chars = new StringBuilder();
            private bool _sawElement;
            private int _pos;
            private int? _error;

            public Reader(string text, string filePath)
            {
                _text = text;
                _filePath = filePath;
            }

            public XmlConfigDocument Run()
            {
                _pos = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
                while (_error is null)
                {
                    // Text between tags cannot hold an entry, so it is skipped unread.
                    var lt = _text.IndexOf('<', _pos);
                    if (lt < 0)
                    {
                        if (_open.Count > 0 || !_sawElement)
                        {
                            _error = _text.Length; // truncated, or no root element at all
                        }

                        break;
                    }

                    _pos = lt;
                    if (StartsWith("<!--"))
                    {
                        SkipPast("-->", 4);
                    }
                    else if (StartsWith("<![CDATA["))
                    {
                        SkipPast("]]>", 9);
                    }
                    else if (StartsWith("<?"))
                    {
                        SkipPast("?>", 2);
                    }
                    else if (StartsWith("<!"))
                    {
                        SkipDeclaration();
                    }
                    else if (StartsWith("</"))
                    {
                        ReadEndTag();
                    }
                    else
                    {
                        ReadStartTag();
                    }
                }

                var entries = ImmutableArray.CreateBuilder<XmlConfigEntry>();
                foreach (var entry in _entries)
                {
                    if (entry is not null)
                    {
                        entries.Add(entry);
                    }
                }

                return new XmlConfigDocument(_filePath, entries.ToImmutable(), _error);
            }

            private bool StartsWith(string s) => Is(_text, _pos, s);

            private void SkipPast(string terminator, int openingLength)
            {
                var end = _text.IndexOf(terminator, _pos + openingLength, StringComparison.Ordinal);
                if (end < 0)
                {
                    _error = _pos;
                }
                else
                {
                    _pos = end + terminator.Length;
                }
            }

            /// <summary>Skips <c>&lt;!DOCTYPE …&gt;</c>, whose internal subset in brackets may hold quoted '&gt;'s.</summary>
            private void SkipDeclaration()
            {
                var depth = 0;
                for (var i = _pos + 2; i < _text.Length; i++)
                {
                    var c = _text[i];
                    if (c == '"' || c == '\'')
                    {
                        i = _text.IndexOf(c, i + 1);
                        if (i < 0)
                        {
                            break;
                        }
                    }
                    else if (c == '[')
                    {
                        depth++;
                    }
                    else if (c == ']')
                    {
                        depth--;
                    }
                    else if (c == '>' && depth <= 0)
                    {
                        _pos = i + 1;
                        return;
                    }
                }

                _error = _pos;
            }

            private int ScanName(int i)
            {
                while (i < _text.Length && IsNameChar(_text[i]))
                {
                    i++;
                }

                return i;
            }

            private int SkipWhitespace(int i)
            {
                while (i < _text.Length && IsWhitespace(_text[i]))
                {
                    i++;
                }

                return i;
            }

            private void ReadEndTag()
            {
                var nameStart = _pos + 2;
                var nameEnd = ScanName(nameStart);
                var i = SkipWhitespace(nameEnd);
                if (nameEnd == nameStart || i >= _text.Length || _text[i] != '>' || _open.Count == 0)
                {
                    _error = _pos;
                    return;
                }

                var open = _open[_open.Count - 1];
                if (open.NameLength != nameEnd - nameStart
                    || string.CompareOrdinal(_text, open.NameStart, _text, nameStart, open.NameLength) != 0)
                {
                    _error = _pos;
                    return;
                }

                _open.RemoveAt(_open.Count - 1);
                _pos = i + 1;
            }

            private void ReadStartTag()
            {
                var tagStart = _pos;
                var nameStart = _pos + 1;
                if (nameStart >= _text.Length || !IsNameStartChar(_text[nameStart]))
                {
                    _error = tagStart;
                    return;
                }

                var nameEnd = ScanName(nameStart);
                _attributes.Clear();
                var i = nameEnd;
                bool selfClosing;
                while (true)
                {
                    i = SkipWhitespace(i);
                    if (i >= _text.Length)
                    {
                        _error = tagStart;
                        return;
                    }

                    var c = _text[i];
                    if (c == '>')
                    {
                        selfClosing = false;
                        i++;
                        break;
                    }

                    if (c == '/' && i + 1 < _text.Length && _text[i + 1] == '>')
                    {
                        selfClosing = true;
                        i += 2;
                        break;
                    }

                    if (!ReadAttribute(ref i))
                    {
                        return;
                    }
                }

                _pos = i;
                _sawElement = true;
                OnElement(nameStart, nameEnd - nameStart);
                if (!selfClosing)
                {
                    _open.Add(new OpenElement { NameStart = nameStart, NameLength = nameEnd - nameStart });
                }
            }

            /// <summary><c>name = "value"</c> or <c>name='value'</c>; false (with the error set) when malformed.</summary>
            private bool ReadAttribute(ref int i)
            {
                var nameStart = i;
                var nameEnd = ScanName(i);
                if (nameEnd == nameStart || !IsNameStartChar(_text[nameStart]))
                {
                    _error = i;
                    return false;
                }

                i = SkipWhitespace(nameEnd);
                if (i >= _text.Length || _text[i] != '=')
                {
                    _error = i;
                    return false;
                }

                i = SkipWhitespace(i + 1);
                if (i >= _text.Length || (_text[i] != '"' && _text[i] != '\''))
                {
                    _error = i;
                    return false;
                }

                var close = _text.IndexOf(_text[i], i + 1);
                if (close < 0)
                {
                    _error = i;
                    return false;
                }

                var lt = _text.IndexOf('<', i + 1, close - i - 1);
                if (lt >= 0)
                {
                    _error = lt; // '<' is not allowed in an attribute value
                    return false;
                }

                _attributes.Add(new Attribute { NameStart = nameStart, NameLength = nameEnd - nameStart, ValueStart = i + 1, ValueEnd = close });
                i = close + 1;
                return true;
            }

            private void OnElement(int nameStart, int nameLength)
            {
                if (_open.Count == 0)
                {
                    return;
                }

                var parent = _open[_open.Count - 1];
                XmlConfigSection section;
                if (NameIs(parent.NameStart, parent.NameLength, "connectionStrings"))
                {
                    section = XmlConfigSection.ConnectionStrings;
                }
                else if (NameIs(parent.NameStart, parent.NameLength, "appSettings"))
                {
                    section = XmlConfigSection.AppSettings;
                }
                else
                {
                    return;
                }

                var isConnectionStrings = section == XmlConfigSection.ConnectionStrings;
                var entries = isConnectionStrings ? _connectionStrings : _appSettings;
                var keyAttribute = isConnectionStrings ? "name" : "key";
                if (NameIs(nameStart, nameLength, "add"))
                {
                    var valueIndex = FindAttribute(isConnectionStrings ? "connectionString" : "value");
                    if (valueIndex < 0
                        || !TryDecode(FindAttribute(keyAttribute), out var name)
                        || !TryDecode(isConnectionStrings ? FindAttribute("providerName") : -1, out var providerName)
                        || !TryDecode(valueIndex, out var text))
                    {
                        return;
                    }

                    var value = _attributes[valueIndex];
                    var key = name ?? string.Empty;
                    Remove(entries, key);
                    entries[key] = _entries.Count;
                    _entries.Add(new XmlConfigEntry(
                        _filePath, _text, section, key, providerName, text!, TextSpan.FromBounds(value.ValueStart, value.ValueEnd)));
                }
                else if (NameIs(nameStart, nameLength, "remove"))
                {
                    if (TryDecode(FindAttribute(keyAttribute), out var name))
                    {
                        Remove(entries, name ?? string.Empty);
                    }
                }
                else if (NameIs(nameStart, nameLength, "clear"))
                {
                    foreach (var index in entries.Values)
                    {
                        _entries[index] = null;
                    }

                    entries.Clear();
                }
            }

            private void Remove(Dictionary<string, int> entries, string key)
            {
                if (entries.TryGetValue(key, out var index))
                {
                    _entries[index] = null;
                    entries.Remove(key);
                }
            }

            private bool NameIs(int start, int length, string name) => length == name.Length && Is(_text, start, name);

            /// <summary>The index of the last attribute of the current tag with this name, or -1.</summary>
            private int FindAttribute(string name)
            {
                for (var i = _attributes.Count - 1; i >= 0; i--)
                {
                    if (NameIs(_attributes[i].NameStart, _attributes[i].NameLength, name))
                    {
                        return i;
                    }
                }

                return -1;
            }

            /// <summary>Decodes an attribute's value (null when <paramref name="index"/> is -1); false with the error set when malformed.</summary>
            private bool TryDecode(int index, out string? value)
            {
                value = null;
                if (index < 0)
                {
                    return true;
                }

                var attribute = _attributes[index];
                _chars.Clear();
                var error = Decode(_text, attribute.ValueStart, attribute.ValueEnd, _chars, null, _filePath);
                if (error >= 0)
                {
                    _error = error;
                    return false;
                }

                value = _chars.ToString();
                return true;
            }
        }
    }
}
