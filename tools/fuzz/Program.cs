using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PgGuard.Analyzers.Tests.Quality;

namespace PgGuard.Fuzz
{
    /// <summary>
    /// The long fuzz run: batches of hostile input (HostileInputs) through every analyzer and code fix (HostileRunner)
    /// until the time is up, then how many inputs it tried. Each batch has its own generator seed, so a failure is
    /// replayed alone with <c>--seed S --batch B</c>.
    /// </summary>
    public static class Program
    {
        private const string Usage = "usage: dotnet run -c Release --project tools/fuzz -- [--minutes 5] [--seed 1] [--batch B] [--size 40] [--no-huge]";

        // Generous: a batch takes a few seconds; this only catches a hang.
        private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

        public static int Main(string[] args)
        {
            if (!TryParse(args, out var options))
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var references = References();
            Console.WriteLine("PgGuard fuzz: seed " + options.Seed + ", " + (options.Batch is { } only ? "batch " + only : options.Minutes + " min") +
                              ", analyzers: " + string.Join(", ", HostileRunner.Analyzers.Select(a => a.GetType().Name)) +
                              "; fixes: " + string.Join(", ", HostileRunner.CodeFixes.Select(f => f.GetType().Name)));

            long inputs = 0, diagnostics = 0, fixes = 0;
            var batches = 0;
            var failures = 0;
            var watch = Stopwatch.StartNew();
            var nextReport = TimeSpan.FromSeconds(30);

            void Record(HostileBatch batch, HostileRunResult result)
            {
                batches++;
                inputs += batch.Count;
                diagnostics += result.Diagnostics;
                fixes += result.FixesApplied;
                foreach (var failure in result.Failures)
                {
                    failures++;
                    Console.WriteLine("FAILURE " + failure);
                }
            }

            if (options.Huge && options.Batch is null)
            {
                foreach (var batch in HostileInputs.Huge())
                {
                    // A fix re-reads its file: a few per 10 MB file show they work, more would only spend the time.
                    Record(batch, HostileRunner.Run(batch, references, Bound, maxFixes: 5));
                }
            }

            var deadline = TimeSpan.FromMinutes(options.Minutes);
            for (var number = options.Batch ?? 0; options.Batch is null ? watch.Elapsed < deadline : number == options.Batch; number++)
            {
                var batch = new HostileInputs(BatchSeed(options.Seed, number))
                    .Batch("seed " + options.Seed + " batch " + number, options.Size, options.Size);
                Record(batch, HostileRunner.Run(batch, references, Bound, maxFixes: int.MaxValue));
                if (watch.Elapsed >= nextReport)
                {
                    Console.WriteLine(Summary(watch.Elapsed, batches, inputs, diagnostics, fixes, failures));
                    nextReport = watch.Elapsed + TimeSpan.FromSeconds(30);
                }
            }

            Console.WriteLine("Done. " + Summary(watch.Elapsed, batches, inputs, diagnostics, fixes, failures));
            return failures == 0 ? 0 : 1;
        }

        /// <summary>The generator seed of one batch: distinct per (seed, batch), so any batch can be replayed on its own.</summary>
        public static int BatchSeed(int seed, int batch) => unchecked((seed * 1_000_003) + batch);

        private static string Summary(TimeSpan elapsed, int batches, long inputs, long diagnostics, long fixes, int failures) =>
            string.Format(
                CultureInfo.InvariantCulture,
                "{0:mm\\:ss} elapsed: {1} inputs tried in {2} batches, {3} diagnostics, {4} fixes applied, {5} failures",
                elapsed,
                inputs,
                batches,
                diagnostics,
                fixes,
                failures);

        /// <summary>The .NET 10 reference assemblies plus Npgsql, EF Core, Dapper and SqlClient from the fuzzer's own folder.</summary>
        private static ImmutableArray<MetadataReference> References()
        {
            string[] prefixes = { "Npgsql", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Dapper", "Microsoft.Data.SqlClient" };
            var libraries = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
                .Where(path => prefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
            return Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Concat(libraries).ToImmutableArray();
        }

        private static bool TryParse(string[] args, out Options options)
        {
            options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                var hasValue = i + 1 < args.Length;
                switch (args[i])
                {
                    case "--minutes" when hasValue && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0:
                        options.Minutes = minutes;
                        i++;
                        break;
                    case "--seed" when hasValue && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                        options.Seed = seed;
                        i++;
                        break;
                    case "--batch" when hasValue && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var batch):
                        options.Batch = batch;
                        i++;
                        break;
                    case "--size" when hasValue && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0:
                        options.Size = size;
                        i++;
                        break;
                    case "--no-huge":
                        options.Huge = false;
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private sealed class Options
        {
            public double Minutes { get; set; } = 5;

            public int Seed { get; set; } = 1;

            public int? Batch { get; set; }

            /// <summary>C# files and additional files per batch (one compilation).</summary>
            public int Size { get; set; } = 40;

            public bool Huge { get; set; } = true;
        }
    }
}
