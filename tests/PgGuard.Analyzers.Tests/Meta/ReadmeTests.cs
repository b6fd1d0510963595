using System.Collections.Generic;
using System.Linq;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>The README's rule table lists every rule once, as its descriptor and doc page describe it.</summary>
    public sealed class ReadmeTests
    {
        [Fact]
        public void Rule_table_lists_every_id_with_its_title_severity_and_fix()
        {
            var rows = Markdown.Table(RepositoryRoot.ReadText("README.md"), "ID", "Title", "Default severity", "Fix");
            Assert.True(rows is not null, "README.md has no '| ID | Title | Default severity | Fix |' table");

            var problems = new List<string>();
            var listed = new List<string>();
            foreach (var row in rows!)
            {
                if (row.Length != 4)
                {
                    problems.Add("row with " + row.Length + " cells: " + string.Join(" | ", row));
                    continue;
                }

                // "[PG0001](docs/rules/PG0001.md)"
                var idCell = row[0];
                var close = idCell.IndexOf(']');
                var id = idCell.StartsWith("[") && close > 0 ? idCell.Substring(1, close - 1) : idCell;
                listed.Add(id);
                if (idCell != "[" + id + "](docs/rules/" + id + ".md)")
                {
                    problems.Add(id + ": the ID must link to docs/rules/" + id + ".md");
                }

                var facts = RuleFacts.For(id);
                if (facts is null)
                {
                    problems.Add(id + ": not a declared rule with a descriptor or doc page");
                    continue;
                }

                if (row[1] != facts.Title)
                {
                    problems.Add(id + ": title '" + row[1] + "' is not '" + facts.Title + "'");
                }

                if (row[2] != facts.Severity)
                {
                    problems.Add(id + ": severity '" + row[2] + "' is not '" + facts.Severity + "'");
                }

                var doc = RepositoryRoot.Exists(RuleFacts.DocPath(id)) ? RuleDoc.Parse(RepositoryRoot.ReadText(RuleFacts.DocPath(id))) : null;
                if (doc?.Metadata("Code fix") != row[3])
                {
                    problems.Add(id + ": fix '" + row[3] + "' differs from the doc page's Code fix");
                }
            }

            Assert.Empty(problems);
            Assert.Equal(Catalogue.DeclaredIds, listed);
        }
    }
}
