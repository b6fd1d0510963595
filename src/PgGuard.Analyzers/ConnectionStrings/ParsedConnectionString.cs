using System.Collections.Immutable;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>
    /// The model of one connection string: every pair in order, the syntax error if any, and the effective value of each
    /// keyword as Npgsql would compute it (last duplicate wins across aliases; an empty value removes the keyword).
    /// </summary>
    public sealed class ParsedConnectionString
    {
        public ParsedConnectionString(LocatedText? text, ImmutableArray<ConnectionStringSetting> settings, int? syntaxErrorIndex)
        {
            Text = text;
            Settings = settings;
            SyntaxErrorIndex = syntaxErrorIndex;
        }

        /// <summary>The parsed text; null for a model built from code (builder properties).</summary>
        public LocatedText? Text { get; }

        /// <summary>Every pair the tokenizer read, in order (up to a syntax error, if any).</summary>
        public ImmutableArray<ConnectionStringSetting> Settings { get; }

        /// <summary>Where Npgsql's tokenizer would fail ("does not conform to specification starting at index N"), or null.</summary>
        public int? SyntaxErrorIndex { get; }

        public bool HasSyntaxError => SyntaxErrorIndex.HasValue;

        /// <summary>
        /// The value Npgsql would use for <paramref name="keyword"/>: the last pair naming it decides; a pair with a hole in
        /// its key after that (which may set anything) makes it unknown, and so does a hole in the deciding value.
        /// </summary>
        public EffectiveValue GetEffective(NpgsqlKeyword keyword)
        {
            for (var i = Settings.Length - 1; i >= 0; i--)
            {
                var setting = Settings[i];
                if (setting.KeyHasHole)
                {
                    return EffectiveValue.Unknown(null);
                }

                if (!ReferenceEquals(setting.Keyword, keyword))
                {
                    continue;
                }

                if (setting.ValueHasHole)
                {
                    return EffectiveValue.Unknown(setting);
                }

                return setting.Value is null ? EffectiveValue.Absent(setting) : EffectiveValue.Known(setting);
            }

            return EffectiveValue.Absent(null);
        }

        /// <summary>True when a pair with a hole in its key sits anywhere (it may hold any settings).</summary>
        public bool HasOpaqueHole
        {
            get
            {
                foreach (var setting in Settings)
                {
                    if (setting.KeyHasHole)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
