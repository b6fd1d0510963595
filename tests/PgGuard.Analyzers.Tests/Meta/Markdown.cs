using System;
using System.Collections.Generic;
using System.Linq;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>The little Markdown the meta-tests need: lines outside code fences and pipe-table rows.</summary>
    internal static class Markdown
    {
        public static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

        /// <summary>Lines that are not inside a ``` fence (and not fence lines themselves).</summary>
        public static IEnumerable<string> LinesOutsideCode(string text)
        {
            var inFence = false;
            foreach (var line in Lines(text))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (!inFence)
                {
                    yield return line;
                }
            }
        }

        public static bool IsTableRow(string line)
        {
            var trimmed = line.Trim();
            return trimmed.Length > 1 && trimmed[0] == '|' && trimmed[trimmed.Length - 1] == '|';
        }

        /// <summary>The trimmed cells of a "| a | b |" row.</summary>
        public static string[] Cells(string row)
        {
            var trimmed = row.Trim();
            return trimmed.Substring(1, trimmed.Length - 2).Split('|').Select(c => c.Trim()).ToArray();
        }

        private static bool IsSeparatorCell(string cell)
        {
            var dashes = cell.Trim(':');
            return dashes.Length > 0 && dashes.All(c => c == '-');
        }

        /// <summary>
        /// The data rows of the first table whose header cells equal <paramref name="header"/>, outside code fences.
        /// Null when there is no such table.
        /// </summary>
        public static List<string[]>? Table(string text, params string[] header)
        {
            List<string[]>? rows = null;
            var afterSeparator = false;
            foreach (var line in LinesOutsideCode(text))
            {
                if (rows is null)
                {
                    if (IsTableRow(line) && Cells(line).SequenceEqual(header))
                    {
                        rows = new List<string[]>();
                    }

                    continue;
                }

                if (!IsTableRow(line))
                {
                    break;
                }

                if (!afterSeparator)
                {
                    if (!Cells(line).All(IsSeparatorCell))
                    {
                        throw new InvalidOperationException("The table header '" + string.Join(" | ", header) + "' is not followed by a |---| row.");
                    }

                    afterSeparator = true;
                    continue;
                }

                rows.Add(Cells(line));
            }

            return rows;
        }
    }
}
