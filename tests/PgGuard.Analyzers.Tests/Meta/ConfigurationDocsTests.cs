using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>docs/configuration.md documents every pgguard.* option, and no page mentions an undocumented one.</summary>
    public sealed class ConfigurationDocsTests
    {
        private const string ConfigurationPage = "docs/configuration.md";

        /// <summary>The options table of RULES.md (the shared contract, which lives outside this repository).</summary>
        private static readonly string[] ContractKeys =
        {
            "pgguard.superuser_names",
            "pgguard.local_hosts",
            "pgguard.analyze_local_connections",
            "pgguard.ssl_mode",
            "pgguard.max_pool_size",
            "pgguard.max_pool_size_limit",
        };

        [Fact]
        public void Options_table_documents_every_contract_key_and_every_key_the_code_reads()
        {
            // Keys written as "pgguard.x" literals in src/ (the options reader) must be documented too, so an option added
            // in code cannot ship without its row.
            var keys = ContractKeys.Concat(KeysInSourceLiterals()).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();

            var documented = DocumentedKeys();

            Assert.Empty(keys.Except(documented));
        }

        [Fact]
        public void Options_table_rows_have_key_default_values_and_meaning()
        {
            var rows = Markdown.Table(RepositoryRoot.ReadText(ConfigurationPage), "Key", "Default", "Valid values", "Meaning");
            Assert.NotNull(rows);
            Assert.All(rows!, r =>
            {
                Assert.Equal(4, r.Length);
                Assert.All(r, cell => Assert.False(string.IsNullOrWhiteSpace(cell), string.Join(" | ", r)));
            });
        }

        [Fact]
        public void Readme_changelog_and_rule_pages_mention_only_documented_keys()
        {
            var documented = DocumentedKeys();
            var files = new[] { "README.md", "CHANGELOG.md", ConfigurationPage }
                .Concat(Catalogue.DeclaredIds.Select(RuleFacts.DocPath))
                .Where(RepositoryRoot.Exists);

            var unknown = files
                .SelectMany(f => KeysIn(RepositoryRoot.ReadText(f)).Select(k => f + ": " + k))
                .Where(entry => !documented.Contains(entry.Substring(entry.IndexOf(": ", StringComparison.Ordinal) + 2)))
                .ToList();

            Assert.Empty(unknown);
        }

        [Fact]
        public void Key_scanner_reads_whole_keys_and_skips_wildcards()
        {
            Assert.Equal(
                new[] { "pgguard.ssl_mode", "pgguard.max_pool_size_limit" },
                KeysIn("set `pgguard.ssl_mode = X`, pgguard.* keys, \"pgguard.max_pool_size_limit\" and github.com/pgguard/x"));
        }

        private static HashSet<string> DocumentedKeys()
        {
            var rows = Markdown.Table(RepositoryRoot.ReadText(ConfigurationPage), "Key", "Default", "Valid values", "Meaning");
            Assert.True(rows is not null, ConfigurationPage + " has no '| Key | Default | Valid values | Meaning |' table");
            return new HashSet<string>(rows!.Select(r => r[0].Trim('`')), StringComparer.Ordinal);
        }

        private static IEnumerable<string> KeysInSourceLiterals() =>
            Directory.GetFiles(RepositoryRoot.FullPath("src"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .SelectMany(f => KeysIn(File.ReadAllText(f), literalsOnly: true));

        /// <summary>"pgguard." followed by at least one of [a-z0-9_]; with <paramref name="literalsOnly"/>, only inside "…".</summary>
        private static List<string> KeysIn(string text, bool literalsOnly = false)
        {
            const string Prefix = "pgguard.";
            var keys = new List<string>();
            for (var i = text.IndexOf(Prefix, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Prefix, i + 1, StringComparison.Ordinal))
            {
                var end = i + Prefix.Length;
                while (end < text.Length && (char.IsAsciiLetterLower(text[end]) || char.IsAsciiDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                var isLiteral = i > 0 && text[i - 1] == '"' && end < text.Length && text[end] == '"';
                if (end > i + Prefix.Length && (!literalsOnly || isLiteral))
                {
                    keys.Add(text.Substring(i, end - i));
                }
            }

            return keys;
        }
    }
}
