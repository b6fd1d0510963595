using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PgGuard.Analyzers.Options;
using PgGuard.Analyzers.Sql;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>
    /// The <c>```sql</c> examples on the SQL rule pages agree with the rules: every statement under "Flagged" is reported by
    /// the page's rule, and nothing under "Not flagged" or "How to fix" is.
    /// </summary>
    public sealed class SqlRuleExamplesTests
    {
        public static IEnumerable<object[]> SqlRuleIds =>
            Enumerable.Range(100, 9).Select(n => new object[] { "PG0" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        [Theory]
        [MemberData(nameof(SqlRuleIds))]
        public void Every_flagged_statement_is_reported(string id)
        {
            var statements = SqlBlocks(id, "### Flagged").SelectMany(TopLevelStatements).ToList();
            Assert.NotEmpty(statements);
            Assert.All(statements, s => Assert.True(
                Findings(s.Sql).Any(f => f.Descriptor.Id == id && f.Span.Start >= s.Start && f.Span.End <= s.End),
                id + " does not report: " + s.Sql.Substring(s.Start, s.End - s.Start)));
        }

        [Theory]
        [MemberData(nameof(SqlRuleIds))]
        public void Nothing_under_not_flagged_or_how_to_fix_is_reported(string id)
        {
            foreach (var sql in SqlBlocks(id, "### Not flagged").Concat(SqlBlocks(id, "## How to fix")))
            {
                var finding = Findings(sql).FirstOrDefault(f => f.Descriptor.Id == id);
                Assert.True(finding is null, id + " reports: " + (finding is null ? "" : sql.Substring(finding.Span.Start, finding.Span.Length)));
            }
        }

        private static List<SqlFinding> Findings(string sql) =>
            SqlRules.Analyze(SqlText.FromString(sql), PgGuardOptions.Default, CancellationToken.None);

        /// <summary>Each top-level statement of a block as its text and [start, end) span (bodies and dynamic SQL belong to it).</summary>
        private static IEnumerable<(string Sql, int Start, int End)> TopLevelStatements(string sql) =>
            SqlStatements.Parse(sql)
                .Where(s => s.Origin == SqlStatementOrigin.Script)
                .Select(s => s.SpanOf(0, s.Count - 1))
                .Select(span => (sql, span.Start, span.End));

        /// <summary>The contents of the <c>```sql</c> fences in one section of the rule's page.</summary>
        private static List<string> SqlBlocks(string id, string heading)
        {
            var doc = RuleDoc.Parse(RepositoryRoot.ReadText(RuleFacts.DocPath(id)));
            var blocks = new List<string>();
            var lines = doc.Sections[heading].Split('\n');
            List<string>? block = null;
            foreach (var line in lines)
            {
                var trimmed = line.Trim();
                if (block is null && trimmed == "```sql")
                {
                    block = new List<string>();
                }
                else if (block is not null && trimmed == "```")
                {
                    blocks.Add(string.Join("\n", block));
                    block = null;
                }
                else
                {
                    block?.Add(line);
                }
            }

            return blocks;
        }
    }
}
