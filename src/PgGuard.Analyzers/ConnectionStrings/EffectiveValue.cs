namespace PgGuard.Analyzers.ConnectionStrings
{
    public enum ValueState
    {
        /// <summary>Not set (or removed by an empty value): the driver default applies.</summary>
        Absent,

        /// <summary>Set to a value known at compile time.</summary>
        Known,

        /// <summary>Set, or possibly set, from a value unknown at compile time. Rules never fire on it.</summary>
        Unknown,
    }

    /// <summary>The value Npgsql would use for one keyword, and the pair that decided it.</summary>
    public readonly struct EffectiveValue
    {
        private EffectiveValue(ValueState state, ConnectionStringSetting? setting)
        {
            State = state;
            Setting = setting;
        }

        public ValueState State { get; }

        /// <summary>The deciding pair: for Known its value; for Absent an emptying pair such as <c>Password=</c>, or null.</summary>
        public ConnectionStringSetting? Setting { get; }

        public bool IsKnown => State == ValueState.Known;

        public bool IsAbsent => State == ValueState.Absent;

        /// <summary>The value text when known, else null.</summary>
        public string? Text => State == ValueState.Known ? Setting!.Value : null;

        public static EffectiveValue Known(ConnectionStringSetting setting) => new EffectiveValue(ValueState.Known, setting);

        public static EffectiveValue Absent(ConnectionStringSetting? setting) => new EffectiveValue(ValueState.Absent, setting);

        public static EffectiveValue Unknown(ConnectionStringSetting? setting) => new EffectiveValue(ValueState.Unknown, setting);

        public bool TryGetBool(out bool value)
        {
            value = false;
            return IsKnown && NpgsqlValues.TryParseBool(Text!, out value);
        }

        public bool TryGetInt(out int value)
        {
            value = 0;
            return IsKnown && NpgsqlValues.TryParseInt(Text!, out value);
        }

        public bool TryGetEnum(out int value)
        {
            value = 0;
            return IsKnown && Setting!.Keyword is { } keyword && NpgsqlValues.TryParseEnum(keyword, Text!, out value);
        }
    }
}
