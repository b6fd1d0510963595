using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.Text
{
    internal static partial class CSharpLocatedText
    {
        /// <summary>
        /// Decoded characters with their source spans. Unlike <see cref="LocatedTextBuilder"/> it can be truncated, so a
        /// decoding that turns out not to match the compiler's value (invalid code, an unknown form) is rolled back and
        /// replaced by the compiler's value mapped to the whole expression.
        /// </summary>
        private sealed class Buffer
        {
            private readonly CancellationToken _cancellationToken;
            private readonly List<int> _holes = new List<int>();
            private char[] _chars = new char[64];
            private int[] _starts = new int[64];
            private int[] _ends = new int[64];
            private object[] _sources = new object[64];

            public Buffer(CancellationToken cancellationToken)
            {
                _cancellationToken = cancellationToken;
            }

            public int Length { get; private set; }

            /// <summary>Set once the text would exceed <see cref="MaxLength"/>; later appends are ignored.</summary>
            public bool Overflowed { get; private set; }

            public void Append(char c, object source, int start, int end)
            {
                if (Length >= MaxLength)
                {
                    Overflowed = true;
                    return;
                }

                // Literals can be megabytes long: look at the token now and then, not per character.
                if ((Length & 0x1FFF) == 0x1FFF)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                if (Length == _chars.Length)
                {
                    var size = _chars.Length * 2;
                    Array.Resize(ref _chars, size);
                    Array.Resize(ref _starts, size);
                    Array.Resize(ref _ends, size);
                    Array.Resize(ref _sources, size);
                }

                _chars[Length] = c;
                _starts[Length] = start;
                _ends[Length] = end;
                _sources[Length] = source;
                Length++;
            }

            /// <summary>Appends a value whose every character maps to the whole of <paramref name="span"/>.</summary>
            public void AppendMapped(string value, object source, TextSpan span)
            {
                for (var i = 0; i < value.Length && !Overflowed; i++)
                {
                    Append(value[i], source, span.Start, span.End);
                }
            }

            /// <summary>Appends again the characters [start, end) already in the buffer (a const used twice).</summary>
            public void AppendCopy(int start, int end)
            {
                for (var i = start; i < end && !Overflowed; i++)
                {
                    Append(_chars[i], _sources[i], _starts[i], _ends[i]);
                }
            }

            public void AppendHole(object source, TextSpan span)
            {
                _holes.Add(Length);
                Append(LocatedText.HoleChar, source, span.Start, span.End);
            }

            public void Truncate(int length)
            {
                if (length >= Length)
                {
                    return;
                }

                Array.Clear(_sources, length, Length - length);
                while (_holes.Count != 0 && _holes[_holes.Count - 1] >= length)
                {
                    _holes.RemoveAt(_holes.Count - 1);
                }

                Length = length;
            }

            /// <summary>True when the text appended since <paramref name="mark"/> is exactly <paramref name="expected"/>, without holes.</summary>
            public bool Matches(int mark, string expected)
            {
                if (Length - mark != expected.Length || (_holes.Count != 0 && _holes[_holes.Count - 1] >= mark))
                {
                    return false;
                }

                for (var i = 0; i < expected.Length; i++)
                {
                    if (_chars[mark + i] != expected[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>
            /// The located text, in arrays of exactly its length: built on every sink and candidate string of a
            /// compilation, so it allocates once per array rather than growing lists a character at a time.
            /// </summary>
            public LocatedText ToLocatedText()
            {
                var starts = new int[Length];
                var ends = new int[Length];
                var sourceIndexes = new int[Length];
                Array.Copy(_starts, starts, Length);
                Array.Copy(_ends, ends, Length);

                // Sources in first-use order; a text rarely has more than two, so a linear search is cheapest.
                var sources = new List<object>(1);
                object? last = null;
                var lastIndex = -1;
                for (var i = 0; i < Length; i++)
                {
                    var source = _sources[i];
                    if (!ReferenceEquals(source, last) && !Equals(source, last))
                    {
                        lastIndex = sources.IndexOf(source);
                        if (lastIndex < 0)
                        {
                            lastIndex = sources.Count;
                            sources.Add(source);
                        }

                        last = source;
                    }

                    sourceIndexes[i] = lastIndex;
                }

                return new LocatedText(new string(_chars, 0, Length), starts, ends, sourceIndexes, sources.ToImmutableArray(), _holes.ToArray());
            }
        }
    }
}
