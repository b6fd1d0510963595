using System.Collections.Immutable;

namespace PgGuard.Analyzers.ConnectionStrings
{
    public enum KeywordType
    {
        String,
        Int,
        Bool,
        Enum,
    }

    /// <summary>One Npgsql connection-string keyword (a row of ../shared/npgsql/keywords.json, Npgsql 10.0.3).</summary>
    public sealed class NpgsqlKeyword
    {
        public NpgsqlKeyword(
            string canonicalName,
            string propertyName,
            KeywordType type,
            ImmutableArray<string> acceptedKeys,
            ImmutableArray<EnumMember> enumMembers = default,
            bool isSecret = false,
            bool isObsolete = false,
            string? defaultValue = null)
        {
            CanonicalName = canonicalName;
            PropertyName = propertyName;
            Type = type;
            AcceptedKeys = acceptedKeys;
            EnumMembers = enumMembers.IsDefault ? ImmutableArray<EnumMember>.Empty : enumMembers;
            IsSecret = isSecret;
            IsObsolete = isObsolete;
            DefaultValue = defaultValue;
        }

        /// <summary>The DisplayName Npgsql writes back, e.g. <c>SSL Mode</c>.</summary>
        public string CanonicalName { get; }

        /// <summary>The NpgsqlConnectionStringBuilder property, e.g. <c>SslMode</c>.</summary>
        public string PropertyName { get; }

        public KeywordType Type { get; }

        /// <summary>Every accepted spelling, upper-cased (ToUpperInvariant), as Npgsql's lookup switch holds them.</summary>
        public ImmutableArray<string> AcceptedKeys { get; }

        /// <summary>For <see cref="KeywordType.Enum"/>: the defined members and their values.</summary>
        public ImmutableArray<EnumMember> EnumMembers { get; }

        /// <summary>Password and SSL Password: never printed, never echoed.</summary>
        public bool IsSecret { get; }

        /// <summary>Obsolete in Npgsql 10: still parsed and type-checked, but ignored (or about to be).</summary>
        public bool IsObsolete { get; }

        /// <summary>
        /// The value a fresh builder holds, as text (<c>5432</c>, <c>true</c>, <c>Prefer</c>, <c>postgres</c>); null when
        /// the keyword has none (Host, Username, Password, …).
        /// </summary>
        public string? DefaultValue { get; }

        public override string ToString() => CanonicalName;
    }

    public readonly struct EnumMember
    {
        public EnumMember(string name, int value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public int Value { get; }
    }
}
