using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Tests.Verifiers;

namespace PgGuard.Analyzers.Tests.Quality
{
    /// <summary>
    /// Realistic, correct code and configuration (Quality/CleanCorpus, copied next to the test assembly): every analyzer
    /// stays silent on it. Each file also has a control: one insecure edit that must be reported, which proves the file
    /// is compiled and read, and the silence is the analyzers' and not the harness's.
    /// </summary>
    public class CleanCorpusTests
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Quality", "CleanCorpus");

        /// <summary>file, text to replace, insecure replacement, the ID that must then be reported in that file.</summary>
        public static readonly TheoryData<string, string, string, string> Controls = new TheoryData<string, string, string, string>
        {
            { "appsettings.json", "SSL Mode=VerifyFull;Maximum Pool Size=20", "SSL Mode=Disable;Maximum Pool Size=20", "PG0002" },
            { "appsettings.Development.json", "Host=localhost;Port=5432", "Host=localhost;Port=5432;Pooling=maybe", "PG0011" },
            { "web.config", "SSL Mode=VerifyFull", "SSL Mode=Disable", "PG0002" },
            { "001_roles.sql", "CREATE ROLE app NOLOGIN;", "CREATE ROLE app SUPERUSER;", "PG0100" },
            { "ServiceRegistration.cs", "SslMode = SslMode.VerifyFull", "SslMode = SslMode.Disable", "PG0002" },
            { "ShopContext.cs", "CREATE ROLE app_reader NOLOGIN;", "CREATE ROLE app_reader SUPERUSER;", "PG0100" },
            { "OrderRepository.cs", "SET ROLE tenant_x", "SET ROLE postgres", "PG0104" },
            { "LocalDevelopment.cs", "Host=localhost;Port=5432", "Host=db.example.com;Port=5432", "PG0005" },
            { "SqlServerLookAlikes.cs", "optionsBuilder.UseSqlServer(Billing)", "optionsBuilder.UseNpgsql(Billing)", "PG0011" },
        };

        [Fact]
        public void Every_analyzer_is_silent_on_the_clean_corpus()
        {
            var files = Load();
            AssertCompiles(files);

            var diagnostics = Run(files);

            Assert.True(diagnostics.Count == 0, "Expected no diagnostics on the clean corpus, got:\n" + string.Join("\n", diagnostics));
        }

        [Theory]
        [MemberData(nameof(Controls))]
        public void One_insecure_edit_per_file_is_reported(string file, string find, string replace, string expectedId)
        {
            var files = Load();
            var index = files.FindIndex(f => Path.GetFileName(f.Path) == file);
            Assert.True(index >= 0, file + " is not in the corpus");
            var text = files[index].Text;
            Assert.True(text.IndexOf(find, StringComparison.Ordinal) is var at && at >= 0 && text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, "'" + find + "' must occur once in " + file);
            files[index] = (files[index].Path, text.Replace(find, replace));
            AssertCompiles(files);

            var diagnostics = Run(files);

            Assert.Contains(diagnostics, d => d.StartsWith(expectedId + " ", StringComparison.Ordinal) && d.Contains(file + "(", StringComparison.Ordinal));
        }

        [Fact]
        public void Every_corpus_file_has_a_control()
        {
            var controlled = Controls.Select(row => (string)row[0]).OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(Load().Select(f => Path.GetFileName(f.Path)).OrderBy(f => f, StringComparer.Ordinal), controlled);
        }

        private static List<(string Path, string Text)> Load() => Directory.GetFiles(Folder)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("CleanCorpus/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();

        /// <summary>"ID path(line,col): message" for every diagnostic of every analyzer.</summary>
        private static List<string> Run(List<(string Path, string Text)> files)
        {
            var sources = files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal));
            var additional = files.Where(f => !f.Path.EndsWith(".cs", StringComparison.Ordinal));
            return AnalyzerRunner.Run(HostileRunner.Analyzers, sources, additional)
                .Select(d =>
                {
                    var span = d.Location.GetLineSpan();
                    return d.Id + " " + span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): " + d.GetMessage();
                })
                .ToList();
        }

        /// <summary>The corpus is real code: a compile error would hide it from the semantic analysis it is meant to face.</summary>
        private static void AssertCompiles(List<(string Path, string Text)> files)
        {
            var trees = files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal))
                .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text), new CSharpParseOptions(LanguageVersion.Preview), f.Path));
            var compilation = CSharpCompilation.Create(
                "CleanCorpus", trees, TestReferences.Framework.AddRange(TestReferences.Libraries), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }
}
