using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PgGuard.EndToEnd.Tests;

/// <summary>One diagnostic as MSBuild prints it: <c>path(line,col): warning PG0002: message [project]</c>.</summary>
internal sealed record BuildDiagnostic(string Path, int Line, int Column, string Severity, string Id, string Message);

/// <summary>A throwaway project that references the package under test the way the README tells users to.</summary>
internal sealed class Consumer
{
    private static readonly Regex DiagnosticLine = new(
        @"^\s*(?<path>.+?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]*\])?$",
        RegexOptions.CultureInvariant);

    private readonly string version;

    public Consumer(string directory, string version)
    {
        Directory = directory;
        this.version = version;
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, "Consumer.csproj");

    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Directory, relativePath));

    /// <summary>Writes Consumer.csproj; <paramref name="extraItems"/> and <paramref name="extraProperties"/> are raw XML.</summary>
    public Consumer WriteProject(bool referenceNpgsql, string extraProperties = "", string extraItems = "")
    {
        var npgsql = referenceNpgsql ? """<PackageReference Include="Npgsql" Version="10.0.3" />""" : "";
        File.WriteAllText(ProjectPath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {npgsql}
                <PackageReference Include="PgGuard.Analyzers" Version="[{version}]" PrivateAssets="all" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        return this;
    }

    public Consumer WriteFile(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>
    /// <c>dotnet build</c> with the classic console logger (the terminal logger rewrites lines) and no compiler server,
    /// so nothing outlives the build and every run loads the analyzers afresh.
    /// </summary>
    public CliResult Build(params string[] extraArguments) =>
        DotNetCli.Run(Directory, PackageFixture.BuildTimeout,
            new[] { "build", ProjectPath, "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false" }.Concat(extraArguments).ToArray());

    /// <summary>The items of <paramref name="itemType"/> after evaluation (or after <paramref name="target"/>), as full paths.</summary>
    public IReadOnlyList<string> GetItems(string itemType, string? target = null, params string[] properties)
    {
        var arguments = new List<string> { "msbuild", ProjectPath, "-nodeReuse:false", $"-getItem:{itemType}" };
        if (target is not null)
        {
            arguments.Add($"-t:{target}");
        }
        arguments.AddRange(properties.Select(p => "-p:" + p));
        var result = DotNetCli.Run(Directory, PackageFixture.BuildTimeout, arguments.ToArray());
        var json = result.Output.IndexOf('{', StringComparison.Ordinal);
        if (result.ExitCode != 0 || json < 0)
        {
            throw new InvalidOperationException(result.Describe());
        }
        using var document = JsonDocument.Parse(result.Output[json..]);
        if (!document.RootElement.GetProperty("Items").TryGetProperty(itemType, out var items))
        {
            return Array.Empty<string>();
        }
        return items.EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!).ToList();
    }

    /// <summary>Every distinct diagnostic in a build's output (the classic logger repeats them in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Diagnostics(CliResult build) =>
        build.Lines
            .Select(l => DiagnosticLine.Match(l))
            .Where(m => m.Success)
            .Select(m => new BuildDiagnostic(
                m.Groups["path"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value),
                m.Groups["severity"].Value, m.Groups["id"].Value, m.Groups["message"].Value))
            .Distinct()
            .ToList();
}
