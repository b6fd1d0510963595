using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>Every rule has docs/rules/&lt;ID&gt;.md in the fixed shape, agreeing with its descriptor (STYLE.md item 5).</summary>
    public sealed class RuleDocsTests
    {
        /// <summary>The rules that have, or will have, a code fix (RULES.md "code fix" column).</summary>
        private static readonly HashSet<string> RulesWithCodeFix = new HashSet<string>(StringComparer.Ordinal)
        {
            "PG0002", "PG0003", "PG0004", "PG0007", "PG0008", "PG0009", "PG0010", "PG0011", "PG0106",
        };

        public static IEnumerable<object[]> Ids => Catalogue.DeclaredIdData;

        [Theory]
        [MemberData(nameof(Ids))]
        public void Page_title_and_metadata_match_the_descriptor(string id)
        {
            var path = RuleFacts.DocPath(id);
            Assert.True(RepositoryRoot.Exists(path), path + " is missing");
            var doc = RuleDoc.Parse(RepositoryRoot.ReadText(path));

            var title = doc.TitleFor(id);
            Assert.True(title is not null, path + ": the first line must be '# " + id + ": <title>', not '" + doc.Heading + "'");
            Assert.NotNull(doc.MetadataRows);
            Assert.Equal(RuleDoc.MetadataKeys, doc.MetadataRows!.Select(r => r[0]));
            Assert.All(doc.MetadataRows!, r => Assert.Equal(2, r.Length));
            Assert.Equal(id, doc.Metadata("ID"));
            Assert.Equal(RulesWithCodeFix.Contains(id) ? "Yes" : "No", doc.Metadata("Code fix"));

            // For a pending SQL rule the page itself is the reference; README and release tracking are checked against it.
            var facts = RuleFacts.For(id);
            Assert.NotNull(facts);
            Assert.Equal(facts!.Title, title);
            Assert.Equal(facts.Category, doc.Metadata("Category"));
            Assert.Equal(facts.Severity, doc.Metadata("Default severity"));
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Page_has_every_section_in_order_and_none_is_empty(string id)
        {
            var path = RuleFacts.DocPath(id);
            Assert.True(RepositoryRoot.Exists(path), path + " is missing");
            var doc = RuleDoc.Parse(RepositoryRoot.ReadText(path));

            Assert.Equal(RuleDoc.RequiredHeadings, doc.Headings);
            foreach (var heading in RuleDoc.RequiredHeadings.Where(h => h != "## Examples"))
            {
                Assert.True(doc.Sections[heading].Length > 0, path + ": '" + heading + "' is empty");
            }

            Assert.Contains("```", doc.Sections["### Flagged"], StringComparison.Ordinal);
            Assert.Contains("```", doc.Sections["### Not flagged"], StringComparison.Ordinal);
        }

        [Fact]
        public void Rules_folder_holds_exactly_one_page_per_declared_id()
        {
            var pages = Directory.GetFiles(RepositoryRoot.FullPath(Path.Combine("docs", "rules")))
                .Select(Path.GetFileName)
                .OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(Catalogue.DeclaredIds.Select(id => id + ".md"), pages);
        }

        [Fact]
        public void Rule_pages_link_only_to_existing_rule_pages()
        {
            var problems = new List<string>();
            foreach (var id in Catalogue.DeclaredIds.Where(i => RepositoryRoot.Exists(RuleFacts.DocPath(i))))
            {
                var text = RepositoryRoot.ReadText(RuleFacts.DocPath(id));
                for (var i = text.IndexOf("](PG", StringComparison.Ordinal); i >= 0; i = text.IndexOf("](PG", i + 1, StringComparison.Ordinal))
                {
                    var close = text.IndexOf(')', i);
                    var target = text.Substring(i + 2, close - i - 2);
                    if (!RepositoryRoot.Exists(Path.Combine("docs", "rules", target)))
                    {
                        problems.Add(id + " links to " + target);
                    }
                }
            }

            Assert.Empty(problems);
        }
    }
}
