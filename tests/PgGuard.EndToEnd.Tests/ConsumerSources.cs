using System;
using System.Collections.Generic;

namespace PgGuard.EndToEnd.Tests;

/// <summary>An expected diagnostic: rule ID and 1-based line and column, as MSBuild and SARIF report them.</summary>
internal sealed record ExpectedDiagnostic(string Id, int Line, int Column)
{
    public override string ToString() => $"{Id} at ({Line},{Column})";
}

/// <summary>
/// The consumer's files. Each line of <see cref="Program"/> that must produce diagnostics ends with
/// <c>// expect: ID @ anchor | ID @ anchor</c>: the diagnostic starts where <c>anchor</c> starts on that line, so
/// positions follow the text and no line or column number is written down. Every remote host literal is PG0005 too,
/// reported on the host itself (PG0013 too); PG0006 underlines the password value, never printing it.
/// </summary>
internal static class ConsumerSources
{
    /// <summary>A password no message, log or SARIF file may ever show.</summary>
    public const string CanaryPassword = "Canary-7f3a9d";

    private const string Marker = "// expect:";

    public const string Program = """
        using Npgsql;

        namespace Consumer;

        public static class Program
        {
            public static void Main()
            {
                using var c01 = new NpgsqlConnection("Host=db1.example.com;Username=postgres;SSL Mode=VerifyFull;Maximum Pool Size=20"); // expect: PG0001 @ Username=postgres | PG0005 @ db1.example.com
                using var c02 = new NpgsqlConnection("Host=db2.example.com;SSL Mode=Disable"); // expect: PG0002 @ SSL Mode=Disable | PG0005 @ db2.example.com
                using var c03 = new NpgsqlConnection("Host=db3.example.com;SSL Mode=VerifyFull;Trust Server Certificate=true"); // expect: PG0003 @ Trust Server Certificate=true | PG0005 @ db3.example.com
                using var c04 = new NpgsqlConnection("Host=db4.example.com;Maximum Pool Size=20"); // expect: PG0004 @ Host=db4.example.com | PG0005 @ db4.example.com
                using var c05 = new NpgsqlConnection("Host=db5.example.com;SSL Mode=VerifyFull"); // expect: PG0005 @ db5.example.com
                using var c06 = new NpgsqlConnection("Host=db6.example.com;Username=app;Password=Canary-7f3a9d;SSL Mode=VerifyFull;Maximum Pool Size=20"); // expect: PG0006 @ Canary-7f3a9d | PG0005 @ db6.example.com
                using var c07 = new NpgsqlConnection("Host=db7.example.com;SSL Mode=VerifyFull;Pooling=false"); // expect: PG0007 @ Pooling=false | PG0005 @ db7.example.com
                using var c08 = new NpgsqlConnection("Host=db8.example.com;SSL Mode=VerifyFull;Maximum Pool Size=500"); // expect: PG0008 @ Maximum Pool Size=500 | PG0005 @ db8.example.com
                using var c09 = new NpgsqlConnection("Host=db9.example.com;SSL Mode=Require"); // expect: PG0009 @ SSL Mode=Require | PG0005 @ db9.example.com
                using var c10 = new NpgsqlConnection("Host=db10.example.com;SSL Mode=VerifyFull;Include Error Detail=true"); // expect: PG0010 @ Include Error Detail=true | PG0005 @ db10.example.com
                using var c11 = new NpgsqlConnection("Host=db11.example.com;SSL Mode=VerifyFull;Max Pool Size=50"); // expect: PG0011 @ Max Pool Size=50 | PG0005 @ db11.example.com
                using var c13 = new NpgsqlConnection("Host=34.120.5.9;SSL Mode=VerifyFull"); // expect: PG0013 @ 34.120.5.9 | PG0005 @ 34.120.5.9
                using var local = new NpgsqlConnection("Host=localhost;Username=postgres;SSL Mode=Disable"); // a development connection: nothing to report
            }
        }

        """;

    /// <summary>A production config file with the canary password: the config-file rules read it (PG0006).</summary>
    public const string AppSettings = """
        {
          "ConnectionStrings": {
            "Main": "Host=config.example.com;Username=app;Password=Canary-7f3a9d;SSL Mode=VerifyFull;Maximum Pool Size=20"
          }
        }

        """;

    /// <summary>PG0009 is an Info rule, which builds do not print; raised here so the build output shows it.</summary>
    public const string EditorConfig = """
        root = true

        [*.cs]
        dotnet_diagnostic.PG0009.severity = warning

        """;

    /// <summary>The diagnostics the markers of <paramref name="source"/> call for.</summary>
    public static IReadOnlyList<ExpectedDiagnostic> Expected(string source)
    {
        var expected = new List<ExpectedDiagnostic>();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf(Marker, StringComparison.Ordinal);
            if (marker < 0)
            {
                continue;
            }
            var code = lines[i][..marker];
            foreach (var entry in lines[i][(marker + Marker.Length)..].Split('|'))
            {
                var at = entry.IndexOf('@', StringComparison.Ordinal);
                var id = entry[..at].Trim();
                var anchor = entry[(at + 1)..].Trim();
                var column = code.IndexOf(anchor, StringComparison.Ordinal);
                if (column < 0 || code.IndexOf(anchor, column + 1, StringComparison.Ordinal) >= 0)
                {
                    throw new InvalidOperationException($"Anchor '{anchor}' must occur exactly once on line {i + 1}.");
                }
                expected.Add(new ExpectedDiagnostic(id, i + 1, column + 1));
            }
        }
        return expected;
    }

    /// <summary>1-based line and column of the first <paramref name="anchor"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string anchor)
    {
        var index = text.IndexOf(anchor, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"'{anchor}' not found.");
        }
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        var line = 1;
        for (var i = 0; i < lineStart; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        return (line, index - lineStart + 1);
    }
}
