using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace PgGuard.Benchmarks;

/// <summary>
/// PgGuard's analyzer time against the compiler's own time (docs/performance.md). Markdown goes to stdout (and
/// --out), progress to stderr.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project bench/PgGuard.Benchmarks -- [options]
          --lines N           size of the generated code base in lines of C# (default 1000000)
          --seed N            generator seed (default 20261201; the same seed gives the same code base)
          --iterations N      measured iterations after one warm-up (default 3)
          --sample [DIR]      measure the sample app instead (default samples/InsecureApp)
          --self-test         measure trivial stand-in analyzers instead of PgGuard's (tests the harness)
          --callback-floor    measure empty callbacks of the operation kinds PgGuard registers (the driver's cost per callback)
          --sequential        compile and analyze on one thread (comparable times on a machine other work keeps busy)
          --no-alone          skip the extra analysis pass per analyzer that measures its allocations alone
          --sql-linearity     time the SQL lexer on 1, 2, 4 and 8 MB scripts
          --write DIR         also write the generated code base to DIR (to look at it or build it)
          --out FILE          also write the Markdown report to FILE
        """;

    public static async Task<int> Main(string[] args)
    {
        var lines = 1_000_000;
        var seed = 20261201;
        var iterations = 3;
        string? sample = null, writeTo = null, outFile = null;
        bool selfTest = false, callbackFloor = false, alone = true, sqlLinearity = false, sequential = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--iterations": iterations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--sample": sample = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : FindSample(); break;
                case "--self-test": selfTest = true; break;
                case "--callback-floor": callbackFloor = true; break;
                case "--no-alone": alone = false; break;
                case "--sequential": sequential = true; break;
                case "--sql-linearity": sqlLinearity = true; break;
                case "--write": writeTo = args[++i]; break;
                case "--out": outFile = args[++i]; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }

        string report;
        if (sqlLinearity)
        {
            report = SqlLinearity.Run(Console.Error);
        }
        else
        {
            Workload workload;
            if (sample is not null)
            {
                workload = Workload.FromDirectory(sample);
            }
            else
            {
                Console.Error.WriteLine($"generating {lines:N0} lines (seed {seed})");
                var code = CodeBaseGenerator.Generate(lines, seed);
                if (writeTo is not null)
                {
                    Write(code, writeTo);
                }

                workload = Workload.FromGenerated(code);
            }

            var set = selfTest ? AnalyzerSet.SelfTest() : callbackFloor ? AnalyzerSet.CallbackFloor() : AnalyzerSet.PgGuard();
            if (set.Analyzers.IsEmpty)
            {
                Console.Error.WriteLine("PgGuard.Analyzers contains no analyzer yet; use --self-test to test the harness.");
                return 1;
            }

            var result = await Measurement.RunAsync(workload, set, iterations, alone, !sequential, Console.Error).ConfigureAwait(false);
            report = Report.Format(workload, set, result);
        }

        Console.Out.Write(report);
        if (outFile is not null)
        {
            File.WriteAllText(outFile, report);
        }

        return 0;
    }

    /// <summary>samples/InsecureApp of the repository that holds the current directory.</summary>
    private static string FindSample()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PgGuard.Analyzers.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "InsecureApp");
            }
        }

        throw new DirectoryNotFoundException("Run from inside the repository, or pass --sample DIR.");
    }

    private static void Write(GeneratedCodeBase code, string directory)
    {
        foreach (var file in code.Sources.Concat(code.AdditionalFiles))
        {
            var path = Path.Combine(directory, file.Path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }
}
