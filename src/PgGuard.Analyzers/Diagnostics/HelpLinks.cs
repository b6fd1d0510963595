namespace PgGuard.Analyzers.Diagnostics
{
    public static class HelpLinks
    {
        public const string DocsRoot = "https://github.com/pgguard/PgGuard.Analyzers/blob/main/docs/rules/";

        /// <summary>The doc page of a rule: docs/rules/&lt;id&gt;.md (a meta-test checks every page exists).</summary>
        public static string For(string id) => DocsRoot + id + ".md";
    }
}
