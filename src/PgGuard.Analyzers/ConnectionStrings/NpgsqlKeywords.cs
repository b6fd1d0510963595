using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>
    /// The keyword table of Npgsql 10.0.3 (one field per builder property, in <c>NpgsqlKeywords.Table.cs</c>) and
    /// Npgsql's key matching.
    /// </summary>
    /// <remarks>
    /// Npgsql's tokenizer lower-cases the trimmed key with <c>ToLowerInvariant</c>, then the builder upper-cases it with
    /// <c>ToUpperInvariant</c> and looks it up exactly (NPGSQL.md §0.1, §3.2): case does not matter, inner spaces do.
    /// Every accepted key is ASCII, and on .NET 10 the only non-ASCII characters that this lower-then-upper round trip
    /// turns into ASCII are U+017F (long s, to <c>S</c>) and U+212A (Kelvin sign, to <c>K</c>); so <c>ſslmode</c> is
    /// SSL Mode, while <c>Poolıng</c> (dotless i) and full-width letters are unknown. The fold is written out here rather
    /// than left to the host's casing tables, which differ between .NET Framework (Visual Studio) and .NET.
    /// </remarks>
    public static partial class NpgsqlKeywords
    {
        /// <summary>The keyword a connection-string key names, or null when Npgsql would reject the key.</summary>
        public static NpgsqlKeyword? Find(string key) => Find(key, 0, key.Length);

        /// <summary>The keyword that <c>text[start..end)</c> names (white space around it ignored), or null.</summary>
        public static NpgsqlKeyword? Find(string text, int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end == start || end - start > Lookup.LongestKey)
            {
                return null;
            }

            var folded = new char[end - start];
            for (var i = start; i < end; i++)
            {
                var c = FoldToAsciiUpper(text[i]);
                if (c == '\0')
                {
                    return null;
                }

                folded[i - start] = c;
            }

            return Lookup.ByKey.TryGetValue(new string(folded), out var keyword) ? keyword : null;
        }

        /// <summary>The keyword set by an <c>NpgsqlConnectionStringBuilder</c> property (<c>SslMode</c>), matched ordinally.</summary>
        public static NpgsqlKeyword? FindByProperty(string propertyName) =>
            Lookup.ByProperty.TryGetValue(propertyName, out var keyword) ? keyword : null;

        /// <summary>The upper-case ASCII character <c>ToUpperInvariant(ToLowerInvariant(c))</c> gives on .NET 10, or '\0' if none.</summary>
        internal static char FoldToAsciiUpper(char c)
        {
            if (c < 0x80)
            {
                // '\0' cannot be in a key (the tokenizer rejects control characters), so it can mean "no match".
                return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
            }

            switch (c)
            {
                case '\u017F': // LATIN SMALL LETTER LONG S
                    return 'S';
                case '\u212A': // KELVIN SIGN
                    return 'K';
                default:
                    return '\0';
            }
        }

        private static ImmutableArray<EnumMember> Members(params EnumMember[] members) => ImmutableArray.Create(members);

        private static EnumMember Member(string name, int value) => new EnumMember(name, value);

        private static ImmutableArray<string> Keys(params string[] keys) => ImmutableArray.Create(keys);

        /// <summary>Built on first use, after the table's fields (in another file of this partial class) exist.</summary>
        private static class Lookup
        {
            public static readonly Dictionary<string, NpgsqlKeyword> ByKey = CreateByKey(out LongestKey);
            public static readonly Dictionary<string, NpgsqlKeyword> ByProperty = CreateByProperty();
            public static readonly int LongestKey;

            private static Dictionary<string, NpgsqlKeyword> CreateByKey(out int longest)
            {
                longest = 0;
                var map = new Dictionary<string, NpgsqlKeyword>(StringComparer.Ordinal);
                foreach (var keyword in All)
                {
                    foreach (var key in keyword.AcceptedKeys)
                    {
                        map.Add(key, keyword);
                        longest = Math.Max(longest, key.Length);
                    }
                }

                return map;
            }

            private static Dictionary<string, NpgsqlKeyword> CreateByProperty()
            {
                var map = new Dictionary<string, NpgsqlKeyword>(StringComparer.Ordinal);
                foreach (var keyword in All)
                {
                    map.Add(keyword.PropertyName, keyword);
                }

                return map;
            }
        }
    }
}
