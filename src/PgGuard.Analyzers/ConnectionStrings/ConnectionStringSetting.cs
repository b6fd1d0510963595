using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Analyzers.ConnectionStrings
{
    public enum QuoteKind
    {
        None,
        Single,
        Double,
    }

    /// <summary>
    /// One <c>key=value</c> pair as the tokenizer read it, with spans into the parsed text so rules can point at the key,
    /// the value or the whole pair, and fixes can replace or remove exactly that.
    /// Settings made from code (a builder property) have no text spans; their <see cref="Origin"/> is the syntax they came from.
    /// </summary>
    public sealed class ConnectionStringSetting
    {
        public ConnectionStringSetting(
            string key,
            NpgsqlKeyword? keyword,
            string? value,
            TextSpan keySpan,
            TextSpan valueSpan,
            TextSpan segmentSpan,
            QuoteKind quote = QuoteKind.None,
            bool keyHasHole = false,
            bool valueHasHole = false,
            string? conversionError = null,
            object? origin = null)
        {
            Key = key;
            Keyword = keyword;
            Value = value;
            KeySpan = keySpan;
            ValueSpan = valueSpan;
            SegmentSpan = segmentSpan;
            Quote = quote;
            KeyHasHole = keyHasHole;
            ValueHasHole = valueHasHole;
            ConversionError = conversionError;
            Origin = origin;
        }

        /// <summary>The key as written (outer whitespace trimmed, <c>==</c> read as <c>=</c>, case kept).</summary>
        public string Key { get; }

        /// <summary>The Npgsql keyword the key names; null for an unknown keyword or a key that holds a hole.</summary>
        public NpgsqlKeyword? Keyword { get; }

        /// <summary>The unquoted value; null when the value is empty (Npgsql then removes the keyword).</summary>
        public string? Value { get; }

        /// <summary>The key as written, without surrounding whitespace.</summary>
        public TextSpan KeySpan { get; }

        /// <summary>The value as written, quotes included; empty (at the value's position) when there is no value.</summary>
        public TextSpan ValueSpan { get; }

        /// <summary>What the pair consumed: leading ';'/whitespace, key, '=', value and its trailing ';' (as Npgsql's tokenizer).</summary>
        public TextSpan SegmentSpan { get; }

        /// <summary>From the start of the key to the end of the value: what a diagnostic on the whole setting underlines.</summary>
        public TextSpan SettingSpan => TextSpan.FromBounds(KeySpan.Start, ValueSpan.End);

        public QuoteKind Quote { get; }

        /// <summary>A hole in key position may stand for any settings: later rules treat every keyword as possibly set here.</summary>
        public bool KeyHasHole { get; }

        public bool ValueHasHole { get; }

        /// <summary>Why Npgsql would reject the value for the keyword's type (bool/int/enum), or null. Never contains the value of a secret.</summary>
        public string? ConversionError { get; }

        /// <summary>For settings made from code: the syntax node the front end reports on. Null for parsed text.</summary>
        public object? Origin { get; }
    }
}
