using Microsoft.CodeAnalysis;

namespace PgGuard.Analyzers.Diagnostics
{
    /// <summary>
    /// The descriptor catalogue. A rule with several distinct messages has one descriptor per message, all sharing the
    /// ID, title, category and severity (a meta-test checks this). Messages name a keyword, host or user; never a secret.
    /// </summary>
    public static partial class Descriptors
    {
        private const string TlsHelp = "use SSL Mode=VerifyFull with a trusted root certificate";

        // PG0001
        public static readonly DiagnosticDescriptor Superuser = new DiagnosticDescriptor(
            DiagnosticIds.Superuser,
            "Application connects as a superuser",
            "The connection logs in as '{0}', a superuser; connect as a least-privilege application role",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A superuser bypasses every permission check and row-level security policy, can read and write server files and run programs on the database host. An application that logs in as one turns any SQL injection or leaked credential into full control of the server.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.Superuser));

        // PG0002
        public static readonly DiagnosticDescriptor SslModeInsecure = new DiagnosticDescriptor(
            DiagnosticIds.SslModeInsecure,
            "TLS disabled or downgradable",
            "'{0}' lets the connection run without TLS; " + TlsHelp,
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "SSL Mode Disable and Allow, and any undefined numeric value, connect in plaintext; Prefer silently falls back to plaintext when the server or an attacker in the path refuses TLS. Credentials and query results then cross the network readable and alterable.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.SslModeInsecure));

        public static readonly DiagnosticDescriptor SlimBuilderWithoutTls = new DiagnosticDescriptor(
            DiagnosticIds.SslModeInsecure,
            "TLS disabled or downgradable",
            "NpgsqlSlimDataSourceBuilder without EnableTransportSecurity() connects in plaintext; call EnableTransportSecurity() and " + TlsHelp,
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "The slim data source builder leaves TLS out unless EnableTransportSecurity() is called: SSL Mode=Prefer then means plaintext.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.SslModeInsecure));

        // PG0003
        public static readonly DiagnosticDescriptor TrustServerCertificate = new DiagnosticDescriptor(
            DiagnosticIds.CertificateValidationDisabled,
            "Server certificate validation disabled",
            "'{0}' disables server certificate validation (ignored since Npgsql 8, honoured before); remove it and " + TlsHelp,
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Trust Server Certificate=true disabled certificate validation up to Npgsql 7 and is obsolete and ignored from Npgsql 8; either way it signals a connection that does not verify the server. Only SSL Mode=VerifyFull with a trusted root certificate proves the server's identity.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.CertificateValidationDisabled));

        public static readonly DiagnosticDescriptor AcceptAllCertificateCallback = new DiagnosticDescriptor(
            DiagnosticIds.CertificateValidationDisabled,
            "Server certificate validation disabled",
            "This certificate validation callback accepts every server certificate; remove it and " + TlsHelp,
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A validation callback that always returns true lets anyone in the network path impersonate the database server.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.CertificateValidationDisabled));

        // PG0004
        public static readonly DiagnosticDescriptor SslModeMissing = new DiagnosticDescriptor(
            DiagnosticIds.SslModeMissing,
            "SSL Mode not set for a remote host",
            "The connection to remote host '{0}' sets no SSL Mode, so Npgsql uses Prefer (plaintext when TLS is refused, never verified); add SSL Mode=VerifyFull",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Without SSL Mode Npgsql 6+ uses Prefer: it encrypts only when the server agrees, falls back to plaintext otherwise, and never checks the server certificate.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.SslModeMissing));

        // PG0005
        public static readonly DiagnosticDescriptor HardcodedHost = new DiagnosticDescriptor(
            DiagnosticIds.HardcodedHost,
            "Database host hardcoded in source",
            "Database host '{0}' (port {1}) is hardcoded in source; read the connection string from configuration",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A production host in source code ships to every developer machine and build log, cannot be rotated without a release, and usually travels with its credentials.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.HardcodedHost));

        // PG0006
        public static readonly DiagnosticDescriptor HardcodedPassword = new DiagnosticDescriptor(
            DiagnosticIds.HardcodedPassword,
            "Hardcoded password",
            "'{0}' holds a hardcoded password; load it from configuration or a secret store",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A password written into source or a committed configuration file is readable by everyone with access to the repository, its history and its build artefacts.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.HardcodedPassword));

        // PG0007
        public static readonly DiagnosticDescriptor PoolingDisabled = new DiagnosticDescriptor(
            DiagnosticIds.PoolingDisabled,
            "Connection pooling disabled",
            "'{0}' disables connection pooling: every open starts a new server process and authentication",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Without pooling each open costs a TCP and TLS handshake, authentication and a new backend process; under load this exhausts max_connections and the server's memory.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.PoolingDisabled));

        // PG0008
        private const string PoolTitle = "Connection pool has no explicit ceiling, or too high a one";
        private const string PoolDescription = "Each application instance may open up to Maximum Pool Size connections (100 by default, the same as PostgreSQL's default max_connections), so two instances can exhaust the server. An explicit, sized ceiling keeps the database reachable.";

        public static readonly DiagnosticDescriptor MaxPoolSizeMissing = new DiagnosticDescriptor(
            DiagnosticIds.PoolCeiling, PoolTitle,
            "The connection sets no Maximum Pool Size, so each instance may open 100 connections (PostgreSQL's default max_connections); set an explicit ceiling",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: PoolDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.PoolCeiling));

        public static readonly DiagnosticDescriptor MaxPoolSizeTooHigh = new DiagnosticDescriptor(
            DiagnosticIds.PoolCeiling, PoolTitle,
            "Maximum Pool Size {0} is above the limit of {1}",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: PoolDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.PoolCeiling));

        public static readonly DiagnosticDescriptor MaxPoolSizeZero = new DiagnosticDescriptor(
            DiagnosticIds.PoolCeiling, PoolTitle,
            "Maximum Pool Size 0 makes every open time out",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: PoolDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.PoolCeiling));

        public static readonly DiagnosticDescriptor MinPoolSizeAboveMax = new DiagnosticDescriptor(
            DiagnosticIds.PoolCeiling, PoolTitle,
            "Minimum Pool Size {0} is above Maximum Pool Size {1}; Npgsql rejects the data source",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: PoolDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.PoolCeiling));

        // PG0009
        public static readonly DiagnosticDescriptor ServerIdentityNotVerified = new DiagnosticDescriptor(
            DiagnosticIds.ServerIdentityNotVerified,
            "Encrypted but the server's identity is not verified",
            "SSL Mode {0} encrypts but does not verify the server's {1}; use SSL Mode=VerifyFull",
            Categories.Security, DiagnosticSeverity.Info, isEnabledByDefault: true,
            description: "In Npgsql 8+ SSL Mode=Require validates no certificate at all, and VerifyCA accepts any certificate from the trusted CA whatever host name it was issued for. An attacker in the path can impersonate the server.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.ServerIdentityNotVerified));

        // PG0010
        public static readonly DiagnosticDescriptor SensitiveDataLeak = new DiagnosticDescriptor(
            DiagnosticIds.SensitiveDataLeak,
            "Sensitive data may leak",
            "'{0}' may leak sensitive data into {1}",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Include Error Detail puts row values into exception messages, Log Parameters and EnableParameterLogging() write parameter values to logs, Include Failed Batched Command exposes the failing command, and Persist Security Info keeps the password readable in ConnectionString.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.SensitiveDataLeak));

        // PG0011
        private const string InvalidTitle = "Invalid Npgsql connection string";
        private const string InvalidDescription = "Npgsql rejects this connection string when the connection or data source is created, so the failure appears only at run time, often only in production.";

        public static readonly DiagnosticDescriptor UnknownKeyword = new DiagnosticDescriptor(
            DiagnosticIds.InvalidConnectionString, InvalidTitle,
            "Npgsql does not know the keyword '{0}'{1}",
            Categories.Reliability, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: InvalidDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.InvalidConnectionString));

        public static readonly DiagnosticDescriptor InvalidValue = new DiagnosticDescriptor(
            DiagnosticIds.InvalidConnectionString, InvalidTitle,
            "'{0}' is not a valid value for '{1}'{2}",
            Categories.Reliability, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: InvalidDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.InvalidConnectionString));

        public static readonly DiagnosticDescriptor MalformedConnectionString = new DiagnosticDescriptor(
            DiagnosticIds.InvalidConnectionString, InvalidTitle,
            "The connection string is malformed from here on: {0}",
            Categories.Reliability, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: InvalidDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.InvalidConnectionString));

        public static readonly DiagnosticDescriptor UriConnectionString = new DiagnosticDescriptor(
            DiagnosticIds.InvalidConnectionString, InvalidTitle,
            "Npgsql does not accept '{0}' URIs; write Host=…;Port=…;Database=…;Username=… instead",
            Categories.Reliability, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: InvalidDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.InvalidConnectionString));

        public static readonly DiagnosticDescriptor LibpqConnectionString = new DiagnosticDescriptor(
            DiagnosticIds.InvalidConnectionString, InvalidTitle,
            "This libpq-style, space-separated connection string is read by Npgsql as one Host value; separate settings with ';'",
            Categories.Reliability, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: InvalidDescription, helpLinkUri: HelpLinks.For(DiagnosticIds.InvalidConnectionString));

        // PG0012
        public static readonly DiagnosticDescriptor DataSourcePerCall = new DiagnosticDescriptor(
            DiagnosticIds.DataSourcePerCall,
            "Data source or pool created per call",
            "{0} creates a new data source, and with it a new connection pool, on every call; create it once and share it",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Every NpgsqlDataSource owns its own pool: one created per request or per DbContext multiplies the pools, so Maximum Pool Size no longer bounds the connections and the server runs out of them.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.DataSourcePerCall));

        // PG0013
        public static readonly DiagnosticDescriptor PublicIpAddress = new DiagnosticDescriptor(
            DiagnosticIds.PublicIpAddress,
            "Database reached over a public IP address",
            "Host '{0}' is a public IP address: the database port is exposed to the internet",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A database reachable on a public address is scanned and brute-forced within minutes; keep PostgreSQL on a private network and reach it through a private endpoint.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.PublicIpAddress));

        // PG9001
        public static readonly DiagnosticDescriptor InvalidOption = new DiagnosticDescriptor(
            DiagnosticIds.InvalidOption,
            "Invalid PgGuard option",
            "Option '{0}' has the invalid value '{1}' ({2}); the default '{3}' is used",
            Categories.Configuration, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A pgguard.* option in .editorconfig or .globalconfig could not be read; PgGuard falls back to the option's default.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.InvalidOption),
            customTags: WellKnownDiagnosticTags.CompilationEnd);
    }
}
