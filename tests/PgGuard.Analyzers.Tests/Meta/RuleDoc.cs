using System;
using System.Collections.Generic;
using System.Linq;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>A parsed docs/rules/&lt;ID&gt;.md page (STYLE.md item 5: one fixed shape for every rule).</summary>
    internal sealed class RuleDoc
    {
        /// <summary>The headings below the title, in this order and no others.</summary>
        public static readonly string[] RequiredHeadings =
        {
            "## Cause",
            "## Why it matters",
            "## How to fix",
            "## When to suppress",
            "## Examples",
            "### Flagged",
            "### Not flagged",
            "## Options",
        };

        /// <summary>The metadata table rows, in this order.</summary>
        public static readonly string[] MetadataKeys = { "ID", "Category", "Default severity", "Code fix" };

        private RuleDoc(string heading, List<string[]>? metadata, List<string> headings, Dictionary<string, string> sections)
        {
            Heading = heading;
            MetadataRows = metadata;
            Headings = headings;
            Sections = sections;
        }

        /// <summary>The first line, expected to be "# PGxxxx: title".</summary>
        public string Heading { get; }

        /// <summary>Rows of the "| Property | Value |" table; null when it is missing.</summary>
        public List<string[]>? MetadataRows { get; }

        /// <summary>Every "##"/"###" heading outside code, in order.</summary>
        public List<string> Headings { get; }

        /// <summary>The text under each heading up to the next one (code blocks included), keyed by the heading.</summary>
        public Dictionary<string, string> Sections { get; }

        public string? Metadata(string key) =>
            MetadataRows?.FirstOrDefault(r => r.Length == 2 && r[0] == key)?[1];

        /// <summary>The title after "# ID: ", or null when the first line has another shape.</summary>
        public string? TitleFor(string id)
        {
            var prefix = "# " + id + ": ";
            return Heading.StartsWith(prefix, StringComparison.Ordinal) ? Heading.Substring(prefix.Length) : null;
        }

        public static RuleDoc Parse(string text)
        {
            var lines = Markdown.Lines(text);
            var headings = new List<string>();
            var sections = new Dictionary<string, string>();
            string? current = null;
            var body = new List<string>();
            var inFence = false;
            foreach (var line in lines.Skip(1))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && line.StartsWith("##", StringComparison.Ordinal))
                {
                    Close();
                    current = line.TrimEnd();
                    headings.Add(current);
                    continue;
                }

                body.Add(line);
            }

            Close();
            return new RuleDoc(lines[0].TrimEnd(), Markdown.Table(text, "Property", "Value"), headings, sections);

            void Close()
            {
                if (current is not null)
                {
                    sections[current] = string.Join("\n", body).Trim();
                }

                body.Clear();
            }
        }
    }
}
