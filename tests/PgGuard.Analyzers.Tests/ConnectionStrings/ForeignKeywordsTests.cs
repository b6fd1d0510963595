using System.Linq;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    public class ForeignKeywordsTests
    {
        [Theory]
        [InlineData("Max Pool Size", "Maximum Pool Size")]
        [InlineData("max pool size", "Maximum Pool Size")]
        [InlineData("Min Pool Size", "Minimum Pool Size")]
        [InlineData("User", "Username")]
        [InlineData("Data Source", "Host")]
        [InlineData("Server Port", "Port")]
        [InlineData("Connect Timeout", "Timeout")]
        [InlineData("Connection Timeout", "Timeout")]
        [InlineData("connect_timeout", "Timeout")]
        [InlineData("Initial Catalog", "Database")]
        [InlineData("dbname", "Database")]
        [InlineData("sslrootcert", "Root Certificate")]
        [InlineData("sslcert", "SSL Certificate")]
        [InlineData("application_name", "Application Name")]
        [InlineData("target_session_attrs", "Target Session Attributes")]
        [InlineData("gssencmode", "GSS Encryption Mode")]
        [InlineData("channel_binding", "Channel Binding")]
        [InlineData("require_auth", "Require Auth")]
        [InlineData("keepalives_idle", "TCP Keepalive Time")]
        [InlineData("Include Error Details", "Include Error Detail")]
        [InlineData("Client Certificate", "SSL Certificate")]
        [InlineData("SSL_Mode", "SSL Mode")]
        [InlineData("Ssl-Mode", "SSL Mode")]
        [InlineData("SSL  Mode", "SSL Mode")]
        [InlineData("Include_Error_Detail", "Include Error Detail")]
        [InlineData("SslCa", "Root Certificate")]
        [InlineData("Default Command Timeout", "Command Timeout")]
        public void SuggestsTheNpgsqlKeyword(string key, string expected)
        {
            Assert.True(ForeignKeywords.TrySuggest(key, out var suggestion, out var note));
            Assert.Equal(expected, suggestion);
            Assert.False(string.IsNullOrEmpty(note));
            Assert.False(NpgsqlOracle.Parse(key + "=1").Accepted);
        }

        [Theory]
        [InlineData("Integrated Security", "a SqlClient (SQL Server) keyword; removed in Npgsql 8.0: Kerberos/GSS/SSPI authentication is automatic, remove it")]
        [InlineData("Trusted_Connection", "a SqlClient (SQL Server) keyword; Kerberos/GSS/SSPI authentication is automatic in Npgsql, remove it")]
        [InlineData("Encrypt", "a SqlClient (SQL Server) keyword; Npgsql uses SSL Mode (VerifyFull encrypts and verifies the server)")]
        [InlineData("keepalives", "a libpq keyword; Npgsql uses TCP Keepalive=true")]
        [InlineData("Use Ssl Stream", "removed in Npgsql 8.0")]
        [InlineData("Driver", "an ODBC/OLE DB keyword")]
        [InlineData("Name", "EF Core resolves Name=<key> from configuration before Npgsql sees the string")]
        public void KnownKeysWithoutAnEquivalentHaveANote(string key, string expectedNote)
        {
            Assert.True(ForeignKeywords.TrySuggest(key, out var suggestion, out var note));
            Assert.Null(suggestion);
            Assert.Equal(expectedNote, note);
        }

        [Theory]
        [InlineData("Host")]
        [InlineData("sslkey")]
        [InlineData("sslpassword")]
        [InlineData("TrustServerCertificate")]
        [InlineData("Load Balance Timeout")]
        [InlineData("MaxPoolSize")]
        [InlineData("Foo")]
        [InlineData("")]
        [InlineData("_-_")]
        public void NoSuggestionForAcceptedOrUnknownKeys(string key)
        {
            Assert.False(ForeignKeywords.TrySuggest(key, out var suggestion, out var note));
            Assert.Null(suggestion);
            Assert.Null(note);
        }

        [Theory]
        [InlineData("Data Source", true)]
        [InlineData("Initial Catalog", true)]
        [InlineData("Integrated Security", true)]
        [InlineData("Encrypt", true)]
        [InlineData("MultipleActiveResultSets", true)]
        [InlineData("Multiple Active Result Sets", true)]
        [InlineData("Trusted_Connection", true)]
        [InlineData("Max Pool Size", true)]
        [InlineData("Min Pool Size", true)]
        [InlineData("Connect Timeout", true)]
        [InlineData("Connection Timeout", true)]
        [InlineData("AttachDbFilename", true)]
        [InlineData("Packet Size", true)]
        [InlineData("Network Library", true)]
        [InlineData("AllowUserVariables", true)]
        [InlineData("SslCa", true)]
        [InlineData("Allow Public Key Retrieval", true)]
        [InlineData("Mode", true)]
        [InlineData("Cache", true)]
        [InlineData("Foreign Keys", true)]
        [InlineData("Version", true)]
        [InlineData("Driver", true)]
        [InlineData("Provider", true)]
        [InlineData("Dsn", true)]
        [InlineData("TrustServerCertificate", false)]
        [InlineData("Server", false)]
        [InlineData("User Id", false)]
        [InlineData("Password", false)]
        [InlineData("User", false)]
        [InlineData("dbname", false)]
        [InlineData("sslrootcert", false)]
        [InlineData("SSL_Mode", false)]
        [InlineData("Foo", false)]
        public void OtherProviderKeywords(string key, bool expected) => Assert.Equal(expected, ForeignKeywords.IsOtherProviderKeyword(key));

        /// <summary>The table never lists a key Npgsql accepts, and every suggestion is a canonical Npgsql keyword.</summary>
        [Fact]
        public void TableIsConsistentWithNpgsql()
        {
            var keys = ForeignKeywords.TableKeys.ToList();
            Assert.True(keys.Count > 100);
            foreach (var key in keys)
            {
                Assert.Null(NpgsqlKeywords.Find(key));
                Assert.False(NpgsqlOracle.Parse(key + "=1").Accepted, key);
                Assert.True(ForeignKeywords.TrySuggest(key, out var suggestion, out _), key);
                Assert.True(suggestion is null || NpgsqlKeywords.All.Any(k => k.CanonicalName == suggestion), key);
            }

            foreach (var keyword in NpgsqlKeywords.All)
            {
                foreach (var key in keyword.AcceptedKeys)
                {
                    Assert.False(ForeignKeywords.TrySuggest(key, out _, out _));
                    Assert.False(ForeignKeywords.IsOtherProviderKeyword(key));
                }
            }
        }

        [Theory]
        [InlineData("SslMode", "verify-full", "VerifyFull")]
        [InlineData("SslMode", "verify-ca", "VerifyCA")]
        [InlineData("SslMode", "Verify CA", "VerifyCA")]
        [InlineData("SslMode", "verify_full", "VerifyFull")]
        [InlineData("SslMode", "required", "Require")]
        [InlineData("SslMode", "Preferred", "Prefer")]
        [InlineData("SslMode", "disabled", "Disable")]
        [InlineData("SslMode", "None", "Disable")]
        [InlineData("ChannelBinding", "required", "Require")]
        [InlineData("GssEncryptionMode", "disable", null)]
        [InlineData("ChannelBinding", "None", null)]
        [InlineData("SslMode", "Require", null)]
        [InlineData("SslMode", "true", null)]
        [InlineData("SslMode", "Prefer|Require", null)]
        [InlineData("Pooling", "yes", "true")]
        [InlineData("Pooling", "Off", "false")]
        [InlineData("Pooling", "maybe", null)]
        [InlineData("TargetSessionAttributes", "read_write", "read-write")]
        [InlineData("TargetSessionAttributes", "master", "primary")]
        [InlineData("TargetSessionAttributes", "Primary", null)]
        [InlineData("RequireAuth", "scram-sha-256", "ScramSHA256")]
        [InlineData("RequireAuth", "!password, !md5", "!Password,!MD5")]
        [InlineData("RequireAuth", "password,!md5", null)]
        [InlineData("RequireAuth", "Password", null)]
        [InlineData("Port", "five", null)]
        public void SuggestsValues(string property, string value, string? expected)
        {
            var keyword = NpgsqlKeywords.FindByProperty(property)!;
            Assert.Equal(expected, ForeignKeywords.SuggestEnumValue(keyword, value));
            if (expected is not null)
            {
                Assert.Null(NpgsqlOracle.Set(keyword, value));
                Assert.NotNull(NpgsqlOracle.Set(keyword, expected));
            }
        }
    }
}
