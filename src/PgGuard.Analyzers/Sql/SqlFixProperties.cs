using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>
    /// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that carry a finding's edit to a code fix, in the
    /// coordinates of the diagnostic's own document (the <c>.sql</c> file, or the C# file the text came from).
    /// </summary>
    public static class SqlFixProperties
    {
        public const string EditStart = "PgGuard.Sql.EditStart";
        public const string EditLength = "PgGuard.Sql.EditLength";
        public const string NewText = "PgGuard.Sql.NewText";

        /// <summary>The properties for an edit of <paramref name="span"/> (document coordinates), or empty without one.</summary>
        public static ImmutableDictionary<string, string?> For(TextSpan? span, string? newText)
        {
            if (span == null || newText == null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            return ImmutableDictionary<string, string?>.Empty
                .Add(EditStart, span.Value.Start.ToString(CultureInfo.InvariantCulture))
                .Add(EditLength, span.Value.Length.ToString(CultureInfo.InvariantCulture))
                .Add(NewText, newText);
        }
    }
}
