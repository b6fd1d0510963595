namespace PgGuard.Analyzers.Text
{
    /// <summary>ASCII digit values, shared by every decoder (C# and JSON escapes, XML character references, SQL, IP literals).</summary>
    internal static class Digits
    {
        /// <summary>The value of an ASCII digit in <paramref name="radix"/> (up to 16), or -1. Never culture- or Unicode-dependent.</summary>
        public static int Value(char c, int radix = 16)
        {
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

            return digit < radix ? digit : -1;
        }
    }
}
