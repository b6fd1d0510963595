using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Config
{
    /// <summary>
    /// Reads an appsettings file the way Microsoft.Extensions.Configuration.Json does (System.Text.Json with comments
    /// skipped and trailing commas allowed) and keeps the position of every string value. One linear pass with an explicit
    /// stack; on invalid JSON it stops and returns what it read before, with the error position. It never throws.
    /// </summary>
    /// <remarks>
    /// Behaviour of M.E.Configuration.Json 10.0 this follows (verified): the root must be an object; keys are
    /// case-insensitive; array items are keyed by index; nesting deeper than 64 containers fails to load (JsonDocument's
    /// default MaxDepth); raw control characters in strings, <c>[1,,]</c>, leading zeros and content after the root are
    /// errors. One deliberate difference: M.E.Configuration refuses a file that repeats a key ("A duplicate key 'A' was
    /// found"); we keep the last value, which is also what wins when the same key comes from a later file or provider.
    /// </remarks>
    public static class JsonConfigReader
    {
        internal const int MaxDepth = 64;

        public static JsonConfigDocument Read(string text, string filePath)
        {
            return new Reader(text, filePath).Run();
        }

        /// <summary>Decodes the content of a string token already validated by <see cref="Read"/>.</summary>
        internal static LocatedText DecodeLocated(string fileText, TextSpan content, string filePath)
        {
            var builder = new LocatedTextBuilder();
            var i = content.Start;
            while (i < content.End)
            {
                var c = fileText[i];
                if (c != '\\')
                {
                    builder.Append(c, filePath, i, i + 1);
                    i++;
                }
                else if (fileText[i + 1] == 'u')
                {
                    builder.Append((char)ParseHex4(fileText, i + 2), filePath, i, i + 6);
                    i += 6;
                }
                else
                {
                    builder.Append(Unescape(fileText[i + 1]), filePath, i, i + 2);
                    i += 2;
                }
            }

            return builder.ToLocatedText();
        }

        /// <summary>The character a two-character escape stands for, or '\0' when it is not a JSON escape.</summary>
        private static char Unescape(char c)
        {
            switch (c)
            {
                case '"': return '"';
                case '\\': return '\\';
                case '/': return '/';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                default: return '\0';
            }
        }

        /// <summary>The value of four hex digits at <paramref name="start"/>, or -1.</summary>
        private static int ParseHex4(string text, int start)
        {
            if (start + 4 > text.Length)
            {
                return -1;
            }

            var value = 0;
            for (var i = start; i < start + 4; i++)
            {
                var c = text[i];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (c >= 'A' && c <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        private enum Expect
        {
            RootValue,
            KeyOrEnd,   // after '{' or a ',' in an object (a trailing comma may be followed by '}')
            Colon,
            Value,      // after ':'
            ValueOrEnd, // after '[' or a ',' in an array
            CommaOrEnd,
            Nothing,    // after the root object
        }

        private struct Frame
        {
            public JsonConfigPath Path;
            public bool IsArray;
            public int Count;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private readonly string _filePath;
            private readonly JsonConfigPath _root = JsonConfigPath.CreateRoot();
            private readonly List<JsonConfigValue> _values = new List<JsonConfigValue>();
            private readonly StringBuilder _chars = new StringBuilder();
            private readonly Frame[] _stack = new Frame[MaxDepth];
            private int _depth;
            private int _pos;
            private int? _error;

            public Reader(string text, string filePath)
            {
                _text = text;
                _filePath = filePath;
            }

            public JsonConfigDocument Run()
            {
                // A decoder normally strips the byte order mark; a file read as raw text may still start with it.
                _pos = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
                var expect = Expect.RootValue;
                JsonConfigPath? pending = null;
                while (_error is null)
                {
                    if (!SkipTrivia())
                    {
                        break;
                    }

                    if (_pos >= _text.Length)
                    {
                        if (expect != Expect.Nothing)
                        {
                            _error = _text.Length;
                        }

                        break;
                    }

                    var c = _text[_pos];
                    switch (expect)
                    {
                        case Expect.RootValue:
                            if (c != '{')
                            {
                                _error = _pos;
                                break;
                            }

                            expect = ReadValue(_root);
                            break;

                        case Expect.KeyOrEnd:
                            if (c == '}')
                            {
                                expect = Close();
                            }
                            else if (c == '"' && ReadString(out var key, out _))
                            {
                                ref var frame = ref _stack[_depth - 1];
                                frame.Count++;
                                pending = frame.Path.GetOrAddChild(key);
                                expect = Expect.Colon;
                            }
                            else
                            {
                                _error ??= _pos;
                            }

                            break;

                        case Expect.Colon:
                            if (c == ':')
                            {
                                _pos++;
                                expect = Expect.Value;
                            }
                            else
                            {
                                _error = _pos;
                            }

                            break;

                        case Expect.Value:
                            expect = ReadValue(pending!);
                            break;

                        case Expect.ValueOrEnd:
                            if (c == ']')
                            {
                                expect = Close();
                            }
                            else
                            {
                                ref var frame = ref _stack[_depth - 1];
                                var index = frame.Count++;
                                expect = ReadValue(frame.Path.GetOrAddChild(index.ToString(CultureInfo.InvariantCulture)));
                            }

                            break;

                        case Expect.CommaOrEnd:
                            var isArray = _stack[_depth - 1].IsArray;
                            if (c == ',')
                            {
                                _pos++;
                                expect = isArray ? Expect.ValueOrEnd : Expect.KeyOrEnd;
                            }
                            else if (c == (isArray ? ']' : '}'))
                            {
                                expect = Close();
                            }
                            else
                            {
                                _error = _pos;
                            }

                            break;

                        default:
                            _error = _pos; // content after the root object
                            break;
                    }
                }

                var values = ImmutableArray.CreateBuilder<JsonConfigValue>(_values.Count);
                foreach (var value in _values)
                {
                    if (ReferenceEquals(value.PathNode.Value, value))
                    {
                        values.Add(value); // not replaced by a later value of the same key
                    }
                }

                return new JsonConfigDocument(_filePath, values.ToImmutable(), _error);
            }

            /// <summary>Reads the value that starts at the current position and is stored under <paramref name="path"/>.</summary>
            private Expect ReadValue(JsonConfigPath path)
            {
                var c = _text[_pos];
                if (c == '{' || c == '[')
                {
                    if (_depth == MaxDepth)
                    {
                        _error = _pos;
                        return Expect.Nothing;
                    }

                    _stack[_depth++] = new Frame { Path = path, IsArray = c == '[' };
                    _pos++;
                    return c == '[' ? Expect.ValueOrEnd : Expect.KeyOrEnd;
                }

                if (c == '"')
                {
                    if (ReadString(out var text, out var content))
                    {
                        SetValue(path, new JsonConfigValue(_filePath, _text, path, text, content));
                    }

                    return AfterValue();
                }

                if (ReadLiteral("true") || ReadLiteral("false") || ReadLiteral("null") || ReadNumber())
                {
                    SetValue(path, null);
                    return AfterValue();
                }

                _error ??= _pos;
                return Expect.Nothing;
            }

            private Expect Close()
            {
                _pos++;
                var frame = _stack[--_depth];
                if (frame.Count == 0 && _depth > 0)
                {
                    // M.E.Configuration stores an empty object or array as a (null or empty) value of its own key.
                    SetValue(frame.Path, null);
                }

                return AfterValue();
            }

            private Expect AfterValue() => _depth == 0 ? Expect.Nothing : Expect.CommaOrEnd;

            /// <summary>Stores a string value (or, for null, a value of another kind) under a path: the last one wins.</summary>
            private void SetValue(JsonConfigPath path, JsonConfigValue? value)
            {
                path.Value = value;
                if (value is not null)
                {
                    _values.Add(value);
                }
            }

            /// <summary>Reads a string token at the current position; on failure sets the error and returns false.</summary>
            private bool ReadString(out string text, out TextSpan content)
            {
                var open = _pos;
                var i = open + 1;
                _chars.Clear();
                while (i < _text.Length)
                {
                    var c = _text[i];
                    if (c == '"')
                    {
                        text = _chars.ToString();
                        content = TextSpan.FromBounds(open + 1, i);
                        _pos = i + 1;
                        return true;
                    }

                    if (c < ' ')
                    {
                        break; // raw control characters (a line break included) are invalid JSON
                    }

                    if (c != '\\')
                    {
                        _chars.Append(c);
                        i++;
                        continue;
                    }

                    if (i + 1 >= _text.Length || (_text[i + 1] == 'u' && i + 6 > _text.Length))
                    {
                        i = _text.Length; // the text ends inside an escape: an unterminated string
                        break;
                    }

                    var escape = _text[i + 1];
                    if (escape == 'u')
                    {
                        var code = ParseHex4(_text, i + 2);
                        if (code < 0)
                        {
                            break;
                        }

                        _chars.Append((char)code);
                        i += 6;
                    }
                    else
                    {
                        var decoded = Unescape(escape);
                        if (decoded == '\0')
                        {
                            break;
                        }

                        _chars.Append(decoded);
                        i += 2;
                    }
                }

                // An unterminated string is reported at its opening quote; a bad character or escape where it is.
                _error = i >= _text.Length ? open : i;
                text = string.Empty;
                content = default;
                return false;
            }

            private bool ReadLiteral(string literal)
            {
                if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
                {
                    return false;
                }

                _pos += literal.Length;
                return true;
            }

            /// <summary>JSON number grammar: <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>.</summary>
            private bool ReadNumber()
            {
                var i = _pos;
                if (i < _text.Length && _text[i] == '-')
                {
                    i++;
                }

                if (i >= _text.Length || !IsDigit(_text[i]))
                {
                    return false;
                }

                i = _text[i] == '0' ? i + 1 : SkipDigits(i);
                if (i < _text.Length && _text[i] == '.')
                {
                    if (i + 1 >= _text.Length || !IsDigit(_text[i + 1]))
                    {
                        _error = i + 1;
                        return false;
                    }

                    i = SkipDigits(i + 1);
                }

                if (i < _text.Length && (_text[i] == 'e' || _text[i] == 'E'))
                {
                    i++;
                    if (i < _text.Length && (_text[i] == '+' || _text[i] == '-'))
                    {
                        i++;
                    }

                    if (i >= _text.Length || !IsDigit(_text[i]))
                    {
                        _error = i;
                        return false;
                    }

                    i = SkipDigits(i);
                }

                _pos = i;
                return true;
            }

            private int SkipDigits(int i)
            {
                while (i < _text.Length && IsDigit(_text[i]))
                {
                    i++;
                }

                return i;
            }

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            /// <summary>Skips whitespace and comments; false (with the error set) on an unterminated or malformed comment.</summary>
            private bool SkipTrivia()
            {
                while (_pos < _text.Length)
                {
                    var c = _text[_pos];
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                    {
                        _pos++;
                    }
                    else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                    {
                        var end = _text.IndexOf('\n', _pos + 2);
                        _pos = end < 0 ? _text.Length : end + 1;
                    }
                    else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                    {
                        var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                        if (end < 0)
                        {
                            _error = _pos;
                            return false;
                        }

                        _pos = end + 2;
                    }
                    else if (c == '/')
                    {
                        _error = _pos;
                        return false;
                    }
                    else
                    {
                        break;
                    }
                }

                return true;
            }
        }
    }
}
