using System.Linq;
using System.Threading.Tasks;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Sql;
using PgGuard.Analyzers.Tests.Verifiers;

namespace PgGuard.Analyzers.Tests.Sql
{
    /// <summary>The C# front end: which expressions reach a sink, and exact locations through every literal form.</summary>
    public class CSharpSqlAnalyzerTests
    {
        [Fact]
        public Task Escapes_map_to_the_exact_source_characters() => SqlVerifier.VerifyCSharpAsync(SqlCode.InMethod(@"
        new NpgsqlCommand(""ALTER ROLE \""app\""\n  WITH {|#0:\u0053UPERUSER|}"");
        new NpgsqlCommand(@""ALTER USER """"My App"""" {|#1:CREATEROLE|}"");
        new NpgsqlCommand(""""""
            CREATE ROLE raw LOGIN
              PASSWORD {|#2:'x'|}
            """""");"),
            SqlVerifier.Diagnostic(Descriptors.SuperuserAttributes).WithLocation(0).WithArguments("app", "SUPERUSER"),
            SqlVerifier.Diagnostic(Descriptors.SuperuserAttributes).WithLocation(1).WithArguments("My App", "CREATEROLE"),
            SqlVerifier.Diagnostic(Descriptors.HardcodedRolePassword).WithLocation(2).WithArguments("raw"));

        [Fact]
        public Task Concatenations_and_consts_are_followed_to_their_declaration() => SqlVerifier.VerifyCSharpAsync(SqlCode.Usings + @"
class Sql
{
    public const string Attributes = ""LOGIN {|#0:BYPASSRLS|}"";
}

class C
{
    private const string Prefix = ""ALTER ROLE app "";

    void M(NpgsqlConnection connection, NpgsqlDataSource dataSource)
    {
        new NpgsqlCommand(Prefix + Sql.Attributes, connection);
        dataSource.CreateCommand(Prefix + Sql.Attributes);
        new NpgsqlCommand(""SELECT 1; "" +
            ""{|#1:ALTER SYSTEM|} SET ssl = off"");
    }
}
",
            SqlVerifier.Diagnostic(Descriptors.SuperuserAttributes).WithLocation(0).WithArguments("app", "BYPASSRLS"),
            SqlVerifier.Diagnostic(Descriptors.ServerConfigurationChange).WithLocation(1).WithArguments("ALTER SYSTEM"));

        [Fact]
        public Task A_missing_newline_in_a_concatenation_comments_out_the_rest() => SqlVerifier.VerifyCSharpAsync(SqlCode.InMethod(@"
        new NpgsqlCommand(""SELECT 1; -- note"" + ""ALTER SYSTEM SET ssl = off"");
        new NpgsqlCommand(""SELECT 1; -- note\n"" + ""{|PG0107:ALTER SYSTEM|} SET ssl = off"");"));

        [Fact]
        public Task Interpolation_holes_are_unknown_values() => SqlVerifier.VerifyCSharpAsync(SqlCode.InMethod(@"
        db.Database.ExecuteSql($""SET ROLE {name}"");
        db.Database.ExecuteSqlRaw($""ALTER USER {name} PASSWORD '{password}'"");
        db.Database.ExecuteSqlInterpolated($""GRANT {name} TO app"");
        db.Database.ExecuteSqlRaw($""GRANT SELECT ON {name} TO {|PG0103:PUBLIC|}"");
        db.Database.ExecuteSql($""CREATE ROLE {name} {|PG0100:SUPERUSER|}"");"));

        [Fact]
        public Task Text_outside_sinks_and_unknown_text_are_not_analysed() => SqlVerifier.VerifyCSharpAsync(SqlCode.InMethod(@"
        var sql = ""ALTER SYSTEM SET ssl = off"";
        Console.WriteLine(""GRANT ALL ON t TO PUBLIC"");
        new NpgsqlCommand(sql);
        new NpgsqlCommand(name);
        new NpgsqlCommand(name + password);
        new NpgsqlCommand(""SELECT 1"", connection);
        System.Data.Common.DbCommand command = new NpgsqlCommand();
        command.CommandText = ""ALTER SYSTEM SET ssl = off"";
        using var sqlServer = new Microsoft.Data.SqlClient.SqlCommand(""ALTER SYSTEM SET ssl = off"");"));

        [Fact]
        public Task A_const_used_by_several_sinks_is_reported_once() => SqlVerifier.VerifyCSharpAsync(SqlCode.Usings + @"
class C
{
    private const string Reload = ""SELECT {|#0:pg_reload_conf()|}"";

    void M(NpgsqlConnection connection, DbContext db)
    {
        new NpgsqlCommand(Reload, connection);
        connection.Execute(Reload);
        db.Database.ExecuteSqlRaw(Reload);
    }
}
",
            SqlVerifier.Diagnostic(Descriptors.ServerConfigurationChange).WithLocation(0).WithArguments("pg_reload_conf()"));

        [Fact]
        public Task Superuser_names_option_is_read_per_file()
        {
            var test = SqlVerifier.Create<CSharpSqlAnalyzer>(string.Empty, new[]
            {
                SqlVerifier.Diagnostic(Descriptors.SessionIdentitySwitch).WithLocation(0).WithArguments("SET ROLE", "dba"),
            });
            test.TestState.Sources.Clear();
            test.TestState.Sources.Add(("/src/Admin/A.cs", SqlCode.InMethod("        new NpgsqlCommand(\"SET {|#0:ROLE dba|}\");")));
            test.TestState.Sources.Add(("/src/App/B.cs", SqlCode.InMethod("        new NpgsqlCommand(\"SET ROLE dba\");").Replace("class C", "class D").Replace("class Entity", "class Entity2")));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[/src/Admin/*.cs]\npgguard.superuser_names = dba\n"));
            return test.RunAsync();
        }

        [Fact]
        public void The_security_definer_edit_is_mapped_into_the_literal()
        {
            var code = SqlCode.InMethod("        new NpgsqlCommand(\"CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY\\tDEFINER AS 'SELECT 1'\");");
            var diagnostic = Assert.Single(AnalyzerRunner.Run(new[] { new CSharpSqlAnalyzer() }, new[] { ("C.cs", code) }));
            Assert.Equal(DiagnosticIds.SecurityDefinerSearchPath, diagnostic.Id);
            Assert.Equal("SECURITY\\tDEFINER", code.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
            var start = int.Parse(diagnostic.Properties[SqlFixProperties.EditStart]!);
            Assert.Equal(code.IndexOf("DEFINER", System.StringComparison.Ordinal) + "DEFINER".Length, start);
            Assert.Equal("0", diagnostic.Properties[SqlFixProperties.EditLength]);
            Assert.Equal(" SET search_path = pg_catalog, pg_temp", diagnostic.Properties[SqlFixProperties.NewText]);
        }

        [Fact]
        public void Nothing_is_registered_without_npgsql_dapper_or_ef_core()
        {
            var code = "class C { void M() { var c = new Npgsql.NpgsqlCommand(\"ALTER SYSTEM SET ssl = off\"); } }";
            var diagnostics = AnalyzerRunner.Run(new[] { new CSharpSqlAnalyzer() }, new[] { ("C.cs", code) }, withNpgsql: false);
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("PG", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Hostile_code_never_throws()
        {
            var code = SqlCode.InMethod(@"
        new NpgsqlCommand(""DO $$ BEGIN EXECUTE '"" + name + ""'; END"");
        new NpgsqlCommand($""{name}{password}"");
        new NpgsqlCommand(""'"" + name + ""$$"" + ""/*"");
        new NpgsqlCommand(null);
        new NpgsqlCommand(""\uFFFF"" + name + ""E'\\"");
        db.Database.ExecuteSqlRaw(string.Concat(""ALTER "", name));
        migrationBuilder.Sql($""COPY t FROM {name} "" + @""PROGRAM '"" + name);");
            var diagnostics = AnalyzerRunner.Run(new[] { new CSharpSqlAnalyzer() }, new[] { ("C.cs", code) });
            Assert.All(diagnostics.Where(d => d.Id.StartsWith("PG", System.StringComparison.Ordinal)), d => Assert.True(d.Location.IsInSource));
        }
    }
}
