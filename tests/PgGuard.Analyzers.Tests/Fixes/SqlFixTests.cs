using System.Threading.Tasks;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using PgGuard.CodeFixes;
using VerifyFix = PgGuard.Analyzers.Tests.Verifiers.CodeFixVerifier<PgGuard.Analyzers.Analyzers.CSharpSqlAnalyzer, PgGuard.CodeFixes.SqlCodeFixProvider>;

namespace PgGuard.Analyzers.Tests.Fixes
{
    /// <summary>PG0106's fix in SQL held by C# literals of every kind, with Fix All.</summary>
    public class SqlFixTests
    {
        private const string Pinned = " SET search_path = pg_catalog, pg_temp";

        private static Task Verify(string before, string after) => VerifyFix.VerifyAsync(
            Code.InMethod("        using var command = new NpgsqlCommand(" + before + ");"),
            Code.InMethod("        using var command = new NpgsqlCommand(" + after + ");"),
            new[] { DiagnosticIds.SecurityDefinerSearchPath });

        [Theory]
        [InlineData("\"CREATE FUNCTION f() RETURNS int LANGUAGE sql {|PG0106:SECURITY DEFINER|} AS 'SELECT 1'\"", "\"CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER" + Pinned + " AS 'SELECT 1'\"")]
        [InlineData("@\"CREATE FUNCTION f() RETURNS int LANGUAGE sql {|PG0106:SECURITY DEFINER|} AS 'SELECT 1'\"", "@\"CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER" + Pinned + " AS 'SELECT 1'\"")]
        [InlineData("\"\"\"\n            CREATE FUNCTION f() RETURNS int LANGUAGE sql\n            {|PG0106:SECURITY DEFINER|}\n            AS 'SELECT 1'\n            \"\"\"", "\"\"\"\n            CREATE FUNCTION f() RETURNS int LANGUAGE sql\n            SECURITY DEFINER" + Pinned + "\n            AS 'SELECT 1'\n            \"\"\"")]
        [InlineData("$\"CREATE FUNCTION {host}() RETURNS int LANGUAGE sql {|PG0106:SECURITY DEFINER|} AS 'SELECT 1'\"", "$\"CREATE FUNCTION {host}() RETURNS int LANGUAGE sql SECURITY DEFINER" + Pinned + " AS 'SELECT 1'\"")]
        public Task Pins_the_search_path(string before, string after) => Verify(before, after);

        [Fact]
        public void Equivalence_key_is_public() => Assert.Equal("PgGuard.PG0106.PinSearchPath", SqlFixKeys.PinSearchPath);
    }
}
