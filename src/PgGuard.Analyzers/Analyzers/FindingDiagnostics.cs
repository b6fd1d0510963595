using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Rules;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>Turns findings into diagnostics at the exact source characters, with the fix's edit attached.</summary>
    internal static class FindingDiagnostics
    {
        /// <summary>Property keys shared with the code fixes.</summary>
        public const string EditKindProperty = "PgGuard.EditKind";
        public const string NewTextProperty = "PgGuard.NewText";

        public static Diagnostic Create(Finding finding, ParsedConnectionString model, Location fallback)
        {
            var location = Locate(finding, model) ?? fallback;
            var additional = ImmutableArray<Location>.Empty;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (finding.Edit.Kind != EditKind.None && model.Text is { } text && MapToTree(text, finding.Edit.Span) is { } editLocation)
            {
                additional = ImmutableArray.Create(editLocation);
                properties = properties
                    .Add(EditKindProperty, finding.Edit.Kind.ToString())
                    .Add(NewTextProperty, finding.Edit.NewText);
            }

            return Diagnostic.Create(finding.Descriptor, location, additional, properties, finding.Arguments);
        }

        private static Location? Locate(Finding finding, ParsedConnectionString model)
        {
            if (finding.Span is null && finding.Setting?.Origin is CodeOrigin origin)
            {
                return finding.Part switch
                {
                    FindingPart.Key => origin.Key,
                    FindingPart.Value => origin.Value,
                    _ => origin.Setting,
                };
            }

            return model.Text is { } text ? MapToTree(text, finding.TextSpan) : null;
        }

        /// <summary>Maps a span of located text to a location in a syntax tree, or null when it came from elsewhere.</summary>
        public static Location? MapToTree(Text.LocatedText text, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            if (text.Length == 0)
            {
                return null;
            }

            var (source, mapped) = text.Map(span.Start, span.Length);
            return source is SyntaxTree tree ? Location.Create(tree, mapped) : null;
        }
    }
}
