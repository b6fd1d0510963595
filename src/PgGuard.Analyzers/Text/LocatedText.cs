using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Text
{
    /// <summary>
    /// Text assembled from one or more pieces of source (C# literals, a const declaration in another file, a JSON string,
    /// an XML attribute) with every character mapped back to the exact source characters it was decoded from.
    /// Values unknown at compile time are <em>holes</em>: one <see cref="HoleChar"/> each, recognised by
    /// <see cref="IsHole"/> (never by comparing characters, since user text may contain U+FFFF itself).
    /// </summary>
    public sealed class LocatedText
    {
        /// <summary>The character that stands for a hole in <see cref="Text"/>.</summary>
        public const char HoleChar = '\uFFFF';

        private readonly int[] _starts;
        private readonly int[] _ends;
        private readonly int[] _sourceIndexes;
        private readonly int[] _holes; // sorted indexes into Text

        internal LocatedText(string text, int[] starts, int[] ends, int[] sourceIndexes, ImmutableArray<object> sources, int[] holes)
        {
            Text = text;
            _starts = starts;
            _ends = ends;
            _sourceIndexes = sourceIndexes;
            Sources = sources;
            _holes = holes;
        }

        /// <summary>The decoded text; each hole is one <see cref="HoleChar"/>.</summary>
        public string Text { get; }

        /// <summary>The distinct sources the characters come from (a SyntaxTree, a file path, …), in first-use order.</summary>
        public ImmutableArray<object> Sources { get; }

        public int Length => Text.Length;

        public bool HasHoles => _holes.Length != 0;

        /// <summary>Text taken as is from one source: character i maps to [offset + i, offset + i + 1).</summary>
        public static LocatedText FromString(string text, object? source = null, int offset = 0)
        {
            var starts = new int[text.Length];
            var ends = new int[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                starts[i] = offset + i;
                ends[i] = offset + i + 1;
            }

            return new LocatedText(text, starts, ends, new int[text.Length], ImmutableArray.Create(source ?? string.Empty), Array.Empty<int>());
        }

        /// <summary>The characters [start, start + length) as located text of their own, with the same mapping.</summary>
        public LocatedText Slice(int start, int length)
        {
            var starts = new int[length];
            var ends = new int[length];
            var sources = new int[length];
            System.Array.Copy(_starts, start, starts, 0, length);
            System.Array.Copy(_ends, start, ends, 0, length);
            System.Array.Copy(_sourceIndexes, start, sources, 0, length);
            var holes = new System.Collections.Generic.List<int>();
            foreach (var hole in _holes)
            {
                if (hole >= start && hole < start + length)
                {
                    holes.Add(hole - start);
                }
            }

            return new LocatedText(Text.Substring(start, length), starts, ends, sources, Sources, holes.ToArray());
        }

        public bool IsHole(int index) => _holes.Length != 0 && Array.BinarySearch(_holes, index) >= 0;

        /// <summary>True when any character in [start, start + length) is a hole.</summary>
        public bool ContainsHole(int start, int length)
        {
            if (_holes.Length == 0 || length <= 0)
            {
                return false;
            }

            var i = Array.BinarySearch(_holes, start);
            if (i >= 0)
            {
                return true;
            }

            i = ~i;
            return i < _holes.Length && _holes[i] < start + length;
        }

        /// <summary>The source of the character at <paramref name="index"/>.</summary>
        public object SourceAt(int index) => Sources[_sourceIndexes[index]];

        /// <summary>The source span of one character (several characters wide for an escape such as <c>\u0053</c>).</summary>
        public TextSpan SourceSpanAt(int index) => TextSpan.FromBounds(_starts[index], _ends[index]);

        /// <summary>
        /// Maps [start, start + length) of <see cref="Text"/> to one span of one source. When the range crosses sources
        /// (a concatenation with a const from another file), the part in the source of the first character is returned.
        /// An empty range maps to an empty span before the character at <paramref name="start"/> (or after the last one).
        /// </summary>
        public (object Source, TextSpan Span) Map(int start, int length)
        {
            if (Text.Length == 0)
            {
                return (Sources.IsDefaultOrEmpty ? string.Empty : Sources[0], default);
            }

            if (length <= 0)
            {
                if (start >= Text.Length)
                {
                    var last = Text.Length - 1;
                    return (SourceAt(last), new TextSpan(_ends[last], 0));
                }

                return (SourceAt(start), new TextSpan(_starts[start], 0));
            }

            var first = start;
            var source = _sourceIndexes[first];
            var end = _ends[first];
            for (var i = first + 1; i < start + length && i < Text.Length; i++)
            {
                if (_sourceIndexes[i] != source)
                {
                    break;
                }

                end = Math.Max(end, _ends[i]);
            }

            return (Sources[source], TextSpan.FromBounds(_starts[first], end));
        }
    }
}
