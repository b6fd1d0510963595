using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;

namespace PgGuard.EndToEnd.Tests;

/// <summary>The package as users get it: its layout, and what `dotnet build` of projects that reference it prints.</summary>
public sealed class PackageTests : IClassFixture<PackageFixture>
{
    private static readonly string[] AnalyzerAssemblies = { "PgGuard.Analyzers.dll", "PgGuard.CodeFixes.dll" };
    private static readonly string[] MsBuildFiles = { "PgGuard.Analyzers.props", "PgGuard.Analyzers.targets" };

    /// <summary>The compiler could not load or run an analyzer: such a build stays green and reports nothing.</summary>
    private static readonly string[] AnalyzerLoadFailures = { "CS8032", "CS8034", "CS9057", "AD0001" };

    private readonly PackageFixture package;

    public PackageTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Package_holds_the_analyzers_and_msbuild_files_and_no_dependencies()
    {
        using var nupkg = ZipFile.OpenRead(package.NupkgPath);
        var files = nupkg.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal)
                        && n != "[Content_Types].xml" && !n.EndsWith(".nuspec", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var hasReadme = File.Exists(Path.Combine(package.RepositoryRoot, "README.md"));
        var expected = AnalyzerAssemblies.Select(a => "analyzers/dotnet/cs/" + a)
            .Concat(MsBuildFiles.SelectMany(f => new[] { "build/" + f, "buildTransitive/" + f }))
            .Append("LICENSE")
            .Concat(hasReadme ? new[] { "README.md" } : Array.Empty<string>())
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected, files);

        foreach (var file in MsBuildFiles)
        {
            var source = File.ReadAllBytes(Path.Combine(package.RepositoryRoot, "src", "PgGuard.Package", "build", file));
            Assert.Equal(source, ReadEntry(nupkg, "build/" + file));
            Assert.Equal(source, ReadEntry(nupkg, "buildTransitive/" + file));
        }

        var nuspec = XDocument.Load(nupkg.Entries.Single(e => e.FullName == PackageFixture.PackageId + ".nuspec").Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal(PackageFixture.PackageId, Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        Assert.Equal(hasReadme ? "README.md" : null, Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("tags")));
    }

    [Fact]
    public void Packaged_analyzers_reference_no_roslyn_newer_than_4_8()
    {
        // Built against a newer Roslyn than the compiler that loads it, an analyzer is skipped with only CS9057.
        using var nupkg = ZipFile.OpenRead(package.NupkgPath);
        foreach (var assembly in AnalyzerAssemblies)
        {
            using var pe = new PEReader(new MemoryStream(ReadEntry(nupkg, "analyzers/dotnet/cs/" + assembly)));
            var reader = pe.GetMetadataReader();
            var roslyn = reader.AssemblyReferences.Select(reader.GetAssemblyReference)
                .Where(r => reader.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .ToList();
            if (assembly == "PgGuard.Analyzers.dll")
            {
                Assert.NotEmpty(roslyn); // proves the check reads references at all
            }
            Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{assembly} references {reader.GetString(r.Name)} {r.Version}"));
        }
    }

    [Fact]
    public void Compiler_of_a_consumer_gets_the_packaged_analyzers_and_its_config_file()
    {
        var build = package.Main;
        Assert.True(build.Result.ExitCode == 0, build.Result.Describe());
        // Normal verbosity prints the compiler's command line.
        foreach (var assembly in AnalyzerAssemblies)
        {
            var path = Path.Combine(package.ExtractedPackageFolder, "analyzers", "dotnet", "cs", assembly);
            Assert.Contains("/analyzer:" + path, build.Result.Output, StringComparison.Ordinal);
        }
        Assert.Contains("/additionalfile:" + build.Consumer.PathOf("appsettings.json"), build.Result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Consumer.Diagnostics(build.Result), d => AnalyzerLoadFailures.Contains(d.Id));
    }

    [Fact]
    public void Consumer_build_reports_each_rule_at_its_marked_position()
    {
        var build = package.Main;
        Assert.True(build.Result.ExitCode == 0, build.Result.Describe());
        var diagnostics = Consumer.Diagnostics(build.Result);
        var program = build.Consumer.PathOf("Program.cs");

        var reported = diagnostics.Where(d => d.Path == program && d.Id.StartsWith("PG", StringComparison.Ordinal)).ToList();
        Assert.All(reported, d => Assert.Equal("warning", d.Severity));
        AssertSame(ConsumerSources.Expected(ConsumerSources.Program), reported.Select(d => new ExpectedDiagnostic(d.Id, d.Line, d.Column)));
    }

    [Fact]
    public void Consumer_build_reports_the_password_in_its_production_config_file()
    {
        var build = package.Main;
        Assert.True(build.Result.ExitCode == 0, build.Result.Describe());
        var appSettings = build.Consumer.PathOf("appsettings.json");
        var (line, column) = ConsumerSources.PositionOf(ConsumerSources.AppSettings, ConsumerSources.CanaryPassword);

        var reported = Consumer.Diagnostics(build.Result).Where(d => d.Path == appSettings && d.Id.StartsWith("PG", StringComparison.Ordinal));
        AssertSame(new[] { new ExpectedDiagnostic("PG0006", line, column) }, reported.Select(d => new ExpectedDiagnostic(d.Id, d.Line, d.Column)));
    }

    [Fact]
    public void Editorconfig_severity_error_fails_the_build()
    {
        var consumer = package.NewConsumer("severity")
            .WriteProject(referenceNpgsql: true)
            .WriteFile("Program.cs", ConsumerSources.Program)
            .WriteFile(".editorconfig", ConsumerSources.EditorConfig + "dotnet_diagnostic.PG0002.severity = error\n");

        var result = consumer.Build();

        Assert.True(result.ExitCode != 0, result.Describe());
        var pg0002 = ConsumerSources.Expected(ConsumerSources.Program).Single(e => e.Id == "PG0002");
        var errors = Consumer.Diagnostics(result).Where(d => d.Severity == "error")
            .Select(d => $"{Path.GetFileName(d.Path)}({d.Line},{d.Column}): error {d.Id}");
        Assert.Equal(new[] { $"Program.cs({pg0002.Line},{pg0002.Column}): error PG0002" }, errors);
    }

    [Fact]
    public void Build_writes_a_sarif_2_1_0_log()
    {
        var build = package.Main;
        Assert.True(File.Exists(build.SarifPath), build.Result.Describe());
        using var sarif = JsonDocument.Parse(File.ReadAllText(build.SarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", sarif.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, sarif.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void Sarif_log_holds_each_rule_result_at_its_marked_position()
    {
        var build = package.Main;
        Assert.True(File.Exists(build.SarifPath), build.Result.Describe());
        using var sarif = JsonDocument.Parse(File.ReadAllText(build.SarifPath));

        var programUri = new Uri(build.Consumer.PathOf("Program.cs")).AbsoluteUri;
        var results = new List<ExpectedDiagnostic>();
        foreach (var result in sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
        {
            var id = result.GetProperty("ruleId").GetString()!;
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            if (id.StartsWith("PG", StringComparison.Ordinal)
                && location.GetProperty("artifactLocation").GetProperty("uri").GetString() == programUri)
            {
                var region = location.GetProperty("region");
                results.Add(new ExpectedDiagnostic(id, region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
            }
        }
        AssertSame(ConsumerSources.Expected(ConsumerSources.Program), results);
    }

    [Fact]
    public void Canary_password_appears_in_no_sarif_text_and_no_build_output_line()
    {
        Assert.Contains(ConsumerSources.CanaryPassword, ConsumerSources.Program);
        Assert.Contains(ConsumerSources.CanaryPassword, ConsumerSources.AppSettings);
        var build = package.Main;
        Assert.True(File.Exists(build.SarifPath), build.Result.Describe());

        Assert.DoesNotContain(ConsumerSources.CanaryPassword, File.ReadAllText(build.SarifPath), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(build.Result.Lines, l => l.Contains(ConsumerSources.CanaryPassword, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void IsTestProject_reaches_the_analyzers()
    {
        var consumer = package.NewConsumer("testproject")
            .WriteProject(referenceNpgsql: false, extraProperties: "<IsTestProject>true</IsTestProject>")
            .WriteFile("Program.cs", "namespace Consumer;\n\npublic static class Program\n{\n    public static void Main() { }\n}\n");

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, result.Describe());
        var generated = Directory.GetFiles(consumer.PathOf("obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories);
        Assert.Single(generated);
        Assert.Contains("build_property.IsTestProject = true", File.ReadAllLines(generated[0]));
    }

    [Fact]
    public void Config_and_sql_files_become_additional_files_once_and_each_group_can_be_turned_off()
    {
        var consumer = package.NewConsumer("files")
            .WriteProject(referenceNpgsql: false, extraItems: """
                <AdditionalFiles Include="appsettings.json" />
                <AdditionalFiles Include="db/schema.sql" />
                """)
            .WriteFile("Program.cs", "namespace Consumer;\n\npublic static class Program\n{\n    public static void Main() { }\n}\n");
        const string Xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration />\n";
        string[] config = { "appsettings.json", "AppSettings.Production.json", "App.config", "web.config", "Web.Release.config", "app.Debug.config" };
        string[] sql = { "db/schema.sql", "db/migrations/001_init.SQL", "setup.sql" };
        string[] ignored =
        {
            "nuget.config", "packages.config", "other.config", "settings.json", "sub/appsettings.json", "sub/web.config",
            "bin/Debug/copy.sql", "obj/copy.sql", "node_modules/pkg/seed.sql", "web/node_modules/seed.sql", ".vs/cache.sql",
        };
        foreach (var file in config.Concat(sql).Concat(ignored))
        {
            consumer.WriteFile(file, file.EndsWith(".config", StringComparison.Ordinal) ? Xml : file.EndsWith(".json", StringComparison.Ordinal) ? "{}\n" : "SELECT 1;\n");
        }
        var restore = DotNetCli.Run(consumer.Directory, PackageFixture.BuildTimeout, "restore", consumer.ProjectPath, "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.Describe());

        // The project's own items stay first and are not added a second time.
        Assert.Equal(Paths(consumer, "appsettings.json", "db/schema.sql"), consumer.GetItems("AdditionalFiles").Take(2));
        Assert.Equal(Sorted(Paths(consumer, config.Concat(sql))), Sorted(consumer.GetItems("AdditionalFiles")));
        Assert.Equal(
            Sorted(Paths(consumer, sql.Append("appsettings.json"))),
            Sorted(consumer.GetItems("AdditionalFiles", null, "PgGuardIncludeConfigFiles=false")));
        Assert.Equal(
            Sorted(Paths(consumer, config.Append("db/schema.sql"))),
            Sorted(consumer.GetItems("AdditionalFiles", null, "PgGuardIncludeSqlFiles=false")));
    }

    /// <summary>Fails with every missing and every unexpected diagnostic listed, not just the first difference.</summary>
    private static void AssertSame(IEnumerable<ExpectedDiagnostic> expected, IEnumerable<ExpectedDiagnostic> actual)
    {
        var want = expected.ToList();
        var got = actual.ToList();
        var missing = want.Except(got).Select(d => d.ToString()).ToList();
        var unexpected = got.Except(want).Select(d => d.ToString()).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0 && want.Count == got.Count,
            $"Missing: [{string.Join(", ", missing)}]\nUnexpected: [{string.Join(", ", unexpected)}]\nReported: [{string.Join(", ", Sorted(got))}]");
    }

    private static IEnumerable<string> Paths(Consumer consumer, params string[] files) => Paths(consumer, files.AsEnumerable());

    private static IEnumerable<string> Paths(Consumer consumer, IEnumerable<string> files) => files.Select(consumer.PathOf);

    private static string[] Sorted<T>(IEnumerable<T> items) =>
        items.Select(i => i!.ToString()!).OrderBy(s => s, StringComparer.Ordinal).ToArray();

    private static byte[] ReadEntry(ZipArchive archive, string name)
    {
        using var stream = archive.Entries.Single(e => e.FullName == name).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
