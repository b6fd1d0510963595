using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Benchmarks;

/// <summary>
/// Times the SQL lexer (and the statement splitter on top of it) on 1, 2, 4 and 8 MB scripts: linear time means a flat
/// time per MB. Besides a realistic migration script, inputs that trip naive lexers: runs of nested-comment openers,
/// unterminated quotes and dollar quotes, and many '$' that look like the start of a dollar-quote tag.
/// </summary>
internal static class SqlLinearity
{
    private const int Megabyte = 1 << 20;
    private static readonly int[] Sizes = { 1, 2, 4, 8 };
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string Name, Func<int, string> Make)[] Inputs =
    {
        ("realistic migration script", size => Repeat(size, RealisticChunk)),
        ("nested comment openers `/*/*/*…` (unterminated)", size => Repeat(size, _ => "/*")),
        ("unterminated string `'a''b''…`", size => "'" + Repeat(size - 1, _ => "a''b")),
        ("unterminated dollar quote `$body$ …`", size => "$body$ " + Repeat(size - 7, _ => "SELECT $1; ")),
        ("`$a` repeated (tag starts that never close)", size => Repeat(size, _ => "$a")),
    };

    public static string Run(TextWriter log)
    {
        var md = new StringBuilder();
        md.AppendLine("## SQL lexer: time per MB");
        md.AppendLine();
        md.AppendLine("Fastest of 7 runs per size (the least disturbed by other processes), after 5 warm-up runs; \"tokens\" is SqlLexer alone, \"statements\" is SqlStatements.Parse (lexing, splitting, looking into bodies). Linear time shows as a flat row; the last column is 1.0 for perfectly linear work.");
        md.AppendLine();
        md.AppendLine("| Input | Step | " + string.Join(" | ", Sizes.Select(s => $"{s} MB")) + " | 8 MB / 1 MB per MB |");
        md.AppendLine("|---|---|" + string.Concat(Sizes.Select(_ => "---:|")) + "---:|");
        foreach (var (name, make) in Inputs)
        {
            var texts = Sizes.Select(s => make(s * Megabyte)).ToList();
            log.WriteLine($"sql linearity: {name}");
            Row(md, name, "tokens", texts, Lex);
            Row(md, name, "statements", texts, text => SqlStatements.Parse(text).Count());
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, string step, List<string> texts, Func<string, int> work)
    {
        for (var i = 0; i < 5; i++)
        {
            work(texts[0]); // let tiered JIT reach optimized code first
        }

        var perMb = texts.Select((text, i) => Time(() => work(text)).TotalMilliseconds / Sizes[i]).ToList();
        md.AppendLine(Invariant, $"| {name} | {step} | {string.Join(" | ", perMb.Select(ms => ms.ToString("F1", Invariant) + " ms/MB"))} | {(perMb[^1] / perMb[0]).ToString("F2", Invariant)} |");
    }

    private static int Lex(string text)
    {
        var lexer = new SqlLexer(SqlText.FromString(text));
        var count = 0;
        while (lexer.TryNext(out _))
        {
            count++;
        }

        return count;
    }

    private static TimeSpan Time(Action action)
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 7; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            fastest = stopwatch.Elapsed < fastest ? stopwatch.Elapsed : fastest;
        }

        return fastest;
    }

    private static string Repeat(int length, Func<int, string> chunk)
    {
        var builder = new StringBuilder(length + 1024);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append(chunk(i));
        }

        return builder.ToString(0, length);
    }

    private static string RealisticChunk(int i) => $$"""
        -- Migration step {{i}}: table, index, function and grants.
        CREATE TABLE IF NOT EXISTS billing."Invoice_{{i}}" (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            note text NOT NULL DEFAULT 'it''s new',
            pattern text DEFAULT E'\\d+\n', /* nested /* comment */ still a comment */
            amount numeric(18, 2) CHECK (amount >= 0)
        );
        CREATE INDEX ix_invoice_{{i}}_amount ON billing."Invoice_{{i}}" (amount) WHERE amount > 100;
        CREATE OR REPLACE FUNCTION billing.touch_{{i}}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            NEW.note := format('touched %s', $1);
            RETURN NEW;
        END;
        $fn$;
        GRANT SELECT, INSERT ON billing."Invoice_{{i}}" TO billing_app;

        """;
}
