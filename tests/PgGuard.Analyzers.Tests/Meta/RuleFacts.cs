using System.Collections.Generic;
using System.IO;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>What every listing of a rule (doc page, README row, release entry) must agree on.</summary>
    internal sealed record RuleFacts(string Id, string Title, string Category, string Severity)
    {
        public static string DocPath(string id) => Path.Combine("docs", "rules", id + ".md");

        /// <summary>
        /// The facts of <paramref name="id"/>: its descriptor's; for a rule whose descriptor is still pending
        /// (<see cref="Catalogue.AllowedPendingIds"/>), its doc page's, so README and release tracking must at least agree
        /// with the page. Null when neither exists (other tests report that).
        /// </summary>
        public static RuleFacts? For(string id)
        {
            if (Catalogue.ById.TryGetValue(id, out var descriptor))
            {
                return new RuleFacts(id, descriptor.Title.ToString(), descriptor.Category, descriptor.DefaultSeverity.ToString());
            }

            if (!RepositoryRoot.Exists(DocPath(id)))
            {
                return null;
            }

            var doc = RuleDoc.Parse(RepositoryRoot.ReadText(DocPath(id)));
            var title = doc.TitleFor(id);
            var category = doc.Metadata("Category");
            var severity = doc.Metadata("Default severity");
            return title is null || category is null || severity is null ? null : new RuleFacts(id, title, category, severity);
        }

        public static Dictionary<string, RuleFacts?> ForAll()
        {
            var all = new Dictionary<string, RuleFacts?>();
            foreach (var id in Catalogue.DeclaredIds)
            {
                all[id] = For(id);
            }

            return all;
        }
    }
}
