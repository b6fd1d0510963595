using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PgGuard.EndToEnd.Tests;

/// <summary>
/// Packs src/PgGuard.Package once per test run under a version no consumer has cached (a NuGet cache keeps the first
/// copy of a version forever), into a folder feed inside a temporary root where the consumer projects live too.
/// Dispose removes the root and that version's folder in the NuGet global packages folder.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "PgGuard.Analyzers";
    internal static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    private readonly string globalPackagesFolder = "";
    private readonly Lazy<ConsumerBuild> main;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Root = Directory.CreateTempSubdirectory("pgguard-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        NupkgPath = Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");
        try
        {
            WriteIsolationFiles();
            var locals = DotNetCli.Run(Root, BuildTimeout, "nuget", "locals", "global-packages", "--list");
            globalPackagesFolder = ParseGlobalPackagesFolder(locals);
            Pack = DotNetCli.Run(RepositoryRoot, PackTimeout,
                "pack", Path.Combine(RepositoryRoot, "src", "PgGuard.Package", "PgGuard.Package.csproj"),
                "-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}", "-nodeReuse:false", "-tl:off");
            if (Pack.ExitCode != 0 || !File.Exists(NupkgPath))
            {
                throw new InvalidOperationException("Packing failed. " + Pack.Describe());
            }
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor threw.
            Dispose();
            throw;
        }
        main = new Lazy<ConsumerBuild>(BuildMainConsumer);
    }

    public string RepositoryRoot { get; }

    /// <summary>The unique package version of this run, e.g. 0.1.0-e2e.20260101120000123.</summary>
    public string Version { get; }

    /// <summary>The temporary folder holding the feed and every consumer project.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string NupkgPath { get; }

    internal CliResult Pack { get; } = null!;

    /// <summary>Where restore extracted this version: the folder whose analyzers the consumers' compilers load.</summary>
    public string ExtractedPackageFolder =>
        Path.Combine(globalPackagesFolder, PackageId.ToLowerInvariant(), Version.ToLowerInvariant());

    /// <summary>
    /// The consumer most tests read, built once (normal verbosity, so the compiler's command line is in the output)
    /// with a SARIF 2.1 log: <see cref="ConsumerSources.Program"/>, a production appsettings.json and an .editorconfig.
    /// </summary>
    internal ConsumerBuild Main => main.Value;

    private ConsumerBuild BuildMainConsumer()
    {
        var consumer = NewConsumer("main")
            .WriteProject(referenceNpgsql: true)
            .WriteFile("Program.cs", ConsumerSources.Program)
            .WriteFile("appsettings.json", ConsumerSources.AppSettings)
            .WriteFile(".editorconfig", ConsumerSources.EditorConfig);
        var sarif = consumer.PathOf("build.sarif");
        // The comma is escaped: unescaped, MSBuild reads "version=2.1" as a second property and writes SARIF 1.0.
        var result = consumer.Build("-v:n", $"-p:ErrorLog={sarif}%2Cversion=2.1");
        return new ConsumerBuild(consumer, result, sarif);
    }

    /// <summary>An empty consumer project folder under <see cref="Root"/>.</summary>
    internal Consumer NewConsumer(string name) => new(Directory.CreateDirectory(Path.Combine(Root, name)).FullName, Version);

    public void Dispose()
    {
        TryDelete(Root);
        if (globalPackagesFolder.Length > 0)
        {
            var packageFolder = Path.Combine(globalPackagesFolder, PackageId.ToLowerInvariant());
            TryDelete(Path.Combine(packageFolder, Version.ToLowerInvariant()));
            if (Directory.Exists(packageFolder) && !Directory.EnumerateFileSystemEntries(packageFolder).Any())
            {
                TryDelete(packageFolder);
            }
        }
    }

    /// <summary>
    /// Consumers live in folders of Root: these files stop MSBuild and NuGet from reading anything above it, and the
    /// nuget.config adds the feed to the machine's package sources (no clear: Npgsql comes from those).
    /// </summary>
    private void WriteIsolationFiles()
    {
        Directory.CreateDirectory(Feed);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="pgguard-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run; the unique version keeps the next run unaffected.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>"global-packages: /root/.nuget/packages/" → the path; empty when the CLI printed something else.</summary>
    private static string ParseGlobalPackagesFolder(CliResult result)
    {
        const string prefix = "global-packages:";
        var line = result.Lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? "" : line[prefix.Length..].Trim();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PgGuard.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("PgGuard.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A consumer after <c>dotnet build</c>, with the SARIF log it was asked to write.</summary>
internal sealed record ConsumerBuild(Consumer Consumer, CliResult Result, string SarifPath);
