using System;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>
    /// libpq URIs (<c>postgresql://user:password@host:5432/db</c>). Npgsql rejects them (NPGSQL.md §0.16), but they
    /// still carry credentials, so PG0006 looks into them and PG0011 explains them.
    /// </summary>
    public static class PostgresUri
    {
        // Asked of every string literal that holds '@' or '=', so it allocates nothing.
        private static readonly (string Prefix, string Scheme)[] Schemes = { ("postgresql://", "postgresql"), ("postgres://", "postgres") };

        /// <summary>The scheme (<c>postgres</c> or <c>postgresql</c>) when the text, after leading whitespace, is such a URI.</summary>
        public static string? Scheme(string text)
        {
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            foreach (var (prefix, scheme) in Schemes)
            {
                if (string.Compare(text, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return scheme;
                }
            }

            return null;
        }

        /// <summary>The host list of the URI (<c>h1:5432,h2</c>), or null when the text is no URI or holds a hole there.</summary>
        public static string? Host(string text)
        {
            if (!TryGetAuthority(text, out var authority, out var end, out var at))
            {
                return null;
            }

            var start = at < 0 ? authority : at + 1;
            var host = text.Substring(start, end - start);
            return host.Length == 0 || host.IndexOf(Text.LocatedText.HoleChar) >= 0 ? null : host;
        }

        /// <summary>The span of the password in <c>scheme://user:password@host</c>, if the URI has one.</summary>
        public static TextSpan? PasswordSpan(string text)
        {
            if (!TryGetAuthority(text, out var authority, out _, out var at) || at < 0)
            {
                return null;
            }

            var colon = text.IndexOf(':', authority, at - authority);
            return colon < 0 || colon + 1 >= at ? (TextSpan?)null : TextSpan.FromBounds(colon + 1, at);
        }

        /// <summary>
        /// [authority, end) is what follows "scheme://" up to the path, query or fragment; <paramref name="at"/> is the last
        /// '@' in it, which ends the user info (a password may hold '@' only percent-encoded, but be lenient), or -1.
        /// </summary>
        private static bool TryGetAuthority(string text, out int authority, out int end, out int at)
        {
            authority = end = at = -1;
            if (Scheme(text) is null)
            {
                return false;
            }

            authority = text.IndexOf("://", StringComparison.Ordinal) + 3;
            end = authority;
            while (end < text.Length && text[end] != '/' && text[end] != '?' && text[end] != '#')
            {
                end++;
            }

            at = end > authority ? text.LastIndexOf('@', end - 1, end - authority) : -1;
            return true;
        }
    }
}
