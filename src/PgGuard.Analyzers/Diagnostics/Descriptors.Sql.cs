using Microsoft.CodeAnalysis;

namespace PgGuard.Analyzers.Diagnostics
{
    /// <summary>Role usage in SQL (PG0100–PG0108): SQL sent from C# and kept in <c>*.sql</c> files.</summary>
    public static partial class Descriptors
    {
        // PG0100
        public static readonly DiagnosticDescriptor SuperuserAttributes = new DiagnosticDescriptor(
            DiagnosticIds.SuperuserAttributes,
            "Role granted superuser-level attributes",
            "Role '{0}' is given the {1} attribute; application roles must not hold superuser-level attributes",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "SUPERUSER bypasses every permission check; CREATEROLE can hand out almost any privilege (up to PostgreSQL 15 it can grant membership in the server-file roles); BYPASSRLS ignores row-level security; REPLICATION streams every database in the cluster. CREATEUSER is the pre-9.6 spelling of SUPERUSER. A role that holds one turns any SQL injection or leaked credential into control of the whole server.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.SuperuserAttributes));

        // PG0101
        public static readonly DiagnosticDescriptor PrivilegedRoleMembership = new DiagnosticDescriptor(
            DiagnosticIds.PrivilegedRoleMembership,
            "Membership in a server-level or admin role",
            "Role '{0}' is made a member of '{1}', a role with server-level or administrative power",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A member of pg_execute_server_program runs shell commands as the database's OS user; members of pg_read_server_files and pg_write_server_files reach any file the server can; pg_read_all_data and pg_write_all_data skip every table grant; and the cloud providers' admin groups (rds_superuser, azure_pg_admin, cloudsqlsuperuser, alloydbsuperuser, neon_superuser) are the closest thing to a superuser a managed service offers.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.PrivilegedRoleMembership));

        // PG0102
        public static readonly DiagnosticDescriptor ServerProgramsOrFiles = new DiagnosticDescriptor(
            DiagnosticIds.ServerProgramsOrFiles,
            "Server programs or files reached from SQL",
            "'{0}' {1} on the database server; keep file and program access out of application SQL",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "COPY … PROGRAM runs a shell command as the database's OS user; COPY with a file name, pg_read_file, pg_read_binary_file, pg_ls_dir, pg_stat_file and server-side lo_import/lo_export read and write the server's files, bypassing every in-database permission check. Use COPY … FROM STDIN / TO STDOUT (Npgsql's BeginBinaryImport and friends) and do file work in the application.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.ServerProgramsOrFiles));

        // PG0103
        public static readonly DiagnosticDescriptor GrantToPublic = new DiagnosticDescriptor(
            DiagnosticIds.GrantToPublic,
            "Privileges granted to PUBLIC",
            "'{0}' is granted to PUBLIC, so every role holds it, including roles created later; grant it to a named role instead",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "PUBLIC stands for every role, present and future. CREATE on the public schema for PUBLIC reopens the trojan-function hole that PostgreSQL 15 closed (CVE-2018-1058); table privileges for PUBLIC reach every login. Grant to a NOLOGIN group role and make the application roles members of it.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.GrantToPublic));

        // PG0104
        public static readonly DiagnosticDescriptor SessionIdentitySwitch = new DiagnosticDescriptor(
            DiagnosticIds.SessionIdentitySwitch,
            "Session switched to another identity",
            "'{0}' switches the session to '{1}'; connect as the role the work needs instead",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "SET SESSION AUTHORIZATION works only when the login is a superuser, and SET ROLE to an administrative role shows that the login can escalate at will; either way the application holds far more power than it needs. With pooled connections (and No Reset On Close) the switched identity can also leak to the next borrower.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.SessionIdentitySwitch));

        // PG0105
        private const string HardcodedRolePasswordDescription = "A role password written into SQL lives in the repository and its history, travels in cleartext to the server and may be written to the server log (log_statement) and shown in pg_stat_activity. A pre-hashed md5 or SCRAM verifier is still a credential. Provision roles outside the application (infrastructure as code, the provider's API, psql \\password) and read secrets from a secret store.";

        public static readonly DiagnosticDescriptor HardcodedRolePassword = new DiagnosticDescriptor(
            DiagnosticIds.HardcodedRolePassword,
            "Hardcoded role password",
            "Role '{0}' is given a hardcoded password; provision role passwords outside the application",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: HardcodedRolePasswordDescription,
            helpLinkUri: HelpLinks.For(DiagnosticIds.HardcodedRolePassword));

        public static readonly DiagnosticDescriptor HardcodedUserMappingPassword = new DiagnosticDescriptor(
            DiagnosticIds.HardcodedRolePassword,
            "Hardcoded role password",
            "The user mapping for '{0}' holds a hardcoded password; provision it outside the application",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: HardcodedRolePasswordDescription,
            helpLinkUri: HelpLinks.For(DiagnosticIds.HardcodedRolePassword));

        // PG0106
        public static readonly DiagnosticDescriptor SecurityDefinerSearchPath = new DiagnosticDescriptor(
            DiagnosticIds.SecurityDefinerSearchPath,
            "SECURITY DEFINER without a pinned search_path",
            "'{0}' runs with its owner's rights (SECURITY DEFINER) but does not set search_path; add SET search_path = pg_catalog, pg_temp",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A SECURITY DEFINER routine resolves unqualified names through the caller's search_path, which the caller controls: a table, function or operator planted in a writable schema, or in pg_temp (searched first by default), runs with the owner's rights. Pin search_path in the routine's definition, with pg_temp last.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.SecurityDefinerSearchPath));

        // PG0107
        public static readonly DiagnosticDescriptor ServerConfigurationChange = new DiagnosticDescriptor(
            DiagnosticIds.ServerConfigurationChange,
            "Server configuration changed from the application",
            "'{0}' changes the server configuration from the application; manage it as code outside the application",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "ALTER SYSTEM writes postgresql.auto.conf, which overrides postgresql.conf, and pg_reload_conf() applies it: an application that can do this can turn off TLS, open listen_addresses or silence logging. Keep server settings in postgresql.conf under configuration management or in the provider's parameter groups.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.ServerConfigurationChange));

        // PG0108
        public static readonly DiagnosticDescriptor UntrustedExtension = new DiagnosticDescriptor(
            DiagnosticIds.UntrustedExtension,
            "Untrusted extension or language",
            "'{0}' needs superuser rights and lets code reach beyond the database; install it in a migration run by an administrator",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Untrusted extensions (dblink, file_fdw, adminpack, postgres_fdw, pageinspect, pg_buffercache) and untrusted languages (plpython3u, plperlu, pltclu) reach the network, the file system or the server's memory, and C or internal functions run native code; all need a superuser, so an application that creates them logs in as one. Trusted extensions such as pg_trgm or pgcrypto are fine.",
            helpLinkUri: HelpLinks.For(DiagnosticIds.UntrustedExtension));
    }
}
