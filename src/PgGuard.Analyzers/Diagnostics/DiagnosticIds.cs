namespace PgGuard.Analyzers.Diagnostics
{
    /// <summary>Every rule ID in one place. IDs never change meaning once shipped (see docs/rules).</summary>
    public static class DiagnosticIds
    {
        // Connection strings and driver settings
        public const string Superuser = "PG0001";
        public const string SslModeInsecure = "PG0002";
        public const string CertificateValidationDisabled = "PG0003";
        public const string SslModeMissing = "PG0004";
        public const string HardcodedHost = "PG0005";
        public const string HardcodedPassword = "PG0006";
        public const string PoolingDisabled = "PG0007";
        public const string PoolCeiling = "PG0008";
        public const string ServerIdentityNotVerified = "PG0009";
        public const string SensitiveDataLeak = "PG0010";
        public const string InvalidConnectionString = "PG0011";
        public const string DataSourcePerCall = "PG0012";
        public const string PublicIpAddress = "PG0013";
        public const string NamedConnectionStringNotFound = "PG0014";

        // Role usage in SQL
        public const string SuperuserAttributes = "PG0100";
        public const string PrivilegedRoleMembership = "PG0101";
        public const string ServerProgramsOrFiles = "PG0102";
        public const string GrantToPublic = "PG0103";
        public const string SessionIdentitySwitch = "PG0104";
        public const string HardcodedRolePassword = "PG0105";
        public const string SecurityDefinerSearchPath = "PG0106";
        public const string ServerConfigurationChange = "PG0107";
        public const string UntrustedExtension = "PG0108";

        // PgGuard itself
        public const string InvalidOption = "PG9001";
    }
}
