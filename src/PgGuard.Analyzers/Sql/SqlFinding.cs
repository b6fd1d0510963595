using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>A text edit in outer-text coordinates: replace <see cref="Span"/> (empty: insert at its start) with <see cref="NewText"/>.</summary>
    public readonly struct SqlEdit
    {
        public SqlEdit(TextSpan span, string newText)
        {
            Span = span;
            NewText = newText;
        }

        public TextSpan Span { get; }

        public string NewText { get; }

        public static SqlEdit Insert(int position, string text) => new SqlEdit(new TextSpan(position, 0), text);
    }

    /// <summary>
    /// What a SQL rule found: the descriptor, the span in outer-text coordinates (an index range of the
    /// <see cref="Text.LocatedText.Text"/> or <c>.sql</c> file analysed), message arguments (never a secret) and, where a
    /// safe rewrite exists, the edit a code fix applies.
    /// </summary>
    public sealed class SqlFinding
    {
        public SqlFinding(DiagnosticDescriptor descriptor, TextSpan span, ImmutableArray<string> messageArguments, SqlEdit? fix = null)
        {
            Descriptor = descriptor;
            Span = span;
            MessageArguments = messageArguments;
            Fix = fix;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TextSpan Span { get; }

        public ImmutableArray<string> MessageArguments { get; }

        public SqlEdit? Fix { get; }

        /// <summary>The arguments as <see cref="Diagnostic.Create(DiagnosticDescriptor, Location, object[])"/> takes them.</summary>
        public object[] MessageArgumentsAsObjects()
        {
            var args = new object[MessageArguments.Length];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = MessageArguments[i];
            }

            return args;
        }

        public override string ToString() => Descriptor.Id + " " + Span + " " + string.Join(", ", MessageArguments);
    }
}
