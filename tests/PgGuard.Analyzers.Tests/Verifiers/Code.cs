namespace PgGuard.Analyzers.Tests.Verifiers
{
    /// <summary>Wraps statements in a compilable class with the usings analyzer tests need.</summary>
    public static class Code
    {
        public const string Usings = @"using System;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
";

        public static string InMethod(string statements, string members = "") => Usings + @"
class C
{
" + members + @"
    void M(string host, string mode, int size, DbContextOptionsBuilder optionsBuilder)
    {
" + statements + @"
    }
}
";

        /// <summary>A connection created from <paramref name="literal"/>, C# source text of a string expression.</summary>
        public static string Connection(string literal, string members = "") =>
            InMethod("        using var connection = new NpgsqlConnection(" + literal + ");", members);
    }
}
