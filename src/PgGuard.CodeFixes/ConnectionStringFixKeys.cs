namespace PgGuard.CodeFixes
{
    /// <summary>Public equivalence keys: one per fix, so Fix All groups exactly the same kind of edit.</summary>
    public static class ConnectionStringFixKeys
    {
        public const string SetSslMode = "PgGuard.PG0002.SetSslMode";
        public const string RemoveTrustServerCertificate = "PgGuard.PG0003.RemoveTrustServerCertificate";
        public const string AppendSslMode = "PgGuard.PG0004.AppendSslMode";
        public const string RemovePoolingFalse = "PgGuard.PG0007.RemovePoolingFalse";
        public const string SetMaxPoolSize = "PgGuard.PG0008.SetMaxPoolSize";
        public const string VerifyFull = "PgGuard.PG0009.VerifyFull";
        public const string RemoveSensitiveSetting = "PgGuard.PG0010.RemoveSetting";
        public const string RenameKeyword = "PgGuard.PG0011.RenameKeyword";
    }
}
