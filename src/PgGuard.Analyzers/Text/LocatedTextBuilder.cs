using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace PgGuard.Analyzers.Text
{
    /// <summary>Builds a <see cref="LocatedText"/> one decoded character (or hole) at a time.</summary>
    public sealed class LocatedTextBuilder
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly List<int> _starts = new List<int>();
        private readonly List<int> _ends = new List<int>();
        private readonly List<int> _sourceIndexes = new List<int>();
        private readonly List<int> _holes = new List<int>();
        private readonly List<object> _sources = new List<object>();
        private object? _lastSource;
        private int _lastSourceIndex = -1;

        public int Length => _text.Length;

        /// <summary>Appends one decoded character that came from [sourceStart, sourceEnd) of <paramref name="source"/>.</summary>
        public void Append(char c, object source, int sourceStart, int sourceEnd)
        {
            _text.Append(c);
            _starts.Add(sourceStart);
            _ends.Add(sourceEnd);
            _sourceIndexes.Add(IndexOf(source));
        }

        /// <summary>Appends characters copied verbatim from <paramref name="source"/>, starting at <paramref name="sourceStart"/>.</summary>
        public void AppendVerbatim(string text, object source, int sourceStart)
        {
            for (var i = 0; i < text.Length; i++)
            {
                Append(text[i], source, sourceStart + i, sourceStart + i + 1);
            }
        }

        /// <summary>Appends a hole: a value unknown at compile time whose expression spans [sourceStart, sourceEnd).</summary>
        public void AppendHole(object source, int sourceStart, int sourceEnd)
        {
            _holes.Add(_text.Length);
            Append(LocatedText.HoleChar, source, sourceStart, sourceEnd);
        }

        public LocatedText ToLocatedText()
        {
            return new LocatedText(
                _text.ToString(),
                _starts.ToArray(),
                _ends.ToArray(),
                _sourceIndexes.ToArray(),
                _sources.ToImmutableArray(),
                _holes.ToArray());
        }

        private int IndexOf(object source)
        {
            if (ReferenceEquals(source, _lastSource) || Equals(source, _lastSource))
            {
                return _lastSourceIndex;
            }

            var index = _sources.IndexOf(source);
            if (index < 0)
            {
                index = _sources.Count;
                _sources.Add(source);
            }

            _lastSource = source;
            _lastSourceIndex = index;
            return index;
        }
    }
}
