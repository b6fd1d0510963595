using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>
    /// Splits a connection string into settings exactly as Npgsql does (System.Data.Common's tokenizer with non-ODBC rules,
    /// then Npgsql's keyword lookup and value conversions), keeping the span of every key, value and pair.
    /// </summary>
    /// <remarks>
    /// The grammar is NPGSQL.md §3.1; the parity tests compare every pair, segment and error index with .NET 10 itself.
    /// One pass, no regular expressions, no exceptions, linear in the length of the text.
    /// <para>
    /// Holes (values unknown at compile time) never cause a syntax error or a conversion error: a check that a hole's
    /// content could change (the end of a key, what follows a closing quote, a quote left open, the last character of a
    /// value) is skipped for a pair that holds a hole. A hole in key position stands for any number of settings, so a
    /// key holding a hole ends at the next ';' even without '=' (<c>$"{baseConnectionString};Pooling=false"</c>).
    /// </para>
    /// </remarks>
    public static class ConnectionStringParser
    {
        public static ParsedConnectionString Parse(string text) => Parse(LocatedText.FromString(text));

        public static ParsedConnectionString Parse(LocatedText text)
        {
            var reader = new Reader(text);
            var settings = ImmutableArray.CreateBuilder<ConnectionStringSetting>();
            var position = 0;
            while (position < text.Length)
            {
                var next = reader.ReadPair(position, out var setting, out var errorIndex);
                if (errorIndex >= 0)
                {
                    return new ParsedConnectionString(text, settings.ToImmutable(), errorIndex);
                }

                if (setting is null)
                {
                    break;
                }

                settings.Add(setting);
                position = next;
            }

            return new ParsedConnectionString(text, settings.ToImmutable(), null);
        }

        private sealed class Reader
        {
            private readonly LocatedText _located;
            private readonly string _s;
            private readonly int _n;
            private readonly bool _hasHoles;

            public Reader(LocatedText located)
            {
                _located = located;
                _s = located.Text;
                _n = _s.Length;
                _hasHoles = located.HasHoles;
            }

            /// <summary>
            /// Reads the pair whose segment starts at <paramref name="segmentStart"/> and returns where the next one starts.
            /// <paramref name="setting"/> is null at the end of the text; <paramref name="errorIndex"/> is the index Npgsql
            /// reports for a syntax error, else -1.
            /// </summary>
            public int ReadPair(int segmentStart, out ConnectionStringSetting? setting, out int errorIndex)
            {
                setting = null;
                errorIndex = -1;

                // Separators before the key. A '\0' ends the string: only white space and more '\0' may follow it.
                var i = segmentStart;
                while (i < _n && !IsHole(i))
                {
                    var c = _s[i];
                    if (c == ';' || char.IsWhiteSpace(c))
                    {
                        i++;
                        continue;
                    }

                    if (c == '\0')
                    {
                        var k = i + 1;
                        while (k < _n && !IsHole(k) && (_s[k] == '\0' || char.IsWhiteSpace(_s[k])))
                        {
                            k++;
                        }

                        if (k == _n)
                        {
                            return _n;
                        }

                        if (!IsHole(k))
                        {
                            errorIndex = k;
                            return _n;
                        }

                        // A hole after '\0' (Npgsql accepts only white space there): read it as the next key.
                        i = k;
                        break;
                    }

                    if (char.IsControl(c))
                    {
                        // Npgsql reports the start of the segment here, not the character.
                        errorIndex = segmentStart;
                        return _n;
                    }

                    break;
                }

                if (i == _n)
                {
                    return _n;
                }

                // The key runs to the first '=' that is not doubled ("==" is a literal '=').
                var keyStart = i;
                var keyHasHole = false;
                var keyHasEquals = false;
                while (true)
                {
                    if (i == _n)
                    {
                        if (keyHasHole)
                        {
                            setting = KeyOnly(segmentStart, keyStart, _n, _n);
                            return _n;
                        }

                        errorIndex = keyStart;
                        return _n;
                    }

                    if (IsHole(i))
                    {
                        keyHasHole = true;
                        i++;
                        continue;
                    }

                    var c = _s[i];
                    if (c == '=')
                    {
                        if (i + 1 < _n && _s[i + 1] == '=')
                        {
                            keyHasEquals = true;
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    if (c == ';' && keyHasHole)
                    {
                        setting = KeyOnly(segmentStart, keyStart, i, i + 1);
                        return i + 1;
                    }

                    if (!keyHasHole && !char.IsWhiteSpace(c) && char.IsControl(c))
                    {
                        errorIndex = keyStart;
                        return _n;
                    }

                    i++;
                }

                var keyEnd = TrimEnd(keyStart, i);
                if (keyEnd == keyStart)
                {
                    errorIndex = keyStart;
                    return _n;
                }

                var key = _s.Substring(keyStart, keyEnd - keyStart);
                if (keyHasEquals)
                {
                    key = key.Replace("==", "=");
                }

                var pair = new PairStart(segmentStart, keyStart, keyEnd, key, keyHasHole);

                // The value: empty, quoted or unquoted, after white space.
                i++;
                while (i < _n && !IsHole(i) && char.IsWhiteSpace(_s[i]))
                {
                    i++;
                }

                if (i == _n || (!IsHole(i) && (_s[i] == ';' || _s[i] == '\0')))
                {
                    // No value: Npgsql removes the keyword. A ';' belongs to the segment, a '\0' does not.
                    var segmentEnd = i < _n && _s[i] == ';' ? i + 1 : i;
                    setting = Create(pair, null, new TextSpan(i, 0), segmentEnd, QuoteKind.None, valueHasHole: false);
                    return segmentEnd;
                }

                if (!IsHole(i))
                {
                    var c = _s[i];
                    if (c == '\'' || c == '"')
                    {
                        return ReadQuoted(pair, i, out setting, out errorIndex);
                    }

                    if (char.IsControl(c))
                    {
                        if (!keyHasHole)
                        {
                            errorIndex = keyStart;
                            return _n;
                        }

                        return Recover(pair, i, QuoteKind.None, out setting);
                    }
                }

                return ReadUnquoted(pair, i, out setting, out errorIndex);
            }

            private int ReadUnquoted(PairStart pair, int valueStart, out ConnectionStringSetting? setting, out int errorIndex)
            {
                setting = null;
                errorIndex = -1;
                var valueHasHole = false;
                var i = valueStart;
                while (i < _n)
                {
                    if (IsHole(i))
                    {
                        valueHasHole = true;
                        i++;
                        continue;
                    }

                    var c = _s[i];
                    if (!char.IsWhiteSpace(c) && (c == ';' || char.IsControl(c)))
                    {
                        break;
                    }

                    i++;
                }

                var valueEnd = TrimEnd(valueStart, i);
                var last = _s[valueEnd - 1];
                if ((last == '\'' || last == '"') && !valueHasHole && !pair.KeyHasHole && !IsHole(valueEnd - 1))
                {
                    // An unquoted value may hold quotes, but not end with one.
                    errorIndex = pair.KeyStart;
                    return _n;
                }

                // The pair ends at ';' (consumed) or before a control character (which the next pair then rejects).
                var segmentEnd = i < _n && _s[i] == ';' ? i + 1 : i;
                var value = _s.Substring(valueStart, valueEnd - valueStart);
                setting = Create(pair, value, TextSpan.FromBounds(valueStart, valueEnd), segmentEnd, QuoteKind.None, valueHasHole);
                return segmentEnd;
            }

            private int ReadQuoted(PairStart pair, int openQuote, out ConnectionStringSetting? setting, out int errorIndex)
            {
                setting = null;
                errorIndex = -1;
                var quote = _s[openQuote];
                var quoteKind = quote == '\'' ? QuoteKind.Single : QuoteKind.Double;
                var valueHasHole = false;
                var hasDoubledQuote = false;
                var i = openQuote + 1;
                while (true)
                {
                    if (i == _n)
                    {
                        if (valueHasHole || pair.KeyHasHole)
                        {
                            return Recover(pair, openQuote, quoteKind, out setting);
                        }

                        errorIndex = pair.KeyStart;
                        return _n;
                    }

                    if (IsHole(i))
                    {
                        valueHasHole = true;
                        i++;
                        continue;
                    }

                    var c = _s[i];
                    if (c == quote)
                    {
                        if (i + 1 < _n && _s[i + 1] == quote)
                        {
                            hasDoubledQuote = true;
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    if (c == '\0' && !valueHasHole && !pair.KeyHasHole)
                    {
                        errorIndex = pair.KeyStart;
                        return _n;
                    }

                    i++;
                }

                var closeQuote = i;
                var value = _s.Substring(openQuote + 1, closeQuote - openQuote - 1);
                if (hasDoubledQuote)
                {
                    value = value.Replace(new string(quote, 2), new string(quote, 1));
                }

                var valueSpan = TextSpan.FromBounds(openQuote, closeQuote + 1);

                // After the closing quote: white space, then ';', '\0' (then only white space / '\0') or the end.
                i = closeQuote + 1;
                while (i < _n && !IsHole(i) && char.IsWhiteSpace(_s[i]))
                {
                    i++;
                }

                if (i == _n)
                {
                    setting = Create(pair, value, valueSpan, _n, quoteKind, valueHasHole);
                    return _n;
                }

                if (!IsHole(i))
                {
                    if (_s[i] == ';')
                    {
                        setting = Create(pair, value, valueSpan, i + 1, quoteKind, valueHasHole);
                        return i + 1;
                    }

                    if (_s[i] == '\0')
                    {
                        var k = i + 1;
                        while (k < _n && !IsHole(k) && (_s[k] == '\0' || char.IsWhiteSpace(_s[k])))
                        {
                            k++;
                        }

                        if (k < _n && !IsHole(k))
                        {
                            errorIndex = k;
                            return _n;
                        }

                        // The segment swallows the trailing '\0's and white space, up to a hole that starts the next pair.
                        setting = Create(pair, value, valueSpan, k, quoteKind, valueHasHole);
                        return k;
                    }
                }

                if (valueHasHole || pair.KeyHasHole || IsHole(i))
                {
                    return Recover(pair, openQuote, quoteKind, out setting);
                }

                errorIndex = pair.KeyStart;
                return _n;
            }

            /// <summary>
            /// For a pair holding a hole where Npgsql's grammar would fail: the value runs as written to the next ';' (or
            /// the end) and is marked as holding a hole, since its real extent depends on the hole's content.
            /// </summary>
            private int Recover(PairStart pair, int valueStart, QuoteKind quote, out ConnectionStringSetting? setting)
            {
                var semicolon = _s.IndexOf(';', valueStart);
                var end = semicolon < 0 ? _n : semicolon;
                var valueEnd = TrimEnd(valueStart, end);
                var value = _s.Substring(valueStart, valueEnd - valueStart);
                var segmentEnd = semicolon < 0 ? _n : semicolon + 1;
                setting = Create(pair, value, TextSpan.FromBounds(valueStart, valueEnd), segmentEnd, quote, valueHasHole: true);
                return segmentEnd;
            }

            /// <summary>A key holding a hole that ends at ';' or the end without '=': it may stand for whole settings.</summary>
            private ConnectionStringSetting KeyOnly(int segmentStart, int keyStart, int end, int segmentEnd)
            {
                var keyEnd = TrimEnd(keyStart, end);
                var key = _s.Substring(keyStart, keyEnd - keyStart);
                return Create(
                    new PairStart(segmentStart, keyStart, keyEnd, key, keyHasHole: true),
                    null,
                    new TextSpan(keyEnd, 0),
                    segmentEnd,
                    QuoteKind.None,
                    valueHasHole: false);
            }

            private static ConnectionStringSetting Create(
                PairStart pair, string? value, TextSpan valueSpan, int segmentEnd, QuoteKind quote, bool valueHasHole)
            {
                var keyword = pair.KeyHasHole ? null : NpgsqlKeywords.Find(pair.Key);
                var conversionError = keyword is not null && value is not null && !valueHasHole
                    ? NpgsqlValues.GetConversionError(keyword, value)
                    : null;
                return new ConnectionStringSetting(
                    pair.Key,
                    keyword,
                    value,
                    TextSpan.FromBounds(pair.KeyStart, pair.KeyEnd),
                    valueSpan,
                    TextSpan.FromBounds(pair.SegmentStart, segmentEnd),
                    quote,
                    pair.KeyHasHole,
                    valueHasHole,
                    conversionError);
            }

            /// <summary>The end of [start, end) without trailing white space (a hole is never white space).</summary>
            private int TrimEnd(int start, int end)
            {
                while (end > start && !IsHole(end - 1) && char.IsWhiteSpace(_s[end - 1]))
                {
                    end--;
                }

                return end;
            }

            private bool IsHole(int index) => _hasHoles && _s[index] == LocatedText.HoleChar && _located.IsHole(index);
        }

        private readonly struct PairStart
        {
            public PairStart(int segmentStart, int keyStart, int keyEnd, string key, bool keyHasHole)
            {
                SegmentStart = segmentStart;
                KeyStart = keyStart;
                KeyEnd = keyEnd;
                Key = key;
                KeyHasHole = keyHasHole;
            }

            public int SegmentStart { get; }

            public int KeyStart { get; }

            public int KeyEnd { get; }

            public string Key { get; }

            public bool KeyHasHole { get; }
        }
    }
}
