using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Sql
{
    /// <summary>
    /// Characters for the SQL lexer, each mapped to a span of the <em>outer</em> text: the text the analysis started from
    /// (a <see cref="LocatedText.Text"/> or a whole <c>.sql</c> file). Nested SQL (a <c>DO $$ … $$</c> body, the decoded
    /// string of an <c>EXECUTE '…'</c>) is a <see cref="SqlText"/> of its own whose characters still map to the outer
    /// text, so every token and finding is located in outer-text coordinates at any depth.
    /// </summary>
    public sealed class SqlText
    {
        // Either both arrays are null (character i sits at _offset + i of the outer text) or both hold one entry per character.
        private readonly int[]? _starts;
        private readonly int[]? _ends;
        private readonly int _offset;
        private readonly bool[]? _holes;

        private SqlText(string chars, int offset, int[]? starts, int[]? ends, bool[]? holes)
        {
            Chars = chars;
            _offset = offset;
            _starts = starts;
            _ends = ends;
            _holes = holes;
        }

        /// <summary>The characters to lex; a hole is one <see cref="LocatedText.HoleChar"/> recognised by <see cref="IsHole"/>.</summary>
        public string Chars { get; }

        public int Length => Chars.Length;

        /// <summary>Plain text (a <c>.sql</c> file): character i is at i of the outer text. Costs no per-character memory.</summary>
        public static SqlText FromString(string text) => new SqlText(text, 0, null, null, null);

        /// <summary>Located text from C# (or any front end): outer coordinates are indexes into <see cref="LocatedText.Text"/>.</summary>
        public static SqlText FromLocatedText(LocatedText text)
        {
            bool[]? holes = null;
            if (text.HasHoles)
            {
                holes = new bool[text.Length];
                for (var i = 0; i < holes.Length; i++)
                {
                    holes[i] = text.IsHole(i);
                }
            }

            return new SqlText(text.Text, 0, null, null, holes);
        }

        public bool IsHole(int index) => _holes != null && _holes[index];

        /// <summary>True when any character in [start, end) is a hole.</summary>
        public bool ContainsHole(int start, int end)
        {
            if (_holes == null)
            {
                return false;
            }

            for (var i = start; i < end; i++)
            {
                if (_holes[i])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Outer-text start of the character at <paramref name="index"/>.</summary>
        public int OuterStart(int index) => _starts == null ? _offset + index : _starts[index];

        /// <summary>Outer-text end of the character at <paramref name="index"/>.</summary>
        public int OuterEnd(int index) => _ends == null ? _offset + index + 1 : _ends[index];

        /// <summary>The outer-text span of [start, end) of <see cref="Chars"/>; an empty range maps to an empty span.</summary>
        public TextSpan ToOuterSpan(int start, int end)
        {
            if (end > start)
            {
                return TextSpan.FromBounds(OuterStart(start), OuterEnd(end - 1));
            }

            if (Length == 0)
            {
                return new TextSpan(_offset, 0);
            }

            var at = start < Length ? OuterStart(start) : OuterEnd(Length - 1);
            return new TextSpan(at, 0);
        }

        /// <summary>[start, end) as a text of its own (a dollar-quoted body: the characters are taken as they are).</summary>
        internal SqlText Slice(int start, int end)
        {
            var chars = Chars.Substring(start, end - start);
            bool[]? holes = null;
            if (_holes != null)
            {
                holes = new bool[end - start];
                System.Array.Copy(_holes, start, holes, 0, holes.Length);
            }

            if (_starts == null)
            {
                return new SqlText(chars, _offset + start, null, null, holes);
            }

            var starts = new int[end - start];
            var ends = new int[end - start];
            System.Array.Copy(_starts, start, starts, 0, starts.Length);
            System.Array.Copy(_ends!, start, ends, 0, ends.Length);
            return new SqlText(chars, 0, starts, ends, holes);
        }

        /// <summary>
        /// Builds new text (a decoded string constant, a dynamic statement assembled from pieces) one character at a
        /// time; every character keeps the outer-text span of what it was decoded from.
        /// </summary>
        internal sealed class Builder
        {
            private readonly StringBuilder _chars = new StringBuilder();
            private readonly List<int> _starts = new List<int>();
            private readonly List<int> _ends = new List<int>();
            private List<bool>? _holes;

            public int Length => _chars.Length;

            /// <summary>Appends <paramref name="c"/>, decoded from [start, end) of <paramref name="from"/>; a hole there stays a hole.</summary>
            public void Append(SqlText from, char c, int start, int end)
            {
                var hole = from.ContainsHole(start, end);
                Add(hole ? LocatedText.HoleChar : c, from.OuterStart(start), from.OuterEnd(end - 1), hole);
            }

            /// <summary>Appends a hole standing for the outer-text <paramref name="span"/> (an expression of unknown value).</summary>
            public void AppendHole(TextSpan span) => Add(LocatedText.HoleChar, span.Start, span.End, hole: true);

            public SqlText ToSqlText() => new SqlText(_chars.ToString(), 0, _starts.ToArray(), _ends.ToArray(), _holes?.ToArray());

            private void Add(char c, int start, int end, bool hole)
            {
                if (hole && _holes == null)
                {
                    _holes = new List<bool>(new bool[_chars.Length]);
                }

                _chars.Append(c);
                _starts.Add(start);
                _ends.Add(end);
                _holes?.Add(hole);
            }
        }
    }
}
