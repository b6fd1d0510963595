using System;
using System.Collections.Generic;
using System.Linq;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>The descriptor catalogue is complete and written to be read (STYLE.md items 3 and 4).</summary>
    public sealed class DescriptorCatalogueTests
    {
        [Fact]
        public void Declared_ids_are_distinct_and_well_formed()
        {
            Assert.NotEmpty(Catalogue.DeclaredIds);
            Assert.Equal(Catalogue.DeclaredIds.Count, Catalogue.DeclaredIds.Distinct().Count());
            Assert.All(Catalogue.DeclaredIds, id =>
                Assert.True(id.Length == 6 && id.StartsWith("PG", StringComparison.Ordinal) && id.Skip(2).All(char.IsDigit), id));
        }

        [Fact]
        public void Every_descriptor_uses_a_declared_id()
        {
            Assert.NotEmpty(Catalogue.Descriptors);
            Assert.All(Catalogue.Descriptors, d => Assert.Contains(d.Descriptor.Id, Catalogue.DeclaredIds));
        }

        [Fact]
        public void Every_declared_id_has_a_descriptor_except_the_pending_sql_block()
        {
            // Descriptors.Sql.cs (PG0100–PG0108) is written in parallel with these docs. Until it is merged, exactly the
            // SQL block may lack descriptors; from the moment one PG01xx descriptor exists, none may be missing.
            var missing = Catalogue.DeclaredIds.Where(id => !Catalogue.ById.ContainsKey(id)).ToList();
            Assert.Equal(Catalogue.AllowedPendingIds.OrderBy(id => id, StringComparer.Ordinal), missing);
        }

        [Fact]
        public void Help_link_is_the_rule_page()
        {
            Assert.All(Catalogue.Descriptors, d => Assert.Equal(HelpLinks.For(d.Descriptor.Id), d.Descriptor.HelpLinkUri));
            Assert.All(Catalogue.Descriptors, d => Assert.EndsWith("/docs/rules/" + d.Descriptor.Id + ".md", d.Descriptor.HelpLinkUri, StringComparison.Ordinal));
        }

        [Fact]
        public void Descriptors_sharing_an_id_share_title_category_and_severity()
        {
            var problems = new List<string>();
            foreach (var (field, descriptor) in Catalogue.Descriptors)
            {
                var first = Catalogue.ById[descriptor.Id];
                if (descriptor.Title.ToString() != first.Title.ToString() || descriptor.Category != first.Category ||
                    descriptor.DefaultSeverity != first.DefaultSeverity || descriptor.IsEnabledByDefault != first.IsEnabledByDefault)
                {
                    problems.Add(field + " differs from the first descriptor of " + descriptor.Id);
                }
            }

            Assert.Empty(problems);
        }

        [Fact]
        public void Categories_are_the_catalogue_categories()
        {
            var known = new[] { Categories.Security, Categories.Reliability, Categories.Configuration };
            Assert.All(Catalogue.Descriptors, d => Assert.Contains(d.Descriptor.Category, known));
        }

        [Fact]
        public void Titles_are_short_phrases_without_a_period()
        {
            Assert.All(Catalogue.Descriptors, d =>
            {
                var title = d.Descriptor.Title.ToString();
                Assert.True(title.Length is > 0 and <= 80, d.Field + ": title length " + title.Length);
                Assert.True(char.IsUpper(title[0]), d.Field + ": title starts in lower case");
                Assert.False(title.EndsWith(".", StringComparison.Ordinal), d.Field + ": title ends with a period");
                Assert.Equal(title.Trim(), title);
            });
        }

        [Fact]
        public void Descriptions_are_full_sentences()
        {
            Assert.All(Catalogue.Descriptors, d =>
            {
                var description = d.Descriptor.Description.ToString();
                Assert.False(string.IsNullOrWhiteSpace(description), d.Field + ": empty description");
                Assert.True(char.IsUpper(description[0]), d.Field + ": description starts in lower case");
                Assert.True(description.EndsWith(".", StringComparison.Ordinal), d.Field + ": description does not end with a period");
                Assert.Contains(' ', description);
                Assert.Equal(description.Trim(), description);
            });
        }

        [Fact]
        public void Message_formats_are_one_sentence_without_a_final_period()
        {
            Assert.All(Catalogue.Descriptors, d =>
            {
                var message = d.Descriptor.MessageFormat.ToString();
                Assert.False(string.IsNullOrWhiteSpace(message), d.Field + ": empty message");
                Assert.False(message.EndsWith(".", StringComparison.Ordinal), d.Field + ": message ends with a period");
                Assert.Equal(message.Trim(), message);
            });
        }

        [Fact]
        public void Message_placeholders_are_numbered_from_zero_without_gaps()
        {
            Assert.All(Catalogue.Descriptors, d =>
            {
                var message = d.Descriptor.MessageFormat.ToString();
                var used = new SortedSet<int>();
                for (var i = message.IndexOf('{'); i >= 0; i = message.IndexOf('{', i + 1))
                {
                    var close = message.IndexOf('}', i);
                    var index = close > i + 1 && message.Substring(i + 1, close - i - 1).All(char.IsDigit)
                        ? int.Parse(message.Substring(i + 1, close - i - 1))
                        : -1;
                    Assert.True(index >= 0, d.Field + ": a '{' that is not a placeholder");
                    used.Add(index);
                }

                Assert.Equal(Enumerable.Range(0, used.Count), used);
            });
        }
    }
}
