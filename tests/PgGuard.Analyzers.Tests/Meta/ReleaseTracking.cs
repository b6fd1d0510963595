using System;
using System.Collections.Generic;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>
    /// Reads AnalyzerReleases.Shipped.md then Unshipped.md the way the RS2000 family does: "New Rules" rows add an ID,
    /// "Changed Rules" rows (ID | new category | new severity | old category | old severity | notes) change it,
    /// "Removed Rules" rows remove it.
    /// </summary>
    internal static class ReleaseTracking
    {
        public static Dictionary<string, (string Category, string Severity)> Current(IList<string> problems, params string[] filesInReleaseOrder)
        {
            var rules = new Dictionary<string, (string Category, string Severity)>(StringComparer.Ordinal);
            foreach (var text in filesInReleaseOrder)
            {
                var section = "";
                foreach (var raw in Markdown.Lines(text))
                {
                    var line = raw.Trim();
                    if (line.StartsWith("#", StringComparison.Ordinal))
                    {
                        section = line;
                        continue;
                    }

                    if (line.Length == 0 || line[0] == ';' || line.StartsWith("Rule ID", StringComparison.Ordinal) ||
                        line.StartsWith("---", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var cells = line.Split('|');
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = cells[i].Trim();
                    }

                    var id = cells[0];
                    switch (section)
                    {
                        case "### New Rules" when cells.Length >= 3:
                            if (rules.ContainsKey(id))
                            {
                                problems.Add(id + " is added twice");
                            }

                            rules[id] = (cells[1], cells[2]);
                            break;
                        case "### Changed Rules" when cells.Length >= 3:
                            if (!rules.ContainsKey(id))
                            {
                                problems.Add(id + " is changed before it is added");
                            }

                            rules[id] = (cells[1], cells[2]);
                            break;
                        case "### Removed Rules":
                            if (!rules.Remove(id))
                            {
                                problems.Add(id + " is removed but was never added");
                            }

                            break;
                        default:
                            problems.Add("Unexpected line under '" + section + "': " + line);
                            break;
                    }
                }
            }

            return rules;
        }
    }
}
