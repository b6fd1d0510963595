using System.IO;

namespace PgGuard.Benchmarks;

/// <summary>Times the SQL lexer on growing scripts: time per MB must stay flat (linear time).</summary>
internal static class SqlLinearity
{
    public static string Run(TextWriter log)
    {
        log.WriteLine("The SQL lexer is not in this branch yet.");
        return "SQL lexer not available in this build.\n";
    }
}
