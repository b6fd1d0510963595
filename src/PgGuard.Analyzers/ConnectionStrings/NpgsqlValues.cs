using System;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>
    /// Value conversions exactly as Npgsql performs them (NPGSQL.md §3.2): <c>bool.Parse</c>, <c>int.Parse</c> and
    /// <c>Enum.Parse(ignoreCase: true)</c>, which accepts any integer and OR-s comma lists (<c>Allow,Prefer</c> is Require).
    /// </summary>
    public static class NpgsqlValues
    {
        public static bool TryParseBool(string text, out bool value)
        {
            var t = text.Trim();
            if (string.Equals(t, "true", StringComparison.OrdinalIgnoreCase))
            {
                value = true;
                return true;
            }

            value = false;
            return string.Equals(t, "false", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>int.Parse with NumberStyles.Integer: surrounding whitespace, one sign, ASCII digits, no overflow.</summary>
        public static bool TryParseInt(string text, out int value)
        {
            value = 0;
            var t = text.Trim();
            var i = 0;
            var negative = false;
            if (t.Length > 0 && (t[0] == '+' || t[0] == '-'))
            {
                negative = t[0] == '-';
                i = 1;
            }

            if (i >= t.Length)
            {
                return false;
            }

            long acc = 0;
            for (; i < t.Length; i++)
            {
                var c = t[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                acc = (acc * 10) + (c - '0');
                if (acc > (long)int.MaxValue + 1)
                {
                    return false;
                }
            }

            acc = negative ? -acc : acc;
            if (acc > int.MaxValue || acc < int.MinValue)
            {
                return false;
            }

            value = (int)acc;
            return true;
        }

        /// <summary>Enum.Parse(ignoreCase: true) over the keyword's members: names, any integer, comma lists OR-ed.</summary>
        public static bool TryParseEnum(NpgsqlKeyword keyword, string text, out int value)
        {
            value = 0;
            var t = text.Trim();
            if (t.Length == 0)
            {
                return false;
            }

            // A value that starts like a number is parsed as one number, as Enum.Parse does.
            if (char.IsDigit(t[0]) || t[0] == '+' || t[0] == '-')
            {
                return TryParseInt(t, out value);
            }

            var result = 0;
            foreach (var part in t.Split(','))
            {
                var name = part.Trim();
                var found = false;
                foreach (var member in keyword.EnumMembers)
                {
                    if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
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
            }

            value = result;
            return true;
        }
    }
}
