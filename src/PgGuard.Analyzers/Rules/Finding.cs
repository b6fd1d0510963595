using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>Which part of a setting a finding underlines.</summary>
    public enum FindingPart
    {
        /// <summary><c>key=value</c>, from the first char of the key to the last char of the value.</summary>
        Setting,
        Key,
        Value,
    }

    /// <summary>What a code fix would do; the span is in the parsed text's coordinates.</summary>
    public enum EditKind
    {
        None,

        /// <summary>Replace <see cref="FindingEdit.Span"/> (a value) with <see cref="FindingEdit.NewText"/>.</summary>
        Replace,

        /// <summary>Delete <see cref="FindingEdit.Span"/> (a setting with one separator).</summary>
        Remove,

        /// <summary>Insert <see cref="FindingEdit.NewText"/> at <see cref="FindingEdit.Span"/>'s start.</summary>
        Insert,
    }

    public readonly struct FindingEdit
    {
        public FindingEdit(EditKind kind, TextSpan span, string newText)
        {
            Kind = kind;
            Span = span;
            NewText = newText;
        }

        public EditKind Kind { get; }

        public TextSpan Span { get; }

        public string NewText { get; }
    }

    /// <summary>
    /// One rule result, independent of where the text came from: the front end turns it into a Diagnostic at the exact
    /// source characters. It points either at a setting (and a part of it) or at a span of the parsed text.
    /// </summary>
    public sealed class Finding
    {
        public Finding(DiagnosticDescriptor descriptor, ConnectionStringSetting? setting, FindingPart part, TextSpan? span, object?[] arguments, FindingEdit edit = default)
        {
            Descriptor = descriptor;
            Setting = setting;
            Part = part;
            Span = span;
            Arguments = arguments;
            Edit = edit;
        }

        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>The setting the finding is about, or null for a finding on the text as a whole.</summary>
        public ConnectionStringSetting? Setting { get; }

        public FindingPart Part { get; }

        /// <summary>A span of the parsed text, used instead of the setting's span when set.</summary>
        public TextSpan? Span { get; }

        /// <summary>Message arguments; never a secret.</summary>
        public object?[] Arguments { get; }

        public FindingEdit Edit { get; }

        public static Finding On(DiagnosticDescriptor descriptor, ConnectionStringSetting setting, FindingPart part, params object?[] arguments) =>
            new Finding(descriptor, setting, part, null, arguments);

        public static Finding At(DiagnosticDescriptor descriptor, TextSpan span, params object?[] arguments) =>
            new Finding(descriptor, null, FindingPart.Setting, span, arguments);

        public Finding WithEdit(FindingEdit edit) => new Finding(Descriptor, Setting, Part, Span, Arguments, edit);

        /// <summary>The span of the parsed text this finding underlines (for text-based settings).</summary>
        public TextSpan TextSpan
        {
            get
            {
                if (Span is { } span)
                {
                    return span;
                }

                return Part switch
                {
                    FindingPart.Key => Setting!.KeySpan,
                    FindingPart.Value => Setting!.ValueSpan,
                    _ => Setting!.SettingSpan,
                };
            }
        }

        internal static ImmutableDictionary<string, string?> NoProperties => ImmutableDictionary<string, string?>.Empty;
    }
}
