namespace PgGuard.Analyzers.Diagnostics
{
    public static class Categories
    {
        /// <summary>Rules whose finding is an exploitable weakness or a leak (PG0001–PG0010, PG0012, PG0013, PG01xx): including pool exhaustion, an availability risk.</summary>
        public const string Security = "Security";

        /// <summary>Rules whose finding breaks or degrades the application at run time (PG0011).</summary>
        public const string Reliability = "Reliability";

        /// <summary>PgGuard's own configuration (PG9001).</summary>
        public const string Configuration = "Configuration";
    }
}
