using Microsoft.CodeAnalysis;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>Where a setting made in C# (a builder property or indexer) sits: the locations findings point at.</summary>
    internal sealed class CodeOrigin
    {
        public CodeOrigin(Location key, Location value, Location setting)
        {
            Key = key;
            Value = value;
            Setting = setting;
        }

        /// <summary>The property name, or the indexer's key argument.</summary>
        public Location Key { get; }

        /// <summary>The assigned expression.</summary>
        public Location Value { get; }

        /// <summary>The whole assignment.</summary>
        public Location Setting { get; }
    }
}
