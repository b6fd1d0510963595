using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>
    /// Keys Npgsql rejects but other drivers use (libpq, SqlClient, MySQL, SQLite, ODBC/OLE DB) or older Npgsql versions
    /// accepted, with the Npgsql keyword to use where the intent is unambiguous (NPGSQL.md §0.2, §2).
    /// A suggestion always takes the same value as the foreign key, so a fix may rename the key and keep the value
    /// (<c>Encrypt=true</c> has no suggestion: SSL Mode takes other values).
    /// </summary>
    /// <remarks>
    /// Keys are compared ignoring ASCII case, spaces, '_' and '-' (<c>connect_timeout</c> = <c>Connect Timeout</c>). A key
    /// that differs from an Npgsql spelling only in those (<c>SSL_Mode</c>, <c>ssl-mode</c>, <c>SSL  Mode</c>,
    /// <c>application_name</c>) gets that keyword suggested. Keys Npgsql accepts are never foreign (<c>sslkey</c>,
    /// <c>sslpassword</c>, <c>TrustServerCertificate</c>, <c>Load Balance Timeout</c>, <c>UID</c> are all Npgsql's).
    /// </remarks>
    public static class ForeignKeywords
    {
        private const string SqlClient = "a SqlClient (SQL Server) keyword";
        private const string MySql = "a MySQL keyword";
        private const string Sqlite = "a SQLite keyword";
        private const string Odbc = "an ODBC/OLE DB keyword";
        private const string Libpq = "a libpq keyword";
        private const string RemovedIn8 = "removed in Npgsql 8.0";

        private static readonly Dictionary<string, Entry> Table = CreateTable();

        private static readonly Dictionary<string, NpgsqlKeyword> SquashedNpgsqlKeys = CreateSquashedNpgsqlKeys();

        /// <summary>The foreign keys as the table spells them (for tests).</summary>
        internal static IEnumerable<string> TableKeys => Table.Values.Select(e => e.Key);

        /// <summary>
        /// For a key Npgsql rejects: the canonical Npgsql keyword to write instead (<paramref name="suggestion"/>, null when
        /// there is no equivalent) and a short note on where the key comes from or why it is gone. False for keys Npgsql
        /// accepts and keys nobody is known to use.
        /// </summary>
        public static bool TrySuggest(string key, out string? suggestion, out string? note)
        {
            suggestion = null;
            note = null;
            if (NpgsqlKeywords.Find(key) is not null)
            {
                return false;
            }

            var squashed = Squash(key);
            if (squashed.Length == 0)
            {
                return false;
            }

            if (Table.TryGetValue(squashed, out var entry))
            {
                suggestion = entry.Suggestion;
                note = entry.Note;
                return true;
            }

            if (SquashedNpgsqlKeys.TryGetValue(squashed, out var keyword))
            {
                suggestion = keyword.CanonicalName;
                note = "Npgsql matches keys exactly apart from case: spaces, '_' and '-' count";
                return true;
            }

            return false;
        }

        /// <summary>
        /// True for keys only other ADO.NET providers use (SqlClient, MySQL, SQLite, ODBC/OLE DB): a string holding one was
        /// probably written for another database. Keys Npgsql also accepts (<c>Server</c>, <c>User Id</c>,
        /// <c>TrustServerCertificate</c>) and libpq keys are not.
        /// </summary>
        public static bool IsOtherProviderKeyword(string key) =>
            NpgsqlKeywords.Find(key) is null && Table.TryGetValue(Squash(key), out var entry) && entry.IsOtherProvider;

        /// <summary>
        /// For a value Npgsql rejects: the value to write instead when the intent is clear (libpq's <c>verify-full</c> is
        /// VerifyFull, <c>require</c> with a 'd' is Require, <c>yes</c> is true, libpq Require Auth names), else null.
        /// Null too when Npgsql already accepts the value.
        /// </summary>
        public static string? SuggestEnumValue(NpgsqlKeyword keyword, string value)
        {
            if (NpgsqlValues.GetConversionError(keyword, value) is null)
            {
                return null;
            }

            if (keyword.Type == KeywordType.Enum)
            {
                return SuggestMember(keyword, value);
            }

            if (keyword.Type == KeywordType.Bool)
            {
                switch (Squash(value))
                {
                    case "yes": case "on": case "1": case "t": case "y":
                        return "true";
                    case "no": case "off": case "0": case "f": case "n":
                        return "false";
                    default:
                        return null;
                }
            }

            if (ReferenceEquals(keyword, NpgsqlKeywords.TargetSessionAttributes))
            {
                var squashed = Squash(value);
                switch (squashed)
                {
                    case "master":
                        return "primary";
                    case "slave":
                        return "standby";
                }

                foreach (var candidate in NpgsqlValues.TargetSessionAttributesValues)
                {
                    if (Squash(candidate) == squashed)
                    {
                        return candidate;
                    }
                }

                return null;
            }

            return ReferenceEquals(keyword, NpgsqlKeywords.RequireAuth) ? SuggestRequireAuth(value) : null;
        }

        private static string? SuggestMember(NpgsqlKeyword keyword, string value)
        {
            var squashed = Squash(value);
            foreach (var member in keyword.EnumMembers)
            {
                if (Squash(member.Name) == squashed)
                {
                    return member.Name;
                }
            }

            // Past participles (MySQL's Required/Preferred, "disabled") and MySQL's None.
            string? word;
            switch (squashed)
            {
                case "disabled": case "none": word = "disable"; break;
                case "allowed": word = "allow"; break;
                case "preferred": word = "prefer"; break;
                case "required": word = "require"; break;
                default: word = null; break;
            }

            if (word is null || (squashed == "none" && !ReferenceEquals(keyword, NpgsqlKeywords.SslMode)))
            {
                return null;
            }

            foreach (var member in keyword.EnumMembers)
            {
                if (Squash(member.Name) == word)
                {
                    return member.Name;
                }
            }

            return null;
        }

        private static string? SuggestRequireAuth(string value)
        {
            var result = new StringBuilder();
            foreach (var part in value.Split(','))
            {
                var entry = part.Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                var negated = entry[0] == '!';
                string? method;
                switch (Squash(negated ? entry.Substring(1) : entry))
                {
                    case "password": method = "Password"; break;
                    case "md5": method = "MD5"; break;
                    case "gss": method = "GSS"; break;
                    case "sspi": method = "SSPI"; break;
                    case "scramsha256": method = "ScramSHA256"; break;
                    case "none": method = "None"; break;
                    default: return null;
                }

                result.Append(result.Length == 0 ? string.Empty : ",").Append(negated ? "!" : string.Empty).Append(method);
            }

            var suggestion = result.ToString();
            return NpgsqlValues.GetConversionError(NpgsqlKeywords.RequireAuth, suggestion) is null ? suggestion : null;
        }

        /// <summary>Lower-case ASCII without spaces, '_' and '-': the form foreign keys are compared in.</summary>
        private static string Squash(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c == '_' || c == '-' || char.IsWhiteSpace(c))
                {
                    continue;
                }

                builder.Append(c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
            }

            return builder.ToString();
        }

        private static Dictionary<string, NpgsqlKeyword> CreateSquashedNpgsqlKeys()
        {
            var map = new Dictionary<string, NpgsqlKeyword>(StringComparer.Ordinal);
            foreach (var keyword in NpgsqlKeywords.All)
            {
                foreach (var key in keyword.AcceptedKeys)
                {
                    map[Squash(key)] = keyword;
                }
            }

            return map;
        }

        private static Dictionary<string, Entry> CreateTable()
        {
            var table = new Dictionary<string, Entry>(StringComparer.Ordinal);

            void Add(string key, string? suggestion, string note, bool otherProvider) =>
                table[Squash(key)] = new Entry(key, suggestion, note, otherProvider);

            // SqlClient (System.Data.SqlClient / Microsoft.Data.SqlClient).
            Add("Data Source", "Host", SqlClient, true);
            Add("Addr", "Host", SqlClient, true);
            Add("Address", "Host", SqlClient, true);
            Add("Network Address", "Host", SqlClient, true);
            Add("Initial Catalog", "Database", SqlClient, true);
            Add("Max Pool Size", "Maximum Pool Size", SqlClient, true);
            Add("Min Pool Size", "Minimum Pool Size", SqlClient, true);
            Add("Connect Timeout", "Timeout", SqlClient + " (libpq: connect_timeout)", true);
            Add("Connection Timeout", "Timeout", SqlClient, true);
            Add("Integrated Security", null, SqlClient + "; " + RemovedIn8 + ": Kerberos/GSS/SSPI authentication is automatic, remove it", true);
            Add("Trusted_Connection", null, SqlClient + "; Kerberos/GSS/SSPI authentication is automatic in Npgsql, remove it", true);
            Add("Encrypt", null, SqlClient + "; Npgsql uses SSL Mode (VerifyFull encrypts and verifies the server)", true);
            Add("MultipleActiveResultSets", null, SqlClient, true);
            Add("MARS Connection", null, SqlClient, true);
            Add("AttachDbFilename", null, SqlClient, true);
            Add("Extended Properties", null, SqlClient, true);
            Add("Initial File Name", null, SqlClient, true);
            Add("Packet Size", null, SqlClient, true);
            Add("Network Library", null, SqlClient, true);
            Add("Net", null, SqlClient, true);
            Add("Asynchronous Processing", null, SqlClient, true);
            Add("Async", null, SqlClient, true);
            Add("Application Intent", null, SqlClient, true);
            Add("ApplicationIntent", null, SqlClient, true);
            Add("MultiSubnetFailover", null, SqlClient, true);
            Add("Failover Partner", null, SqlClient, true);
            Add("Workstation ID", null, SqlClient, true);
            Add("WSID", null, SqlClient, true);
            Add("Column Encryption Setting", null, SqlClient, true);
            Add("Authentication", null, SqlClient, true);
            Add("Current Language", null, SqlClient, true);
            Add("Language", null, SqlClient, true);
            Add("Transaction Binding", null, SqlClient, true);
            Add("Type System Version", null, SqlClient, true);
            Add("User Instance", null, SqlClient, true);
            Add("Context Connection", null, SqlClient, true);
            Add("Pool Blocking Period", null, SqlClient, true);
            Add("Connect Retry Count", null, SqlClient, true);
            Add("Connect Retry Interval", null, SqlClient, true);
            Add("Host Name In Certificate", null, SqlClient, true);
            Add("Server Certificate", null, SqlClient, true);
            Add("Server SPN", null, SqlClient, true);
            Add("Failover Partner SPN", null, SqlClient, true);
            Add("Enclave Attestation Url", null, SqlClient, true);
            Add("Attestation Protocol", null, SqlClient, true);
            Add("IP Address Preference", null, SqlClient, true);
            Add("Replication", null, SqlClient, true);

            // MySQL (MySqlConnector, MySql.Data).
            Add("AllowUserVariables", null, MySql, true);
            Add("Allow Public Key Retrieval", null, MySql, true);
            Add("AllowLoadLocalInfile", null, MySql, true);
            Add("Allow Zero DateTime", null, MySql, true);
            Add("Convert Zero DateTime", null, MySql, true);
            Add("AllowBatch", null, MySql, true);
            Add("SslCa", "Root Certificate", MySql, true);
            Add("Ssl-Ca", "Root Certificate", MySql, true);
            Add("SslCert", "SSL Certificate", MySql + " (libpq: sslcert)", true);
            Add("CharSet", null, MySql + "; Npgsql uses Client Encoding", true);
            Add("Character Set", null, MySql + "; Npgsql uses Client Encoding", true);
            Add("Default Command Timeout", "Command Timeout", MySql, true);
            Add("Connection Reset", null, MySql, true);
            Add("ConnectionIdleTimeout", null, MySql, true);
            Add("Treat Tiny As Boolean", null, MySql, true);
            Add("Use Affected Rows", null, MySql, true);
            Add("GuidFormat", null, MySql, true);
            Add("Old Guids", null, MySql, true);
            Add("Ignore Prepare", null, MySql, true);
            Add("Interactive Session", null, MySql, true);
            Add("Load Balance", null, MySql, true);
            Add("Server Redirection Mode", null, MySql, true);
            Add("TlsVersion", null, MySql, true);
            Add("Tls Cipher Suites", null, MySql, true);
            Add("Pipe", null, MySql, true);
            Add("Pipe Name", null, MySql, true);
            Add("Shared Memory Name", null, MySql, true);
            Add("Protocol", null, MySql, true);
            Add("Connection Protocol", null, MySql, true);
            Add("Auto Enlist", null, MySql, true);
            Add("Use Compression", null, MySql, true);
            Add("Compress", null, MySql, true);
            Add("Sql Server Mode", null, MySql, true);
            Add("Ssl Key File", "SSL Key", MySql, true);
            Add("Certificate File", null, MySql, true);
            Add("Certificate Password", null, MySql, true);

            // SQLite (Microsoft.Data.Sqlite, System.Data.SQLite).
            Add("Mode", null, Sqlite, true);
            Add("Cache", null, Sqlite, true);
            Add("Foreign Keys", null, Sqlite, true);
            Add("Recursive Triggers", null, Sqlite, true);
            Add("Default Timeout", null, Sqlite, true);
            Add("Version", null, Sqlite, true);
            Add("New", null, Sqlite, true);
            Add("Journal Mode", null, Sqlite, true);
            Add("Synchronous", null, Sqlite, true);
            Add("Page Size", null, Sqlite, true);
            Add("Cache Size", null, Sqlite, true);
            Add("FailIfMissing", null, Sqlite, true);
            Add("Read Only", null, Sqlite, true);
            Add("DateTimeFormat", null, Sqlite, true);
            Add("BinaryGUID", null, Sqlite, true);
            Add("Legacy Format", null, Sqlite, true);
            Add("FullUri", null, Sqlite, true);
            Add("Uri", null, Sqlite, true);

            // ODBC / OLE DB.
            Add("Driver", null, Odbc, true);
            Add("Provider", null, Odbc, true);
            Add("Dsn", null, Odbc, true);
            Add("FileDsn", null, Odbc, true);
            Add("SaveFile", null, Odbc, true);
            Add("File Name", null, Odbc, true);
            Add("OLE DB Services", null, Odbc, true);

            // libpq (and spellings shared with several drivers): not another ADO.NET provider's, so not decisive.
            Add("User", "Username", Libpq + " (also MySQL)", false);
            Add("dbname", "Database", Libpq, false);
            Add("Server Port", "Port", "not a keyword of any driver; Npgsql uses Port", false);
            Add("hostaddr", "Host", Libpq, false);
            Add("sslrootcert", "Root Certificate", Libpq, false);
            Add("sslcrl", null, Libpq + "; Npgsql has Check Certificate Revocation", false);
            Add("sslcompression", null, Libpq, false);
            Add("sslsni", null, Libpq, false);
            Add("ssl_min_protocol_version", null, Libpq, false);
            Add("gssencmode", "GSS Encryption Mode", Libpq, false);
            Add("target_session_attrs", "Target Session Attributes", Libpq, false);
            Add("keepalives", null, Libpq + "; Npgsql uses TCP Keepalive=true", false);
            Add("keepalives_idle", "TCP Keepalive Time", Libpq, false);
            Add("keepalives_interval", "TCP Keepalive Interval", Libpq, false);
            Add("service", null, Libpq, false);
            Add("requirepeer", null, Libpq, false);
            Add("Name", null, "EF Core resolves Name=<key> from configuration before Npgsql sees the string", false);

            // Keywords of older Npgsql versions.
            Add("Include Error Details", "Include Error Detail", "the plural spelling of Npgsql 6/7, " + RemovedIn8, false);
            Add("Client Certificate", "SSL Certificate", "Npgsql 4–7, " + RemovedIn8, false);
            Add("Client Certificate Key", "SSL Key", "Npgsql 5–7, " + RemovedIn8, false);
            Add("EF Template Database", null, RemovedIn8, false);
            Add("EF Admin Database", null, RemovedIn8, false);
            Add("Use Perf Counters", null, RemovedIn8, false);
            Add("Convert Infinity DateTime", null, RemovedIn8, false);
            Add("Continuous Processing", null, RemovedIn8, false);
            Add("Backend Timeouts", null, RemovedIn8, false);
            Add("Preload Reader", null, RemovedIn8, false);
            Add("Use Extended Types", null, RemovedIn8, false);
            Add("Use Ssl Stream", null, RemovedIn8, false);
            Add("Write Coalescing Delay Us", null, "removed in Npgsql 6.0", false);
            return table;
        }

        private readonly struct Entry
        {
            public Entry(string key, string? suggestion, string note, bool isOtherProvider)
            {
                Key = key;
                Suggestion = suggestion;
                Note = note;
                IsOtherProvider = isOtherProvider;
            }

            public string Key { get; }

            public string? Suggestion { get; }

            public string Note { get; }

            public bool IsOtherProvider { get; }
        }
    }
}
