using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>
    /// Value conversions exactly as Npgsql 10 performs them while parsing (NPGSQL.md §3.2): <c>bool.Parse</c>,
    /// <c>int.Parse</c> (invariant culture), <c>Enum.Parse(ignoreCase: true)</c>, which accepts any integer and OR-s comma
    /// lists (<c>Allow,Prefer</c> is Require), and the builder's own checks (ranges, Target Session Attributes, Require Auth).
    /// </summary>
    /// <remarks>
    /// Written out by hand, not delegated to the BCL: the analyzer may run on .NET Framework, whose parsing and casing
    /// differ from the .NET 10 that Npgsql runs on. Tests compare every function with .NET 10 itself.
    /// </remarks>
    public static class NpgsqlValues
    {
        /// <summary>The values of Target Session Attributes (10.0 lower-cases the value first).</summary>
        public static readonly ImmutableArray<string> TargetSessionAttributesValues = ImmutableArray.Create(
            "any", "primary", "standby", "prefer-primary", "prefer-standby", "read-write", "read-only");

        /// <summary>The RequireAuthMode members Require Auth accepts, by name (case-sensitive) or number.</summary>
        private static readonly ImmutableArray<EnumMember> AuthMethods = ImmutableArray.Create(
            new EnumMember("Password", 1),
            new EnumMember("MD5", 2),
            new EnumMember("GSS", 4),
            new EnumMember("SSPI", 8),
            new EnumMember("ScramSHA256", 16),
            new EnumMember("None", 32));

        /// <summary>RequireAuthMode.All: every method. Require Auth rejects it as an entry.</summary>
        public const int AllAuthMethods = 63;

        /// <summary><c>bool.Parse</c>: <c>true</c>/<c>false</c> in any ASCII case, surrounding whitespace and '\0' ignored.</summary>
        public static bool TryParseBool(string text, out bool value)
        {
            GetTrimmedBounds(text, trimNul: true, out var start, out var end);
            if (EqualsAsciiIgnoreCase(text, start, end, "true"))
            {
                value = true;
                return true;
            }

            value = false;
            return EqualsAsciiIgnoreCase(text, start, end, "false");
        }

        /// <summary>
        /// <c>int.Parse</c> with NumberStyles.Integer and the invariant culture: optional leading/trailing white space
        /// (only U+0009–U+000D and space), one optional sign, ASCII digits, no overflow; trailing '\0's are ignored.
        /// </summary>
        public static bool TryParseInt(string text, out int value) => TryParseInt(text, 0, out value);

        /// <summary>
        /// <c>Enum.Parse(type, text, ignoreCase: true)</c> over the keyword's members: after leading white space, a value that
        /// starts with a digit or sign is one integer (any value, even undefined); otherwise a comma list of names, each
        /// trimmed and matched ignoring ASCII case, OR-ed together.
        /// </summary>
        public static bool TryParseEnum(NpgsqlKeyword keyword, string text, out int value) =>
            TryParseEnum(keyword.EnumMembers, text, ignoreCase: true, out value);

        /// <summary>The name of the member with this value (as the enum's ToString gives it), or null for an undefined value.</summary>
        public static string? GetEnumName(NpgsqlKeyword keyword, int value)
        {
            foreach (var member in keyword.EnumMembers)
            {
                if (member.Value == value)
                {
                    return member.Name;
                }
            }

            return null;
        }

        /// <summary>Target Session Attributes as 10.0 checks it: lower-cased, one of <see cref="TargetSessionAttributesValues"/> (no trimming).</summary>
        public static bool TryParseTargetSessionAttributes(string text, out string value)
        {
            foreach (var candidate in TargetSessionAttributesValues)
            {
                if (EqualsAsciiIgnoreCase(text, 0, text.Length, candidate))
                {
                    value = candidate;
                    return true;
                }
            }

            value = string.Empty;
            return false;
        }

        /// <summary>
        /// Require Auth as 10.0 parses it: comma-separated, entries trimmed and empty ones dropped; each a case-sensitive
        /// RequireAuthMode name or an integer, optionally after one '!'; all entries negated or none; <c>All</c>/63 is not
        /// an entry. <paramref name="allowedMethods"/> is the set of allowed methods (63 when there are no entries).
        /// </summary>
        public static bool TryParseRequireAuth(string text, out int allowedMethods) =>
            CheckRequireAuth(text, out allowedMethods) is null;

        /// <summary>
        /// Why Npgsql would reject <paramref name="value"/> for <paramref name="keyword"/> while parsing, or null when it
        /// accepts it. The reason never quotes the value (it may be a secret).
        /// </summary>
        public static string? GetConversionError(NpgsqlKeyword keyword, string value)
        {
            switch (keyword.Type)
            {
                case KeywordType.Bool:
                    return TryParseBool(value, out _) ? null : "expected true or false";
                case KeywordType.Int:
                    return TryParseInt(value, out var number) ? GetRangeError(keyword, number) : "expected an integer";
                case KeywordType.Enum:
                    return TryParseEnum(keyword, value, out _) ? null : "expected one of " + JoinNames(keyword);
            }

            if (ReferenceEquals(keyword, NpgsqlKeywords.TargetSessionAttributes))
            {
                return TryParseTargetSessionAttributes(value, out _)
                    ? null
                    : "expected one of " + string.Join(", ", TargetSessionAttributesValues);
            }

            return ReferenceEquals(keyword, NpgsqlKeywords.RequireAuth) ? CheckRequireAuth(value, out _) : null;
        }

        /// <summary>
        /// The text Npgsql's builder holds for an accepted value, as <c>Convert.ToString(builder[key], InvariantCulture)</c>
        /// gives it: <c>True</c>/<c>False</c>, the integer, the enum member's name or the number of an undefined value,
        /// Target Session Attributes lower-cased, other strings unchanged. False when the value would be rejected.
        /// </summary>
        public static bool TryNormalize(NpgsqlKeyword keyword, string value, out string normalized)
        {
            normalized = value;
            if (GetConversionError(keyword, value) is not null)
            {
                return false;
            }

            switch (keyword.Type)
            {
                case KeywordType.Bool:
                    TryParseBool(value, out var flag);
                    normalized = flag ? "True" : "False";
                    break;
                case KeywordType.Int:
                    TryParseInt(value, out var number);
                    normalized = number.ToString(CultureInfo.InvariantCulture);
                    break;
                case KeywordType.Enum:
                    TryParseEnum(keyword, value, out var member);
                    normalized = GetEnumName(keyword, member) ?? member.ToString(CultureInfo.InvariantCulture);
                    break;
                default:
                    if (ReferenceEquals(keyword, NpgsqlKeywords.TargetSessionAttributes))
                    {
                        TryParseTargetSessionAttributes(value, out normalized);
                    }

                    break;
            }

            return true;
        }

        /// <summary>The range checks the builder's property setters make (verified against 10.0.3 for every int keyword).</summary>
        private static string? GetRangeError(NpgsqlKeyword keyword, int value)
        {
            if (ReferenceEquals(keyword, NpgsqlKeywords.Port) || ReferenceEquals(keyword, NpgsqlKeywords.AutoPrepareMinUsages))
            {
                return value > 0 ? null : "must be greater than 0";
            }

            if (ReferenceEquals(keyword, NpgsqlKeywords.Timeout))
            {
                return value >= 0 && value <= 1024 ? null : "must be between 0 and 1024";
            }

            if (ReferenceEquals(keyword, NpgsqlKeywords.CancellationTimeout))
            {
                return value >= -1 ? null : "must be -1 or greater";
            }

            if (ReferenceEquals(keyword, NpgsqlKeywords.InternalCommandTimeout))
            {
                return value == 0 || value == -1 || value >= 3 ? null : "must be 0, -1 or at least 3";
            }

            if (ReferenceEquals(keyword, NpgsqlKeywords.CommandTimeout) ||
                ReferenceEquals(keyword, NpgsqlKeywords.MinPoolSize) ||
                ReferenceEquals(keyword, NpgsqlKeywords.MaxPoolSize) ||
                ReferenceEquals(keyword, NpgsqlKeywords.HostRecheckSeconds) ||
                ReferenceEquals(keyword, NpgsqlKeywords.KeepAlive) ||
                ReferenceEquals(keyword, NpgsqlKeywords.TcpKeepAliveTime) ||
                ReferenceEquals(keyword, NpgsqlKeywords.TcpKeepAliveInterval) ||
                ReferenceEquals(keyword, NpgsqlKeywords.MaxAutoPrepare))
            {
                return value >= 0 ? null : "must be 0 or greater";
            }

            return null;
        }

        private static string? CheckRequireAuth(string text, out int allowedMethods)
        {
            allowedMethods = AllAuthMethods;
            var negated = false;
            var seenEntry = false;
            var methods = 0;
            var start = 0;
            while (start <= text.Length)
            {
                var comma = text.IndexOf(',', start);
                var end = comma < 0 ? text.Length : comma;
                var entry = Trim(text, start, end);
                start = end + 1;
                if (entry.Length == 0)
                {
                    continue;
                }

                var isNegated = entry[0] == '!';
                if (seenEntry && isNegated != negated)
                {
                    return "cannot mix allowed and forbidden (!) authentication methods";
                }

                negated = isNegated;
                seenEntry = true;
                if (!TryParseEnum(AuthMethods, isNegated ? entry.Substring(1) : entry, ignoreCase: false, out var method) ||
                    method == AllAuthMethods)
                {
                    return "expected Password, MD5, GSS, SSPI, ScramSHA256 or None (case-sensitive), each optionally prefixed with '!'";
                }

                methods |= method;
            }

            if (!seenEntry)
            {
                return null;
            }

            allowedMethods = negated ? AllAuthMethods & ~methods : methods;

            // Npgsql computes All - methods for a negated list: zero only when exactly every method is forbidden
            // (an odd number such as !-1 passes the check, though it leaves no real method allowed).
            if (negated ? methods == AllAuthMethods : methods == 0)
            {
                allowedMethods = 0;
                return "allows no authentication method";
            }

            return null;
        }

        private static bool TryParseEnum(ImmutableArray<EnumMember> members, string text, bool ignoreCase, out int value)
        {
            value = 0;
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            if (start == text.Length)
            {
                return false;
            }

            var first = text[start];
            if ((first >= '0' && first <= '9') || first == '-' || first == '+')
            {
                // A failed number falls back to names in .NET, which never start with a digit or sign: same result.
                return TryParseInt(text, start, out value);
            }

            var result = 0;
            while (true)
            {
                var comma = text.IndexOf(',', start);
                var end = comma < 0 ? text.Length : comma;
                GetTrimmedBounds(text, start, end, out var nameStart, out var nameEnd);
                var found = false;
                foreach (var member in members)
                {
                    if (ignoreCase
                        ? EqualsAsciiIgnoreCase(text, nameStart, nameEnd, member.Name)
                        : EqualsOrdinal(text, nameStart, nameEnd, member.Name))
                    {
                        result |= member.Value;
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return false;
                }

                if (comma < 0)
                {
                    value = result;
                    return true;
                }

                start = comma + 1;
            }
        }

        private static bool TryParseInt(string text, int start, out int value)
        {
            value = 0;
            var i = start;
            var n = text.Length;
            while (i < n && IsNumberWhite(text[i]))
            {
                i++;
            }

            var negative = false;
            if (i < n && (text[i] == '+' || text[i] == '-'))
            {
                negative = text[i] == '-';
                i++;
            }

            var digitsStart = i;
            long magnitude = 0;
            while (i < n && text[i] >= '0' && text[i] <= '9')
            {
                magnitude = (magnitude * 10) + (text[i] - '0');
                if (magnitude > 1L + int.MaxValue)
                {
                    return false;
                }

                i++;
            }

            if (i == digitsStart)
            {
                return false;
            }

            while (i < n && IsNumberWhite(text[i]))
            {
                i++;
            }

            while (i < n && text[i] == '\0')
            {
                i++;
            }

            if (i != n)
            {
                return false;
            }

            var signed = negative ? -magnitude : magnitude;
            if (signed > int.MaxValue || signed < int.MinValue)
            {
                return false;
            }

            value = (int)signed;
            return true;
        }

        /// <summary>The white space .NET's number parsing skips (narrower than char.IsWhiteSpace: no U+00A0, no U+2000…).</summary>
        private static bool IsNumberWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');

        private static bool EqualsAsciiIgnoreCase(string text, int start, int end, string expected)
        {
            if (end - start != expected.Length)
            {
                return false;
            }

            for (var i = 0; i < expected.Length; i++)
            {
                if (ToAsciiLower(text[start + i]) != ToAsciiLower(expected[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool EqualsOrdinal(string text, int start, int end, string expected) =>
            end - start == expected.Length && string.CompareOrdinal(text, start, expected, 0, expected.Length) == 0;

        private static char ToAsciiLower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

        private static void GetTrimmedBounds(string text, bool trimNul, out int start, out int end)
        {
            start = 0;
            end = text.Length;
            while (start < end && (char.IsWhiteSpace(text[start]) || (trimNul && text[start] == '\0')))
            {
                start++;
            }

            while (end > start && (char.IsWhiteSpace(text[end - 1]) || (trimNul && text[end - 1] == '\0')))
            {
                end--;
            }
        }

        private static void GetTrimmedBounds(string text, int from, int to, out int start, out int end)
        {
            start = from;
            end = to;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
        }

        private static string Trim(string text, int from, int to)
        {
            GetTrimmedBounds(text, from, to, out var start, out var end);
            return text.Substring(start, end - start);
        }

        private static string JoinNames(NpgsqlKeyword keyword)
        {
            var builder = new StringBuilder();
            foreach (var member in keyword.EnumMembers)
            {
                if (builder.Length != 0)
                {
                    builder.Append(", ");
                }

                builder.Append(member.Name);
            }

            return builder.ToString();
        }
    }
}
