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
        /// <summary>The scheme (<c>postgres</c> or <c>postgresql</c>) when the text, after leading whitespace, is such a URI.</summary>
        public static string? Scheme(string text)
        {
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            foreach (var scheme in new[] { "postgresql", "postgres" })
            {
                if (string.Compare(text, start, scheme + "://", 0, scheme.Length + 3, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return scheme;
                }
            }

            return null;
        }

        /// <summary>The host list of the URI (<c>h1:5432,h2</c>), or null when the text is no URI or holds a hole there.</summary>
        public static string? Host(string text)
        {
            if (Scheme(text) is null)
            {
                return null;
            }

            var authority = text.IndexOf("://", StringComparison.Ordinal) + 3;
            var end = authority;
            while (end < text.Length && text[end] != '/' && text[end] != '?' && text[end] != '#')
            {
                end++;
            }

            var at = text.LastIndexOf('@', end - 1, end - authority);
            var start = at < 0 ? authority : at + 1;
            var host = text.Substring(start, end - start);
            return host.Length == 0 || host.IndexOf(Text.LocatedText.HoleChar) >= 0 ? null : host;
        }

        /// <summary>The span of the password in <c>scheme://user:password@host</c>, if the URI has one.</summary>
        public static TextSpan? PasswordSpan(string text)
        {
            if (Scheme(text) is null)
            {
                return null;
            }

            var authority = text.IndexOf("://", StringComparison.Ordinal) + 3;
            var end = authority;
            while (end < text.Length && text[end] != '/' && text[end] != '?' && text[end] != '#')
            {
                end++;
            }

            // The last '@' of the authority ends the user info (a password may itself contain '@' only percent-encoded,
            // but be lenient).
            var at = text.LastIndexOf('@', end - 1, end - authority);
            if (at < 0)
            {
                return null;
            }

            var colon = text.IndexOf(':', authority, at - authority);
            return colon < 0 || colon + 1 >= at ? (TextSpan?)null : TextSpan.FromBounds(colon + 1, at);
        }
    }
}
