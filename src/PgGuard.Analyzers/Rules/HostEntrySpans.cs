using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>Points a finding at one entry of a Host list (<c>a:5433,b</c>) instead of the whole value.</summary>
    public static class HostEntrySpans
    {
        public static Finding Find(DiagnosticDescriptor descriptor, ConnectionStringSetting host, HostEntry entry, params object?[] arguments)
        {
            // Offsets inside the value equal offsets in the text only when nothing was unescaped: no doubled quotes.
            var valueSpan = host.ValueSpan;
            var quoteWidth = host.Quote == QuoteKind.None ? 0 : 1;
            var written = valueSpan.Length - (2 * quoteWidth);
            if (host.Origin is null && host.Value is not null && written == host.Value.Length)
            {
                var start = valueSpan.Start + quoteWidth + entry.Span.Start;
                return Finding.At(descriptor, new TextSpan(start, entry.Span.Length), arguments);
            }

            return Finding.On(descriptor, host, FindingPart.Value, arguments);
        }
    }
}
