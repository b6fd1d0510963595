using System.Collections.Immutable;
using System.Globalization;
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
        public const string EditStartProperty = "PgGuard.EditStart";
        public const string EditLengthProperty = "PgGuard.EditLength";

        /// <summary>Edit kinds beyond <see cref="EditKind"/>: replace an assigned C# expression; remove a call.</summary>
        public const string ReplaceExpression = "ReplaceExpression";
        public const string RemoveCall = "RemoveCall";

        public static Diagnostic Create(Finding finding, ParsedConnectionString model, Location fallback)
        {
            var location = Locate(finding, model) ?? fallback;
            var properties = ImmutableDictionary<string, string?>.Empty;

            // The edit travels as positions in the diagnostic's own file; an edit elsewhere (a concatenation with a const
            // of another file) gets no fix.
            if (finding.Edit.Kind == EditKind.Replace && finding.Setting?.Origin is CodeOrigin origin)
            {
                properties = WithEdit(properties, ReplaceExpression, finding.Edit.NewText, origin.Value);
            }
            else if (finding.Edit.Kind != EditKind.None && finding.Setting?.Origin is null && model.Text is { } text &&
                     MapToTree(text, finding.Edit.Span) is { } edit && edit.SourceTree == location.SourceTree)
            {
                properties = WithEdit(properties, finding.Edit.Kind.ToString(), finding.Edit.NewText, edit);
            }

            return Diagnostic.Create(finding.Descriptor, location, properties, finding.Arguments);
        }

        public static ImmutableDictionary<string, string?> WithEdit(ImmutableDictionary<string, string?> properties, string kind, string newText, Location at) =>
            properties
                .Add(EditKindProperty, kind)
                .Add(NewTextProperty, newText)
                .Add(EditStartProperty, at.SourceSpan.Start.ToString(CultureInfo.InvariantCulture))
                .Add(EditLengthProperty, at.SourceSpan.Length.ToString(CultureInfo.InvariantCulture));

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
