using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>AnalyzerReleases.Shipped.md / Unshipped.md list exactly the declared rules, as the descriptors describe them.</summary>
    public sealed class ReleaseTrackingTests
    {
        private static readonly string ReleasesFolder = Path.Combine("src", "PgGuard.Analyzers");

        [Fact]
        public void Release_files_list_every_id_with_its_category_and_severity()
        {
            var problems = new List<string>();
            var released = ReleaseTracking.Current(
                problems,
                RepositoryRoot.ReadText(Path.Combine(ReleasesFolder, "AnalyzerReleases.Shipped.md")),
                RepositoryRoot.ReadText(Path.Combine(ReleasesFolder, "AnalyzerReleases.Unshipped.md")));

            foreach (var pair in RuleFacts.ForAll())
            {
                if (!released.TryGetValue(pair.Key, out var entry))
                {
                    // RS2002 rejects a release entry whose ID has no descriptor yet, so a pending SQL rule may not be listed
                    // (RS2000 then demands the entry as soon as its descriptor exists, and this test checks it).
                    if (!Catalogue.AllowedPendingIds.Contains(pair.Key))
                    {
                        problems.Add(pair.Key + " is in no release file");
                    }
                }
                else if (pair.Value is null)
                {
                    problems.Add(pair.Key + " has neither a descriptor nor a doc page to compare with");
                }
                else if (entry.Category != pair.Value.Category || entry.Severity != pair.Value.Severity)
                {
                    problems.Add(pair.Key + ": released as " + entry.Category + "/" + entry.Severity + ", declared " + pair.Value.Category + "/" + pair.Value.Severity);
                }
            }

            problems.AddRange(released.Keys.Except(Catalogue.DeclaredIds).Select(id => id + " is released but not declared in DiagnosticIds"));
            Assert.Empty(problems);
        }

        [Fact]
        public void Reader_applies_new_changed_and_removed_rules_in_release_order()
        {
            const string Shipped = "; Shipped\n\n## Release 1.0\n\n### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\nPG0001 | Security | Warning | A\nPG0002 | Security | Warning | A\n";
            const string Unshipped = "### Removed Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\nPG0001 | Security | Warning | A\n\n" +
                "### Changed Rules\n\nRule ID | New Category | New Severity | Old Category | Old Severity | Notes\n--------|--------------|--------------|--------------|--------------|-------\nPG0002 | Security | Info | Security | Warning | A\n\n" +
                "### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\nPG0003 | Reliability | Warning | B\n";
            var problems = new List<string>();

            var released = ReleaseTracking.Current(problems, Shipped, Unshipped);

            Assert.Empty(problems);
            Assert.Equal(new[] { "PG0002", "PG0003" }, released.Keys.OrderBy(k => k));
            Assert.Equal(("Security", "Info"), released["PG0002"]);
            Assert.Equal(("Reliability", "Warning"), released["PG0003"]);
        }

        [Fact]
        public void Reader_reports_duplicates_and_stray_lines()
        {
            const string Unshipped = "### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\nPG0001 | Security | Warning | A\nPG0001 | Security | Warning | A\nPG0002\n";
            var problems = new List<string>();

            ReleaseTracking.Current(problems, "", Unshipped);

            Assert.Equal(new[] { "PG0001 is added twice", "Unexpected line under '### New Rules': PG0002" }, problems);
        }
    }
}
