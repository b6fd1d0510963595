using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PgGuard.Benchmarks;

/// <summary>
/// Parsed sources, additional files and references: everything needed to create fresh, identical compilations. Parsing
/// happens once; each measured run creates a new compilation so no bound state is shared between runs.
/// </summary>
internal sealed class Workload
{
    private static readonly string[] LibraryPrefixes =
    {
        "Npgsql", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Dapper", "Microsoft.Data.SqlClient",
    };

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true);

    private Workload(string name, ImmutableArray<SyntaxTree> trees, ImmutableArray<AdditionalText> additionalFiles, int sourceLines, int additionalLines, TimeSpan parseTime, string planted)
    {
        Name = name;
        Trees = trees;
        AdditionalFiles = additionalFiles;
        SourceLines = sourceLines;
        AdditionalLines = additionalLines;
        ParseTime = parseTime;
        Planted = planted;
    }

    public string Name { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    public int SourceLines { get; }

    public int AdditionalLines { get; }

    /// <summary>Wall time of the one (parallel) parse, reported apart: the ratio's denominator leaves it out.</summary>
    public TimeSpan ParseTime { get; }

    /// <summary>What the generator planted (empty for the sample), for the report.</summary>
    public string Planted { get; }

    /// <summary>.NET 10 reference assemblies plus the Npgsql / EF Core / Dapper / SqlClient assemblies next to the benchmark.</summary>
    public static ImmutableArray<MetadataReference> References { get; } = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => LibraryPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path)))
        .ToImmutableArray();

    /// <summary>The first <paramref name="count"/> files only (for the warm-up).</summary>
    public Workload Take(int count) => new(Name, Trees.Take(count).ToImmutableArray(), AdditionalFiles, 0, 0, TimeSpan.Zero, Planted);

    /// <summary>A fresh compilation; <paramref name="concurrent"/> as the compiler's default (parallel binding and emit).</summary>
    public CSharpCompilation CreateCompilation(bool concurrent) =>
        CSharpCompilation.Create("Benchmarked", Trees, References, CompilationOptions.WithConcurrentBuild(concurrent));

    public static Workload FromGenerated(GeneratedCodeBase code) => Create(
        "generated code base",
        code.Sources,
        code.AdditionalFiles,
        $"C# has {code.ConnectionStringLiterals:N0} connection-string literals ({code.NpgsqlConnectionStringLiterals:N0} Npgsql, " +
        $"{code.InsecureConnectionStrings:N0} of them insecure) and {code.SqlStrings:N0} SQL strings; config files have " +
        $"{code.InsecureConfigConnectionStrings:N0} insecure connection strings; {code.InsecureSql:N0} insecure SQL statements in C# and *.sql files");

    /// <summary>The sample app: its C# sources plus the files the package feeds as additional files.</summary>
    public static Workload FromDirectory(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        var sources = files.Where(path => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase));
        var additional = files.Where(IsAdditionalFile);
        return Create(
            "sample " + Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)),
            sources.Select(path => new GeneratedFile(path, File.ReadAllText(path))).ToList(),
            additional.Select(path => new GeneratedFile(path, File.ReadAllText(path))).ToList(),
            string.Empty);
    }

    // The package's targets feed appsettings*.json, web.config/app.config and *.sql (DESIGN.md).
    private static bool IsAdditionalFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            || name.Equals("web.config", StringComparison.OrdinalIgnoreCase)
            || name.Equals("app.config", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);
    }

    private static Workload Create(string name, IReadOnlyList<GeneratedFile> sources, IReadOnlyList<GeneratedFile> additional, string planted)
    {
        var stopwatch = Stopwatch.StartNew();
        var trees = new SyntaxTree[sources.Count];
        Parallel.For(0, sources.Count, i =>
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(sources[i].Text, Encoding.UTF8), ParseOptions, sources[i].Path));
        stopwatch.Stop();
        return new Workload(
            name,
            trees.ToImmutableArray(),
            additional.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray(),
            sources.Sum(f => f.Text.AsSpan().Count('\n')),
            additional.Sum(f => f.Text.AsSpan().Count('\n')),
            stopwatch.Elapsed,
            planted);
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
