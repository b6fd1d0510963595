namespace PgGuard.Analyzers.Rules
{
    /// <summary>Makes user text safe to print in a diagnostic message: short, and never something that may carry a secret.</summary>
    public static class MessageText
    {
        private const int MaxLength = 40;

        /// <summary>
        /// A key as written, or null when it may hold a secret or is not a plausible key: a key with '=' (from "=="),
        /// ':', '/', '@' or a hole is a pasted URI or value, not a keyword.
        /// </summary>
        public static string? SafeKey(string key)
        {
            if (key.Length == 0 || key.Length > MaxLength)
            {
                return null;
            }

            foreach (var c in key)
            {
                if (c == '=' || c == ':' || c == '/' || c == '@' || c == Text.LocatedText.HoleChar || char.IsControl(c))
                {
                    return null;
                }
            }

            return key;
        }

        /// <summary>A non-secret value, trimmed and cut to a readable length.</summary>
        public static string Value(string value)
        {
            var v = value.Trim();
            return v.Length <= MaxLength ? v : v.Substring(0, MaxLength) + "…";
        }
    }
}
